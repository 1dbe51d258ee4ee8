package io.synthline.service.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed job.
 *
 * @param key        what the job is about (unique per kind), e.g. a generation id
 * @param payload    the event that asked for the work (JSON)
 * @param attempt    this claim's number (1 for the first run)
 * @param leaseToken the fencing token of this claim
 * @param lastError  why the previous attempt ended without an outcome, or null
 */
public record Job(UUID id, String kind, String key, String tenant, String payload, int attempt, long leaseToken,
        String lastError, Instant createdAt) {
}
