package io.synthline.evaluator.service;

import io.synthline.commons.evaluation.RelationalEvaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.relational.RelationalEvaluator;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.EvaluationView.Settings;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.evaluator.engine.EvaluationDefaults;
import io.synthline.evaluator.engine.EvaluationInputs;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.Evaluator;
import io.synthline.evaluator.engine.report.Html;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** One evaluation of a completed generation: inputs from the store, defaults from the profile, documents back into the store. */
final class EvaluationRun {
    private EvaluationRun() {
    }

    record Outcome(EvaluationDocument document, Settings settings) {
    }

    /**
     * What to evaluate: the rows the synthesizer fitted on, its output, the real rows it never saw
     * (optional) and the seed of every randomised step.
     */
    record Job(String sourceKey, String outputKey, String holdoutKey, long seed) {
    }

    /**
     * @param maxRows rows per table at most: larger files are sampled while they are read (seeded by the job's seed)
     * @param threads worker threads; the results do not depend on them
     */
    static Outcome evaluate(DatasetStore store, Job job, String schemaJson, String profileJson,
            Set<EvaluationOptions.Section> sections, int maxRows, int threads) throws IOException {
        TableSchema schema = schemaJson == null ? null : Json.read(schemaJson, TableSchema.class);
        // the stored dataset includes the held-out rows; the evaluation's real side is what the model saw
        EvaluationInputs.Read tables = EvaluationInputs.read(store.localPath(job.sourceKey()), schema,
                store.localPath(job.outputKey()), job.holdoutKey() == null ? null : store.localPath(job.holdoutKey()), maxRows, job.seed());
        Table real = tables.real();
        JsonNode profile = profileJson == null ? null : Json.mapper().readTree(profileJson);
        EvaluationDefaults defaults = EvaluationDefaults.from(real.schema().names(), profile);
        EvaluationOptions options = EvaluationOptions.defaults().withLabel(defaults.label()).withSensitive(defaults.sensitive())
                .withQuasiIdentifiers(defaults.quasiIdentifiers()).withSections(sections).withSeed(job.seed())
                .withReplaced(replacedColumns(store, job.outputKey())).withThreads(threads);
        Settings settings = new Settings(defaults.label(), defaults.sensitive(), defaults.quasiIdentifiers(), defaults.source(),
                job.holdoutKey() == null ? "none: the generation recorded no holdout" : job.holdoutKey(),
                options.sections().stream().map(Enum::name).toList(), options.replaced());
        return new Outcome(Evaluator.evaluate(tables, options), settings);
    }

    /**
     * A dataset of several tables ({@link StoredRelational}): the multi-table QualityReport,
     * referential integrity and sequence metrics of the synthetic tables against the tables the
     * model saw (the stored dataset without the held-out entities), and with a holdout the
     * entity-level privacy attacks. Wrapped in the evaluation document's {@code relational} section;
     * the single-table sections do not apply and say so in {@code skipped}.
     */
    static Outcome evaluateTables(DatasetStore store, Job job, int threads) throws IOException {
        RelationalDataset all = StoredRelational.read(store, job.sourceKey());
        RelationalDataset holdout = job.holdoutKey() == null ? null : StoredRelational.readLike(store, job.holdoutKey(), all);
        RelationalDataset real = holdout == null ? all : Entities.withoutEntities(all, holdout);
        RelationalDataset synthetic = StoredRelational.readLike(store, job.outputKey(), all);
        RelationalEvaluation relational = RelationalEvaluator.evaluate(real, synthetic, holdout, QualityReport.Thresholds.DEFAULT,
                job.seed(), threads);
        long realRows = relational.tables().stream().mapToLong(RelationalEvaluation.TableInput::realRows).sum();
        long syntheticRows = relational.tables().stream().mapToLong(RelationalEvaluation.TableInput::syntheticRows).sum();
        Long holdoutRows = holdout == null ? null
                : relational.tables().stream().mapToLong(t -> t.holdoutRows() == null ? 0 : t.holdoutRows()).sum();
        String holdoutSource = job.holdoutKey() == null ? "none: the generation recorded no holdout" : job.holdoutKey();
        Map<String, String> skipped = new LinkedHashMap<>(relational.skipped());
        String tables = "not measured for a dataset of several tables (see relational: quality, integrity, sequences, entity privacy)";
        for (String section : List.of("accuracy", "detection", "utility", "fairness")) {
            skipped.put(section, section + " is " + tables);
        }
        if (relational.quality() == null) {
            skipped.put("quality", "the multi-table quality report has no score");
        }
        EvaluationDocument doc = new EvaluationDocument(EvaluationDocument.SCHEMA_VERSION, new EvaluationDocument.Inputs(realRows,
                syntheticRows, holdoutRows, List.of(), null, List.of(), List.of(), holdoutSource, job.seed()), null, null, null, null,
                null, null, null, skipped, relational.timingsMillis(), relational);
        Settings settings = new Settings(null, List.of(), List.of(), "several tables: " + String.join(", ",
                relational.tables().stream().map(RelationalEvaluation.TableInput::name).toList()), holdoutSource,
                List.of(), List.of());
        return new Outcome(doc, settings);
    }

    /**
     * The columns that replaced personal data, from the provenance manifest the generator stores next
     * to the output ({@code <tenant>/generations/<id>/manifest.json}); none when there is no manifest.
     */
    static List<ReplacedColumn> replacedColumns(DatasetStore store, String outputKey) throws IOException {
        String key = outputKey.substring(0, outputKey.lastIndexOf('/') + 1) + "manifest.json";
        if (!store.exists(key)) {
            return List.of();
        }
        try (var in = store.open(key)) {
            return EvaluationInputs.replacedColumns(in, "of the generation");
        }
    }

    /** Writes the JSON document and the HTML report under {@code <tenant>/evaluations/<id>/}; returns the JSON's key. */
    static String store(DatasetStore store, String tenant, Html.Subject subject, EvaluationDocument doc) throws IOException {
        String prefix = tenant + "/evaluations/" + subject.evaluationId() + "/";
        String page = doc.relational() != null ? io.synthline.evaluator.engine.report.RelationalHtml.render(doc.relational())
                : Html.render(doc, subject);
        try (DatasetStore.Staged html = store.stage(out -> write(out, page))) {
            html.commit(prefix + "report.html");
        }
        try (DatasetStore.Staged json = store.stage(out -> write(out, Json.write(doc)))) {
            return json.commit(prefix + "evaluation.json").key();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
