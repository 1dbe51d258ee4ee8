package io.synthline.commons.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the append-only audit trail: who (actor, roles), what (event type, outcome), which
 * resource (subject), when (occurred, recorded), why (purpose, justification), the event data as
 * evidence, and its place in the tenant's hash chain.
 *
 * @param chainIndex   position in the tenant's chain (1 = first); null for entries written before chaining
 * @param previousHash SHA-256 of the entry before it ({@code 000...0} for the first)
 * @param entryHash    SHA-256 of this entry's canonical JSON
 */
public record AuditEntryView(
        long sequence,
        String eventId,
        String eventType,
        String source,
        String subject,
        String actor,
        Instant occurredAt,
        Instant recordedAt,
        JsonNode data,
        String tenant,
        Long chainIndex,
        List<String> actorRoles,
        String purpose,
        String justification,
        String outcome,
        String previousHash,
        String entryHash) {
}
