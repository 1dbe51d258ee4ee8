package io.synthline.generator.engine.artifact;

import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.privacy.PrivacyReport;
import java.util.List;

/**
 * What a stored model is: enough to decide whether it can answer a request without refitting
 * (same dataset hash, spec and seed) and to verify it was not altered (model hash over the
 * stored parameters). No timestamps, so the same inputs give byte-identical artifacts.
 *
 * @param modelSha256  SHA-256 of the parameter bytes; doubles as the model id
 * @param datasetSha256 SHA-256 of the training file (or of its canonical CSV when fitted from a table)
 * @param trainingRows  rows fitted on; for differentially private models the model's noisy estimate
 *                      (the exact count is private)
 * @param privacy       for differentially private models, the guarantee and what the fit spent; else null
 */
public record ModelManifest(int formatVersion, String engineVersion, String modelSha256, String synthesizer, ModelSpec spec,
        long seed, String datasetSha256, TableSchema schema, long trainingRows, List<String> notes, PrivacyReport privacy) {
    public ModelManifest(int formatVersion, String engineVersion, String modelSha256, String synthesizer, ModelSpec spec, long seed,
            String datasetSha256, TableSchema schema, long trainingRows, List<String> notes) {
        this(formatVersion, engineVersion, modelSha256, synthesizer, spec, seed, datasetSha256, schema, trainingRows, notes, null);
    }
}
