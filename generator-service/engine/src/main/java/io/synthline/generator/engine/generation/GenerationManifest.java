package io.synthline.generator.engine.generation;

import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.shard.ShardRecord;
import io.synthline.generator.engine.synthesis.HoldoutSplit;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.util.List;

/**
 * The provenance of one output file: which model (by hash) made which rows with which seed and
 * settings, what the privacy guard removed, and the file's hash. With the model artifact and
 * this manifest any row can be regenerated ({@code firstRow = row, rows = 1}). For differentially
 * private models it carries the privacy report: the (epsilon, delta) guarantee of the data.
 *
 * @param trainingRows rows the model learned from (for DP models the noisy estimate it reports)
 * @param holdout      the share of the dataset's rows held out of the fit (null: none), see {@link HoldoutSplit}
 * @param replacedColumns the columns whose values replaced personal data, and whether the model learned anything of
 *                     them (the evaluator reads this to report them apart from the synthetic columns)
 * @param shards       for a run sampled in shards, each shard's rows, size and SHA-256 in file order (null: one run)
 */
public record GenerationManifest(String runId, String modelId, String synthesizer, String engineVersion, String datasetSha256,
        long seed, long firstRow, long rowsRequested, long rowsWritten, long copiesRedrawn, long rowsDropped,
        List<ConditionSpec> conditions, RebalanceSpec rebalance, boolean excludeTrainingCopies, boolean provenanceColumns,
        String format, long bytes, String outputSha256, PrivacyReport privacy, long trainingRows, Double holdout,
        List<ReplacedColumn> replacedColumns, List<ShardRecord> shards) {

    public static GenerationManifest of(SynthesisModel model, GenerationSettings s, Generation.Result r, String format) {
        return new GenerationManifest(r.runId(), model.id(), model.manifest().synthesizer(), SynthesisModel.ENGINE_VERSION,
                model.manifest().datasetSha256(), s.seed(), s.firstRow(), r.rowsRequested(), r.rowsWritten(), r.copiesRedrawn(),
                r.rowsDropped(), s.conditions(), s.rebalance(), s.excludeTrainingCopies() && !model.isPrivate(), s.provenanceColumns(), format, r.bytes(),
                r.sha256(), model.privacy(), model.manifest().trainingRows(), model.manifest().spec().holdout(),
                model.layout().replacedColumns(), null);
    }

    /** The same manifest naming the model by the id its owner knows it by (the platform's tenant-scoped id). */
    public GenerationManifest withModelId(String id) {
        return new GenerationManifest(runId, id, synthesizer, engineVersion, datasetSha256, seed, firstRow, rowsRequested,
                rowsWritten, copiesRedrawn, rowsDropped, conditions, rebalance, excludeTrainingCopies, provenanceColumns, format,
                bytes, outputSha256, privacy, trainingRows, holdout, replacedColumns, shards);
    }

    /**
     * The same manifest for another encoding of the same rows (the Parquet file converted from the
     * sampled CSV): {@code bytes} and {@code outputSha256} always describe the file users receive.
     */
    public GenerationManifest forFile(long fileBytes, String fileSha256) {
        return new GenerationManifest(runId, modelId, synthesizer, engineVersion, datasetSha256, seed, firstRow, rowsRequested,
                rowsWritten, copiesRedrawn, rowsDropped, conditions, rebalance, excludeTrainingCopies, provenanceColumns, format,
                fileBytes, fileSha256, privacy, trainingRows, holdout, replacedColumns, shards);
    }

    /** The same manifest listing the shards the file was joined from. */
    public GenerationManifest withShards(List<ShardRecord> parts) {
        return new GenerationManifest(runId, modelId, synthesizer, engineVersion, datasetSha256, seed, firstRow, rowsRequested,
                rowsWritten, copiesRedrawn, rowsDropped, conditions, rebalance, excludeTrainingCopies, provenanceColumns, format,
                bytes, outputSha256, privacy, trainingRows, holdout, replacedColumns, parts == null ? null : List.copyOf(parts));
    }
}
