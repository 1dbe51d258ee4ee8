package io.synthline.service.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Remembers which events a consumer has already handled. Call inside the handler's transaction:
 * the marker commits together with the handler's writes, so a redelivered event is recognised
 * and skipped, and a handler that failed leaves no marker and is retried.
 */
public final class Inbox {
    static final String INSERT = "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ($1, $2, now()) "
            + "ON CONFLICT DO NOTHING";

    private Inbox() {
    }

    /** True the first time this consumer sees this event id (Hibernate Reactive session's transaction). */
    public static Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(INSERT.replace("$1", "?1").replace("$2", "?2"))
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** True the first time this consumer sees this event id (transaction of {@code conn}). */
    public static Uni<Boolean> firstDelivery(SqlConnection conn, String consumer, String eventId) {
        return conn.preparedQuery(INSERT).execute(Tuple.of(consumer, eventId)).map(rows -> rows.rowCount() == 1);
    }
}
