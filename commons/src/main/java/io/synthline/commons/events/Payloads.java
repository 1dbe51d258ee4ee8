package io.synthline.commons.events;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.table.TableSchema;
import java.util.List;
import java.util.Map;

/** The {@code data} of each event type. Records so that producers and consumers share one shape. */
public final class Payloads {
    private Payloads() {
    }

    /** A dataset's bytes are stored and recorded; nothing is known yet about its content beyond size and hash. */
    public record DatasetRegistered(String datasetId, String name, String storageKey, String sha256, long sizeBytes,
            String owner, String classification) {
    }

    /** {@code schema} is what downstream services read the stored file with, so every service sees the same types. */
    public record DatasetProfiled(String datasetId, String storageKey, long rowCount, int columnCount,
            TableSchema schema, List<ColumnSummary> columns, String profileVersion) {
    }

    public record DatasetDeleted(String datasetId, String reason) {
    }

    public record GenerationRequested(String generationId, String datasetId, String model, long rows, long seed) {
    }

    public record GenerationProgress(String generationId, long rowsDone, long rowsTotal) {
    }

    /**
     * @param holdoutStorageKey real rows the generator held out from fitting (optional): the
     *                          evaluator uses them as the control of overfitting and privacy
     *                          attacks and as the ML-utility test set; then
     *                          {@code sourceStorageKey} should hold only the rows the model saw
     */
    public record GenerationCompleted(String generationId, String datasetId, String model, long rows, long seed,
            String sourceStorageKey, String outputStorageKey, String outputSha256, long durationMillis,
            String holdoutStorageKey) {
        public GenerationCompleted(String generationId, String datasetId, String model, long rows, long seed,
                String sourceStorageKey, String outputStorageKey, String outputSha256, long durationMillis) {
            this(generationId, datasetId, model, rows, seed, sourceStorageKey, outputStorageKey, outputSha256,
                    durationMillis, null);
        }
    }

    public record GenerationFailed(String generationId, String datasetId, String reason) {
    }

    /**
     * @param scores           the summary: see {@code EvaluationSummary} in the evaluator engine for the keys
     * @param reportStorageKey the full evaluation document (JSON) in the dataset store; the HTML
     *                         report sits beside it as {@code report.html}
     */
    public record EvaluationCompleted(String evaluationId, String generationId, String datasetId,
            Map<String, Double> scores, String reportStorageKey) {
    }

    public record EvaluationFailed(String evaluationId, String generationId, String reason) {
    }
}
