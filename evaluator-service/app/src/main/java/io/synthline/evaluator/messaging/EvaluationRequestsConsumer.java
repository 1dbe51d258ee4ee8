package io.synthline.evaluator.messaging;

import io.smallrye.common.annotation.Blocking;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.evaluator.service.EvaluationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Re-evaluates a generation's output when governance asks (evaluation.requested: scheduled
 * monitoring of released outputs, or a manual request). The evaluations topic also carries this
 * service's own results, which are ignored.
 */
@ApplicationScoped
public class EvaluationRequestsConsumer {
    @Inject
    EvaluationService evaluations;

    @Incoming("evaluation-requests")
    @Blocking
    public void consume(String json) {
        EventEnvelope event = EventEnvelope.fromJson(json);
        if (event.is(EventType.EVALUATION_REQUESTED)) {
            evaluations.reevaluate(event);
        }
    }
}
