package io.synthline.evaluator.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventType;
import io.synthline.evaluator.service.EvaluationJobs;
import io.synthline.evaluator.service.EvaluationService;
import io.synthline.service.jobs.JobWorkers;
import io.synthline.service.messaging.EventHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What starts an evaluation: a completed generation, and governance's evaluation.requested
 * (scheduled monitoring of released outputs, or a manual request; the evaluations topic also
 * carries this service's own results, which are ignored). The consumer only records the
 * evaluation and its job, in one short transaction, and acknowledges the record: an evaluation
 * takes minutes of CPU on large tables and runs on a job worker ({@link EvaluationJobs}), so a
 * slow or failing one never holds a partition.
 */
@ApplicationScoped
public class EvaluationTriggersConsumer {
    @Inject
    EvaluationService evaluations;

    @Inject
    EventHandling handling;

    @Inject
    JobWorkers workers;

    @Incoming("generation-events")
    public Uni<Void> generationEvent(String json) {
        return on(EvaluationService.CONSUMER, json, EventType.GENERATION_COMPLETED);
    }

    @Incoming("evaluation-requests")
    public Uni<Void> evaluationEvent(String json) {
        return on(EvaluationService.REQUESTS_CONSUMER, json, EventType.EVALUATION_REQUESTED);
    }

    private Uni<Void> on(String consumer, String json, EventType type) {
        return handling.handle(consumer, json, event -> !event.is(type) ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> evaluations.enqueue(consumer, event)).invoke(queued -> {
                    if (queued) {
                        workers.wake(EvaluationJobs.KIND);
                    }
                }));
    }
}
