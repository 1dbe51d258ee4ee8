package io.synthline.evaluator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Accuracy;
import io.synthline.commons.evaluation.Detection;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.evaluation.Fairness;
import io.synthline.commons.evaluation.PiiReplacement;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.evaluation.Utility;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.EvaluationOptions.Section;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.SdType;
import io.synthline.evaluator.engine.fairness.FairnessEvaluation;
import io.synthline.evaluator.engine.fidelity.MarginalAccuracy;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.pii.PiiReport;
import io.synthline.evaluator.engine.privacy.PrivacyEvaluation;
import io.synthline.evaluator.engine.utility.ClassifierTwoSampleTest;
import io.synthline.evaluator.engine.utility.MlUtility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point: evaluates synthetic data against the real data it imitates (and an optional holdout). */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationDocument evaluate(Table real, Table synthetic) {
        return evaluate(real, synthetic, null, EvaluationOptions.defaults());
    }

    /**
     * @param real    the data the synthesizer was trained on
     * @param holdout real rows the synthesizer never saw, or null
     * @throws BadInputException for mismatched columns, empty tables, unknown label or sensitive columns
     */
    public static EvaluationDocument evaluate(Table real, Table synthetic, Table holdout, EvaluationOptions options) {
        return evaluate(real, synthetic, holdout, options, null);
    }

    /** The tables of {@link EvaluationInputs#read}: the document records how they were sampled. */
    public static EvaluationDocument evaluate(EvaluationInputs.Read tables, EvaluationOptions options) {
        return evaluate(tables.real(), tables.synthetic(), tables.holdout(), options, tables.sampling());
    }

    private static EvaluationDocument evaluate(Table real, Table synthetic, Table holdout, EvaluationOptions options,
            EvaluationDocument.Sampling sampling) {
        try (Parallel parallel = Parallel.open(options.threads(), "synthline-evaluate")) {
            return evaluate(real, synthetic, holdout, options, sampling, parallel);
        }
    }

    private static EvaluationDocument evaluate(Table real, Table synthetic, Table holdout, EvaluationOptions options,
            EvaluationDocument.Sampling sampling, Parallel parallel) {
        requireColumn(real, options.label(), "label");
        options.sensitive().forEach(s -> requireColumn(real, s, "sensitive"));
        options.quasiIdentifiers().forEach(s -> requireColumn(real, s, "quasi-identifier"));
        options.replaced().forEach(r -> requireColumn(real, r.column(), "replaced PII"));
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Long> timings = new LinkedHashMap<>();
        // replaced columns made without the model are no synthetic version of the real column: comparing them with it
        // measures nothing (a fake name never matches a real one) and would drag every score down
        Map<String, ReplacedColumn> generatedOnly = new LinkedHashMap<>();
        options.replaced().stream().filter(ReplacedColumn::generatedOnly).forEach(r -> generatedOnly.put(r.column(), r));
        Map<String, SdType> sdtypes = new LinkedHashMap<>();
        generatedOnly.keySet().forEach(c -> sdtypes.put(c, null));
        sdtypes.putAll(options.sdtypes());
        EvalData data = EvalData.of(real, synthetic, holdout, sdtypes);
        for (String c : data.skippedColumns()) {
            ReplacedColumn r = generatedOnly.get(c);
            skipped.put("column " + c, r == null ? "free text or identifier: not evaluated (as in SDMetrics)"
                    : "replaced personal data (" + r.kind() + "), made without the model: not a synthetic version of the real"
                            + " column; checked under pii and left out of quality, accuracy, detection, utility, privacy and fairness");
        }
        String labelName = options.label() != null && generatedOnly.containsKey(options.label()) ? null : options.label();
        EvalColumn label = labelName == null ? null : evaluated(data, labelName, "label");
        List<EvalColumn> sensitive = options.sensitive().stream().filter(s -> !generatedOnly.containsKey(s))
                .map(s -> evaluated(data, s, "sensitive column")).toList();
        List<EvalColumn> qis = options.quasiIdentifiers().stream().filter(s -> !generatedOnly.containsKey(s))
                .map(s -> evaluated(data, s, "quasi-identifier")).toList();
        if (label != null && label.isContinuous()) {
            skipped.put("utility", "the label '" + label.name() + "' is " + label.type().sdmetricsName()
                    + "; ML utility and fairness need a categorical label");
            skipped.put("fairness", skipped.get("utility"));
            label = null;
        } else if (label == null && options.label() != null) {
            skipped.put("utility", "the label '" + options.label() + "' was replaced by generated personal data");
            skipped.put("fairness", skipped.get("utility"));
        } else if (label == null) {
            skipped.put("utility", "no label column given (--label or the profile's label tag)");
            skipped.put("fairness", "no label column given");
        }
        Quality quality = options.sections().contains(Section.QUALITY)
                ? timed("quality", timings, () -> QualityReport.generate(data, options.thresholds(), parallel)) : null;
        Accuracy accuracy = options.sections().contains(Section.ACCURACY)
                ? timed("accuracy", timings, () -> MarginalAccuracy.compute(data, options.seed(), parallel)) : null;
        Detection detection = options.sections().contains(Section.DETECTION)
                ? timed("detection", timings, () -> ClassifierTwoSampleTest.run(data, options.detectionRows(),
                        options.detectionFolds(), options.seed(), parallel)) : null;
        MlUtility.Run utilityRun = null;
        EvalColumn labelColumn = label;
        if (labelColumn != null && (options.sections().contains(Section.UTILITY) || options.sections().contains(Section.FAIRNESS))) {
            utilityRun = timed("utility", timings, () -> MlUtility.run(data, labelColumn, options.seed(), parallel));
        }
        Utility utility = utilityRun != null && options.sections().contains(Section.UTILITY) ? utilityRun.utility() : null;
        Privacy privacy = null;
        if (options.sections().contains(Section.PRIVACY)) {
            PrivacyEvaluation.Result r = timed("privacy", timings, () -> PrivacyEvaluation.run(data,
                    new PrivacyEvaluation.Options(sensitive, qis, options.maxAttacks(), options.seed()), parallel));
            privacy = r.privacy();
            skipped.putAll(r.skipped());
        }
        Fairness fairness = null;
        if (labelColumn != null && options.sections().contains(Section.FAIRNESS)) {
            if (sensitive.isEmpty()) {
                skipped.put("fairness", "no sensitive columns given (--sensitive or the profile's tags)");
            } else {
                MlUtility.Run run = utilityRun;
                fairness = timed("fairness", timings, () -> FairnessEvaluation.run(data, labelColumn, sensitive,
                        options.favourable(), run));
            }
        }
        PiiReplacement pii = options.replaced().isEmpty() ? null : timed("pii", timings, () -> PiiReport.evaluate(
                holdout == null ? List.of(real) : List.of(real, holdout), synthetic, options.replaced()));
        for (Section s : Section.values()) {
            if (!options.sections().contains(s)) {
                skipped.put(s.name().toLowerCase(java.util.Locale.ROOT), "not requested");
            }
        }
        EvaluationDocument.Inputs inputs = new EvaluationDocument.Inputs(real.rowCount(), synthetic.rowCount(),
                holdout == null ? null : (long) holdout.rowCount(),
                data.columns().stream().map(c -> new EvaluationDocument.ColumnInput(c.name(), c.type().sdmetricsName())).toList(),
                options.label(), sensitive.stream().map(EvalColumn::name).toList(), qis.stream().map(EvalColumn::name).toList(),
                holdout == null ? "none" : "provided", options.seed(), sampling);
        return new EvaluationDocument(EvaluationDocument.SCHEMA_VERSION, inputs, quality, accuracy, detection, utility,
                privacy, fairness, pii, skipped, timings);
    }

    private static void requireColumn(Table real, String name, String role) {
        if (name != null && real.schema().indexOf(name).isEmpty()) {
            throw new BadInputException("unknown-column", "the " + role + " column '" + name
                    + "' is not in the real data; columns are " + real.schema().names());
        }
    }

    private static EvalColumn evaluated(EvalData data, String name, String role) {
        return data.findColumn(name).orElseThrow(() -> new BadInputException("not-evaluable", "the " + role + " '" + name
                + "' is free text or an identifier, which cannot be evaluated; give it an sdtype or pick another column"));
    }

    /** Runs {@code work} and records its wall time in milliseconds under {@code section}. */
    public static <T> T timed(String section, Map<String, Long> timings, Supplier<T> work) {
        long t = System.nanoTime();
        T result = work.get();
        timings.put(section, (System.nanoTime() - t) / 1_000_000);
        return result;
    }
}
