package io.synthline.governance.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * An audit record at its place in its tenant's chain. {@code entryHash} is the SHA-256 of
 * {@link #canonicalJson()}, which covers every field including {@code chainIndex} and
 * {@code previousHash}: changing, removing or moving an entry breaks the chain at that point.
 */
public record ChainedEntry(long chainIndex, String tenant, String eventId, String eventType, String source,
        String subject, String actor, List<String> actorRoles, String purpose, String justification, String outcome,
        Instant occurredAt, Instant recordedAt, JsonNode data, String previousHash, String entryHash) {

    /** Version of the hashed document; bumped if its fields ever change (old entries keep verifying with theirs). */
    public static final int FORMAT = 1;

    /** previousHash of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    public ChainedEntry {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }

    public static ChainedEntry of(long chainIndex, AuditRecord r, Instant recordedAt, String previousHash) {
        ChainedEntry unsigned = new ChainedEntry(chainIndex, r.tenant(), r.eventId(), r.eventType(), r.source(), r.subject(),
                r.actor(), r.actorRoles(), r.purpose(), r.justification(), r.outcome(), r.occurredAt(),
                recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS), r.data(), previousHash, null);
        return unsigned.withHash(Sha256.hex(unsigned.canonicalJson()));
    }

    public ChainedEntry withHash(String hash) {
        return new ChainedEntry(chainIndex, tenant, eventId, eventType, source, subject, actor, actorRoles, purpose,
                justification, outcome, occurredAt, recordedAt, data, previousHash, hash);
    }

    /** The hash the content deserves (compare with the stored {@link #entryHash()}). */
    public String computeHash() {
        return Sha256.hex(canonicalJson());
    }

    /** The hashed document: every field except the entry hash itself, in RFC 8785 form. */
    public String canonicalJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("format", FORMAT);
        o.put("chainIndex", chainIndex);
        o.put("tenant", tenant);
        o.put("eventId", eventId);
        o.put("eventType", eventType);
        o.put("source", source);
        o.put("subject", subject);
        o.put("actor", actor);
        ArrayNode roles = o.putArray("actorRoles");
        actorRoles.forEach(roles::add);
        o.put("purpose", purpose);
        o.put("justification", justification);
        o.put("outcome", outcome);
        o.put("occurredAt", Timestamps.format(occurredAt));
        o.put("recordedAt", Timestamps.format(recordedAt));
        o.set("data", data == null ? o.nullNode() : data);
        o.put("previousHash", previousHash);
        return CanonicalJson.write(o);
    }
}
