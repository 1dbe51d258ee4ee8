package io.synthline.evaluator.messaging;

import io.smallrye.common.annotation.Blocking;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.evaluator.service.EvaluationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Evaluates each generation as soon as it completes. */
@ApplicationScoped
public class GenerationEventsConsumer {
    @Inject
    EvaluationService evaluations;

    @Incoming("generation-events")
    @Blocking
    public void consume(String json) {
        EventEnvelope event = EventEnvelope.fromJson(json);
        if (event.is(EventType.GENERATION_COMPLETED)) {
            evaluations.evaluate(event);
        }
    }
}
