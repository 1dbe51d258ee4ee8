package io.synthline.service.outbox;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes events to the outbox table. Must be called inside the Hibernate Reactive transaction
 * that changes the state the event describes: either both commit or neither does, so an event is
 * never lost between the database and Kafka (the relay publishes it after commit).
 */
public final class Outbox {
    private Outbox() {
    }

    public static Uni<EventEnvelope> enqueue(EventEnvelope event) {
        EventType type = EventType.fromWireName(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()));
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = type.topic();
        row.messageKey = event.subject();
        row.payload = event.toJson();
        row.createdAt = Instant.now();
        return row.persist().replaceWith(event);
    }
}
