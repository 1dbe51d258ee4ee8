package io.synthline.commons.api;

import java.time.Instant;

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
        Instant completedAt) {
}
