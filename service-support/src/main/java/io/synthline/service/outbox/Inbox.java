package io.synthline.service.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Remembers which events a consumer has already handled. Call inside the handler's transaction:
 * the marker commits together with the handler's writes, so a redelivered event is recognised
 * and skipped, and a handler that failed leaves no marker and is retried.
 */
public final class Inbox {
    private Inbox() {
    }

    /** True the first time this consumer sees this event id. */
    public static Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, now()) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
