package io.synthline.commons.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of the append-only audit trail. */
public record AuditEntryView(
        long sequence,
        String eventId,
        String eventType,
        String source,
        String subject,
        String actor,
        Instant occurredAt,
        Instant recordedAt,
        JsonNode data) {
}
