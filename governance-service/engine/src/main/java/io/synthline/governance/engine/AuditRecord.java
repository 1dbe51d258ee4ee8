package io.synthline.governance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.events.EventEnvelope;
import java.time.Instant;

/**
 * What the audit trail keeps about one domain event: who (actor, tenant), what (type, outcome),
 * on which resource (subject), when, and the event data as evidence.
 */
public record AuditRecord(String eventId, String tenant, String eventType, String source, String subject,
        String actor, String outcome, Instant occurredAt, JsonNode data) {

    public static AuditRecord of(EventEnvelope event) {
        return new AuditRecord(event.id(), event.tenant(), event.type(), event.source(), event.subject(),
                event.actor() == null ? "system" : event.actor(), outcomeOf(event.type()),
                event.time() == null ? Instant.now() : event.time(), event.data());
    }

    /** failed/refused events are failures; everything else records something that happened. */
    static String outcomeOf(String type) {
        if (type.endsWith(".failed") || type.endsWith(".refused") || type.endsWith(".denied")) {
            return "failure";
        }
        return "success";
    }
}
