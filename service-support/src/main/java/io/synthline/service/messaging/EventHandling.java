package io.synthline.service.messaging;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.service.config.ConsumerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * How a consumer handles one Kafka record so that nothing is lost and nothing is doubled:
 * <ul>
 * <li>a record that is not a valid event is poison: it fails at once and the channel's
 *     dead-letter strategy parks it (it would never succeed, and must not block the partition);</li>
 * <li>any other failure (database restart, connection loss, lock or serialization conflict, a
 *     privilege being restored) is retried with exponential backoff, instead of being dead-lettered
 *     after one attempt, which would drop the event's effect. Only after
 *     {@code synthline.consumer.retry.give-up-after} does it go to the dead-letter topic, from where it
 *     can be replayed;</li>
 * <li>the returned Uni completes only after the handler's transaction committed; the Kafka
 *     connector acknowledges the record (and later commits its offset) only then.</li>
 * </ul>
 * The handler must be idempotent (inbox marker or unique key in the same transaction), since a
 * retry after an unknown commit outcome, or a redelivery after a crash, runs it again.
 */
@ApplicationScoped
public class EventHandling {
    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    @Inject
    ConsumerConfig config;

    /** A record that can never be processed: malformed JSON, not an event, or an event whose data is unusable. */
    public static final class PoisonEventException extends RuntimeException {
        public PoisonEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Uni<Void> handle(String consumer, String json, Function<EventEnvelope, Uni<?>> handler) {
        EventEnvelope event;
        try {
            event = EventEnvelope.fromJson(json);
        } catch (RuntimeException e) {
            LOG.errorf("%s: record is not a valid event, sending it to the dead-letter topic: %s", consumer, e.getMessage());
            return Uni.createFrom().failure(new PoisonEventException("not a valid event: " + e.getMessage(), e));
        }
        long[] attempts = {0};
        return Uni.createFrom().deferred(() -> {
                    attempts[0]++;
                    return handler.apply(event);
                })
                .onFailure(EventHandling::isPoison).transform(e -> e instanceof PoisonEventException ? e
                        : new PoisonEventException("event " + event.id() + " (" + event.type() + ") cannot be processed: " + e.getMessage(), e))
                .onFailure(e -> !(e instanceof PoisonEventException)).invoke(e -> LOG.warnf(
                        "%s: event %s (%s) failed on attempt %d, retrying: %s", consumer, event.id(), event.type(), attempts[0],
                        e.toString()))
                .onFailure(e -> !(e instanceof PoisonEventException)).retry()
                .withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                .expireIn(config.retry().giveUpAfter().toMillis())
                .replaceWithVoid();
    }

    /** Failures that no retry can fix. Everything else is assumed transient. */
    static boolean isPoison(Throwable e) {
        return e instanceof PoisonEventException || e instanceof BadInputException || e instanceof IllegalArgumentException
                || e instanceof NullPointerException || e instanceof ClassCastException;
    }
}
