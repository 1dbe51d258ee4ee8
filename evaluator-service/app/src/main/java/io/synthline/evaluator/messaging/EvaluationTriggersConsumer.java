package io.synthline.evaluator.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.evaluator.service.EvaluationService;
import io.synthline.service.messaging.EventHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What starts an evaluation: a completed generation, and governance's evaluation.requested
 * (scheduled monitoring of released outputs, or a manual request; the evaluations topic also
 * carries this service's own results, which are ignored). An evaluation runs on a worker thread
 * (minutes of CPU on large tables); a transient failure (database restart, lost connection) is
 * retried with backoff instead of dead-lettering the event.
 */
@ApplicationScoped
public class EvaluationTriggersConsumer {
    @Inject
    EvaluationService evaluations;

    @Inject
    EventHandling handling;

    @Incoming("generation-events")
    public Uni<Void> generationEvent(String json) {
        return on(EvaluationService.CONSUMER, json, EventType.GENERATION_COMPLETED, evaluations::evaluate);
    }

    @Incoming("evaluation-requests")
    public Uni<Void> evaluationEvent(String json) {
        return on(EvaluationService.REQUESTS_CONSUMER, json, EventType.EVALUATION_REQUESTED, evaluations::reevaluate);
    }

    private Uni<Void> on(String consumer, String json, EventType type, Consumer<EventEnvelope> work) {
        return handling.handle(consumer, json, event -> !event.is(type) ? Uni.createFrom().voidItem()
                : Uni.createFrom().item(() -> {
                    work.accept(event);
                    return event;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
