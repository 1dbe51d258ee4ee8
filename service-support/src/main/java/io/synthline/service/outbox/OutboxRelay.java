package io.synthline.service.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.synthline.service.config.OutboxConfig;
import io.synthline.service.scheduling.OncePerPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published only after
 * Kafka acknowledged them. One replica relays at a time (an advisory lock), so several replicas
 * never publish the same row twice in normal operation nor overtake each other's rows; after a crash
 * between send and mark, a row is sent again, which consumers absorb by deduplicating on the event id.
 *
 * <p>Sends are sequential, so the order of rows is the order on each partition. When Kafka fails
 * in the middle of a batch (broker down, timeout), the rows acknowledged so far are marked and
 * committed, the rest stays pending and the next run starts with the first unacknowledged row: a
 * Kafka outage delays events, it neither loses nor reorders them, and it does not make the relay
 * re-send a whole batch. A send never waits longer than {@code synthline.outbox.send-timeout}, so
 * row locks are not held for the producer's full delivery timeout.
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

    @Inject
    OutboxConfig config;

    @Inject
    OncePerPeriod oncePerPeriod;

    private volatile String lastFailure;

    // not before the application runs: until then the Kafka channel behind the emitter cannot be injected
    @Scheduled(every = "${synthline.outbox.poll-interval:0.2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> logFailure(String.valueOf(e)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Published rows are only kept for inspection; consumers deduplicate with their own inbox. */
    @Scheduled(every = "${synthline.outbox.cleanup-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> cleanup() {
        return oncePerPeriod.run("outbox-cleanup", config.cleanupInterval(),
                () -> pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < $1")
                        .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))))
                .invoke(rows -> {
                    if (rows != null && rows.rowCount() > 0) {
                        LOG.infof("outbox: removed %d rows published more than %s ago", rows.rowCount(), config.retention());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("outbox cleanup failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Publishes one batch; returns how many rows were published (and marked). Only one replica relays
     * at a time (a transaction-scoped advisory lock; the others find it taken and skip their turn):
     * two relays publishing disjoint batches at once could put an event on its partition before an
     * earlier event of the same subject.
     */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('synthline.outbox-relay', 0)) AS relaying")
                .execute()
                .chain(lock -> !lock.iterator().next().getBoolean("relaying") ? Uni.createFrom().item(List.<Row>of())
                        : conn.preparedQuery("SELECT id, topic, message_key, payload FROM outbox_event WHERE published_at IS NULL "
                                + "ORDER BY seq LIMIT " + BATCH).execute().map(rows -> {
                                    List<Row> rowsInOrder = new ArrayList<>();
                                    rows.forEach(rowsInOrder::add);
                                    return rowsInOrder;
                                }))
                .chain(pending -> {
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> acknowledged = new ArrayList<>();
                    String[] failure = {null};
                    return sendInOrder(pending, 0, acknowledged, failure)
                            .chain(() -> acknowledged.isEmpty() ? Uni.createFrom().voidItem()
                                    : conn.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                            .execute(Tuple.of(acknowledged.toArray(UUID[]::new))).replaceWithVoid())
                            .map(done -> {
                                if (failure[0] != null) {
                                    logFailure("published " + acknowledged.size() + " of " + pending.size()
                                            + " pending events, then: " + failure[0]);
                                } else if (lastFailure != null) {
                                    LOG.infof("outbox relay recovered: publishing again");
                                    lastFailure = null;
                                }
                                return acknowledged.size();
                            });
                }));
    }

    /** Sends rows[i..] one after the other, stopping at the first failure (later rows must not overtake it). */
    private Uni<Void> sendInOrder(List<Row> rows, int i, List<UUID> acknowledged, String[] failure) {
        if (i == rows.size()) {
            return Uni.createFrom().voidItem();
        }
        Row row = rows.get(i);
        return send(row)
                .ifNoItem().after(config.sendTimeout())
                .failWith(() -> new IllegalStateException("Kafka did not acknowledge within " + config.sendTimeout()))
                .onItem().transformToUni(ok -> {
                    acknowledged.add(row.getUUID("id"));
                    return sendInOrder(rows, i + 1, acknowledged, failure);
                })
                .onFailure().recoverWithUni(e -> {
                    failure[0] = String.valueOf(e);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
    }

    /** Logs a failure once per distinct message: a Kafka outage must not flood the log every 200 ms. */
    private void logFailure(String message) {
        if (!message.equals(lastFailure)) {
            LOG.warnf("outbox relay could not publish, will retry: %s", message);
            lastFailure = message;
        }
    }
}
