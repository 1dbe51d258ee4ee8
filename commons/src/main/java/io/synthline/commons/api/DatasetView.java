package io.synthline.commons.api;

import java.time.Instant;
import java.util.List;

/** A dataset as the API shows it. Tenant is implied by the caller and therefore not repeated here. */
public record DatasetView(
        String id,
        String name,
        String owner,
        String status,
        long sizeBytes,
        String sha256,
        Long rowCount,
        Integer columnCount,
        List<ColumnSummary> columns,
        Instant createdAt,
        Instant profiledAt) {
}
