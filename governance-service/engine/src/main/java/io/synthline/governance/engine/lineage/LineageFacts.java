package io.synthline.governance.engine.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What governance knows about the artefacts of one source dataset, as plain records (no storage). */
public final class LineageFacts {
    private LineageFacts() {
    }

    /** @param tables the tables of a dataset made of several tables; empty for one table */
    public record Dataset(String tenant, String id, String name, String sha256, Long rowCount, Integer columnCount,
            String profileVersion, String classification, Instant registeredAt, Instant profiledAt, String status,
            List<io.synthline.commons.events.Payloads.TableSummary> tables) {
        public Dataset {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }

        public Dataset(String tenant, String id, String name, String sha256, Long rowCount, Integer columnCount, String profileVersion,
                String classification, Instant registeredAt, Instant profiledAt, String status) {
            this(tenant, id, name, sha256, rowCount, columnCount, profileVersion, classification, registeredAt, profiledAt, status, null);
        }
    }

    /**
     * @param epsilon null for non-DP models
     * @param tables  every table a run on a dataset of several tables wrote; empty for one table
     */
    public record Generation(String id, String model, Long rows, Long seed, Double epsilon, Double delta, String status,
            String requestedBy, Instant requestedAt, Instant completedAt, String outputSha256, String releaseStatus, String releasedBy,
            Instant releasedAt, String releaseReason, List<io.synthline.commons.events.Payloads.GeneratedTable> tables) {
        public Generation {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }

        public Generation(String id, String model, Long rows, Long seed, Double epsilon, Double delta, String status, String requestedBy,
                Instant requestedAt, Instant completedAt, String outputSha256, String releaseStatus, String releasedBy, Instant releasedAt,
                String releaseReason) {
            this(id, model, rows, seed, epsilon, delta, status, requestedBy, requestedAt, completedAt, outputSha256, releaseStatus,
                    releasedBy, releasedAt, releaseReason, null);
        }
    }

    public record Evaluation(String id, String generationId, String status, Map<String, Double> scores, String requestId,
            Instant completedAt) {
    }

    public record Snapshot(Dataset dataset, List<Generation> generations, List<Evaluation> evaluations) {
    }
}
