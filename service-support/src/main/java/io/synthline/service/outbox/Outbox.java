package io.synthline.service.outbox;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.service.security.CallerSnapshot;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events to the outbox table. Must be called inside the transaction that changes the state
 * the event describes: either both commit or neither does, so an event is never lost between the
 * database and Kafka (the relay publishes it after commit). Two flavours: the Hibernate Reactive
 * session's transaction, or a Vert.x SQL connection's (for services that write with the SQL client).
 *
 * <p>Events written while serving a request are stamped with the caller's roles
 * ({@code actorroles}) when the caller is the event's actor.
 */
public final class Outbox {
    private Outbox() {
    }

    /** In the current Hibernate Reactive (Panache) transaction. */
    public static Uni<EventEnvelope> enqueue(EventEnvelope event) {
        EventEnvelope stamped = stamped(event);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(stamped.id());
        row.topic = topicOf(stamped);
        row.messageKey = stamped.subject();
        row.payload = stamped.toJson();
        row.createdAt = Instant.now();
        return row.persist().replaceWith(stamped);
    }

    /** In the transaction of {@code conn} (Vert.x SQL client). */
    public static Uni<EventEnvelope> enqueue(SqlConnection conn, EventEnvelope event) {
        EventEnvelope stamped = stamped(event);
        return conn.preparedQuery("INSERT INTO outbox_event (id, topic, message_key, payload, created_at) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(UUID.fromString(stamped.id()), topicOf(stamped), stamped.subject(), stamped.toJson(),
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWith(stamped);
    }

    static EventEnvelope stamped(EventEnvelope event) {
        if (event.actorroles() != null || event.actor() == null) {
            return event;
        }
        return CallerSnapshot.current()
                .filter(caller -> caller.username().equals(event.actor()) && !caller.roles().isEmpty())
                .map(caller -> event.withActorRoles(caller.roles()))
                .orElse(event);
    }

    private static String topicOf(EventEnvelope event) {
        return EventType.fromWireName(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()))
                .topic();
    }
}
