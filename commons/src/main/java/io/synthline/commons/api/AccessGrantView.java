package io.synthline.commons.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An access grant as the governance API shows it: who may request generations from which dataset,
 * for what purpose, until when; revoked grants keep who revoked them and when.
 */
public record AccessGrantView(long id, UUID datasetId, String grantee, String purpose, Instant expiresAt, String grantedBy,
        Instant grantedAt, Instant revokedAt, String revokedBy) {
}
