package io.synthline.governance.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.events.EventEnvelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the audit trail keeps about one domain event: who (actor, roles, tenant), what (type,
 * outcome), on which resource (subject), when, why (purpose, justification) and the event data as
 * evidence.
 */
public record AuditRecord(String eventId, String tenant, String eventType, String source, String subject,
        String actor, List<String> actorRoles, String purpose, String justification, String outcome,
        Instant occurredAt, JsonNode data) {

    public static final String SYSTEM_ACTOR = "system";

    public AuditRecord {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static AuditRecord of(EventEnvelope event) {
        JsonNode data = event.data();
        return new AuditRecord(event.id(), event.tenant(), event.type(), event.source(), event.subject(),
                event.actor() == null ? SYSTEM_ACTOR : event.actor(), event.actorRoleList().stream().sorted().toList(),
                text(data, "purpose"), text(data, "justification"), outcomeOf(event.type()),
                event.time() == null ? Instant.now() : event.time(), data);
    }

    /** failed/refused/quarantined events record a negative outcome; everything else something that happened. */
    static String outcomeOf(String type) {
        if (type.endsWith(".failed") || type.endsWith(".refused") || type.endsWith(".denied")) {
            return "failure";
        }
        if (type.endsWith(".quarantined") || type.endsWith(".approval-pending") || type.startsWith("alert.raised")) {
            return "attention";
        }
        return "success";
    }

    private static String text(JsonNode data, String field) {
        if (data == null || !data.hasNonNull(field)) {
            return null;
        }
        String value = data.get(field).asText();
        return value.isBlank() ? null : value;
    }
}
