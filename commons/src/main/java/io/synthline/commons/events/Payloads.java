package io.synthline.commons.events;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.profile.PiiFinding;
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

    /**
     * {@code schema} is what downstream services read the stored file with, so every service sees the same types.
     * The full profile document ({@link io.synthline.commons.profile.DatasetProfile}) is stored next to the data
     * under {@code profileKey}; the event carries what consumers act on: the schema, per-column summaries, the
     * PII findings (generator: PII replacement) and the attribute tags (evaluator: fairness; governance:
     * classification). For very wide tables {@code columns} and then {@code schema} are left out (null) to keep
     * the event small; consumers then read the document under {@code profileKey}. See docs/profile.md.
     */
    public record DatasetProfiled(String datasetId, String storageKey, long rowCount, int columnCount,
            TableSchema schema, List<ColumnSummary> columns, String profileVersion, String profileKey,
            String profileSha256, List<PiiFinding> pii, List<AttributeTag> attributes) {

        /** The version-1 shape, without the profile document reference, PII findings and attribute tags. */
        public DatasetProfiled(String datasetId, String storageKey, long rowCount, int columnCount, TableSchema schema,
                List<ColumnSummary> columns, String profileVersion) {
            this(datasetId, storageKey, rowCount, columnCount, schema, columns, profileVersion, null, null, List.of(),
                    List.of());
        }

        public DatasetProfiled {
            pii = pii == null ? List.of() : List.copyOf(pii);
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
        }
    }

    public record DatasetDeleted(String datasetId, String reason) {
    }

    public record GenerationRequested(String generationId, String datasetId, String model, long rows, long seed) {
    }

    public record GenerationProgress(String generationId, long rowsDone, long rowsTotal) {
    }

    public record GenerationCompleted(String generationId, String datasetId, String model, long rows, long seed,
            String sourceStorageKey, String outputStorageKey, String outputSha256, long durationMillis) {
    }

    public record GenerationFailed(String generationId, String datasetId, String reason) {
    }

    public record EvaluationCompleted(String evaluationId, String generationId, String datasetId,
            Map<String, Double> scores, String reportStorageKey) {
    }

    public record EvaluationFailed(String evaluationId, String generationId, String reason) {
    }
}
