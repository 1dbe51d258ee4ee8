package io.synthline.commons.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code tenant} and {@code actor} are extension
 * attributes: every consumer needs them (isolation, audit) and they must not be buried in data.
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param source  URI-reference of the producing service, e.g. {@code /synthline/profiler}
 * @param subject the resource the event is about, e.g. {@code datasets/7f...}
 * @param actorroles realm roles the actor held when acting, comma-separated (CloudEvents extension values
 *                   are strings); null when unknown, e.g. for events of background jobs
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String tenant,
        String actor,
        String actorroles,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenant, "tenant");
        if (specversion == null) {
            specversion = SPEC_VERSION;
        }
        if (datacontenttype == null && data != null) {
            datacontenttype = "application/json";
        }
    }

    public EventEnvelope(String specversion, String id, String source, String type, String subject, Instant time,
            String tenant, String actor, String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, subject, time, tenant, actor, null, datacontenttype, data);
    }

    public static EventEnvelope create(String source, EventType type, String subject, String tenant, String actor,
            Object data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), source, type.wireName(), subject,
                Instant.now().truncatedTo(ChronoUnit.MICROS), tenant, actor, null, "application/json",
                Json.mapper().valueToTree(data));
    }

    /** This event with the actor's roles recorded (sorted, so the same roles always read the same). */
    public EventEnvelope withActorRoles(Collection<String> roles) {
        String joined = roles == null || roles.isEmpty() ? null : String.join(",", new TreeSet<>(roles));
        return new EventEnvelope(specversion, id, source, type, subject, time, tenant, actor, joined, datacontenttype, data);
    }

    @JsonIgnore
    public List<String> actorRoleList() {
        return actorroles == null || actorroles.isBlank() ? List.of() : List.of(actorroles.split(","));
    }

    @JsonIgnore
    public <T> T dataAs(Class<T> type) {
        return Json.mapper().convertValue(data, type);
    }

    @JsonIgnore
    public boolean is(EventType eventType) {
        return eventType.wireName().equals(type);
    }

    public String toJson() {
        return Json.write(this);
    }

    public static EventEnvelope fromJson(String json) {
        return Json.read(json, EventEnvelope.class);
    }
}
