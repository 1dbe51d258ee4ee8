package io.synthline.commons.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An operational alert of a tenant (budget nearly spent, broken audit chain, evaluator
 * unavailable, ...) and whether someone acknowledged it.
 *
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param resource what it is about, e.g. {@code datasets/<id>}
 */
public record AlertView(UUID id, String kind, String severity, String resource, String message, Instant raisedAt,
        Instant acknowledgedAt, String acknowledgedBy) {
}
