package io.synthline.commons.api;

import java.time.Instant;

/**
 * A generation as the API shows it.
 *
 * @param status        REQUESTED, PENDING_APPROVAL, RUNNING, COMPLETED, FAILED, CANCELLED or REFUSED
 * @param rowsDone      progress of a running job
 * @param copiesRedrawn sampled rows equal to a training row that were drawn again
 * @param rowsDropped   rows given up after repeated copies (tiny domains only)
 * @param modelId       SHA-256 of the stored model that made the rows
 * @param runId         content-derived id of the run (the {@code _synth_run} column)
 * @param releaseStatus null while no release gate applies, else RELEASED, QUARANTINED or OVERRIDDEN
 * @param waiting       why the run or its release waits (queued behind other runs, an owner's approval, a retry after
 *                      a failed attempt, the evaluation the release gate needs); null when nothing waits
 */
public record GenerationView(
        String id,
        String datasetId,
        String status,
        String model,
        long rows,
        long seed,
        String outputSha256,
        String error,
        Instant createdAt,
        Instant completedAt,
        Long rowsDone,
        Long rowsWritten,
        Long copiesRedrawn,
        Long rowsDropped,
        Long outputBytes,
        String format,
        String modelId,
        String runId,
        String releaseStatus,
        Instant startedAt,
        String waiting) {

    public GenerationView(String id, String datasetId, String status, String model, long rows, long seed, String outputSha256,
            String error, Instant createdAt, Instant completedAt, Long rowsDone, Long rowsWritten, Long copiesRedrawn,
            Long rowsDropped, Long outputBytes, String format, String modelId, String runId, String releaseStatus, Instant startedAt) {
        this(id, datasetId, status, model, rows, seed, outputSha256, error, createdAt, completedAt, rowsDone, rowsWritten, copiesRedrawn,
                rowsDropped, outputBytes, format, modelId, runId, releaseStatus, startedAt, null);
    }

    public GenerationView withWaiting(String reason) {
        return new GenerationView(id, datasetId, status, model, rows, seed, outputSha256, error, createdAt, completedAt, rowsDone,
                rowsWritten, copiesRedrawn, rowsDropped, outputBytes, format, modelId, runId, releaseStatus, startedAt, reason);
    }

    public GenerationView(String id, String datasetId, String status, String model, long rows, long seed, String outputSha256,
            String error, Instant createdAt, Instant completedAt) {
        this(id, datasetId, status, model, rows, seed, outputSha256, error, createdAt, completedAt, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
