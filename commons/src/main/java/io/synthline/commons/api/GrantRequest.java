package io.synthline.commons.api;

import java.time.Instant;

/**
 * A data owner lets a user request generations from a dataset for a purpose.
 *
 * @param grantee   an enabled user of the tenant who may request generations
 * @param expiresAt optional end of the grant; in the future
 */
public record GrantRequest(String grantee, String purpose, Instant expiresAt) {
}
