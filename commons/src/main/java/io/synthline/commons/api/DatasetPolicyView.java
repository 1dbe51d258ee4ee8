package io.synthline.commons.api;

import java.time.Instant;

/**
 * A dataset as governance records it: who owns it, how sensitive it is, why it is processed and
 * on which legal basis, how long it may be kept, and where it stands.
 *
 * @param retention   ISO-8601 duration (e.g. {@code P365D}); null = kept until deleted by its owner
 * @param retainUntil registration time + retention
 * @param status      {@code ACTIVE}, {@code DELETION_REQUESTED} or {@code DELETED}
 */
public record DatasetPolicyView(String id, String name, String owner, String classification, String purpose,
        String legalBasis, String retention, Instant retainUntil, String status, String sha256, Long sizeBytes, Long rowCount,
        Integer columnCount, Instant registeredAt, Instant profiledAt, Instant deletedAt) {
}
