package io.synthline.evaluator.service;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** What an evaluation was run with, recorded with it. */
    record Settings(String label, List<String> sensitive, List<String> quasiIdentifiers, String defaultsFrom,
            String holdout, Set<EvaluationOptions.Section> sections, List<ReplacedColumn> replacedColumns) {
    }

    record Outcome(EvaluationDocument document, Settings settings) {
    }

    /**
     * What to evaluate: the rows the synthesizer fitted on, its output, the real rows it never saw
     * (optional) and the seed of every randomised step.
     */
    record Job(String sourceKey, String outputKey, String holdoutKey, long seed) {
    }

    /** @param maxRows rows per table at most: larger files are sampled while they are read (seeded by the job's seed) */
    static Outcome evaluate(DatasetStore store, Job job, String schemaJson, String profileJson,
            Set<EvaluationOptions.Section> sections, int maxRows) throws IOException {
        TableSchema schema = schemaJson == null ? null : Json.read(schemaJson, TableSchema.class);
        // the stored dataset includes the held-out rows; the evaluation's real side is what the model saw
        EvaluationInputs.Read tables = EvaluationInputs.read(store.localPath(job.sourceKey()), schema,
                store.localPath(job.outputKey()), job.holdoutKey() == null ? null : store.localPath(job.holdoutKey()), maxRows, job.seed());
        Table real = tables.real();
        JsonNode profile = profileJson == null ? null : Json.mapper().readTree(profileJson);
        EvaluationDefaults defaults = EvaluationDefaults.from(real.schema().names(), profile);
        EvaluationOptions options = EvaluationOptions.defaults().withLabel(defaults.label()).withSensitive(defaults.sensitive())
                .withQuasiIdentifiers(defaults.quasiIdentifiers()).withSections(sections).withSeed(job.seed())
                .withReplaced(replacedColumns(store, job.outputKey()));
        Settings settings = new Settings(defaults.label(), defaults.sensitive(), defaults.quasiIdentifiers(), defaults.source(),
                job.holdoutKey() == null ? "none: the generation recorded no holdout" : job.holdoutKey(),
                options.sections(), options.replaced());
        return new Outcome(Evaluator.evaluate(tables, options), settings);
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
        try (DatasetStore.Staged html = store.stage(out -> write(out, Html.render(doc, subject)))) {
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
