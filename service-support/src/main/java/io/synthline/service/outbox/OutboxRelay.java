package io.synthline.service.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published only after
 * Kafka acknowledged them. Rows are locked with SKIP LOCKED so several replicas can relay
 * without publishing the same row twice in normal operation; after a crash between send and mark,
 * a row is sent again, which consumers absorb by deduplicating on the event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    Pool pool;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Scheduled(every = "${synthline.outbox.poll-interval:0.2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes one batch; returns how many rows were published. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT id, topic, message_key, payload FROM outbox_event WHERE published_at IS NULL "
                        + "ORDER BY seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                .execute()
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    UUID[] ids = pending.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
                    return Multi.createFrom().iterable(pending)
                            .onItem().transformToUniAndConcatenate(this::send)
                            .collect().last()
                            .chain(() -> conn.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids)))
                            .map(done -> pending.size());
                }));
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
    }
}
