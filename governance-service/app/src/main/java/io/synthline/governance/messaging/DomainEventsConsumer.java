package io.synthline.governance.messaging;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.governance.service.DatasetGovernance;
import io.synthline.governance.service.GenerationGovernance;
import io.synthline.service.messaging.EventHandling;
import io.synthline.service.outbox.Inbox;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Governance's reactions to other services' events: the dataset projection, the decisions of the
 * generation protocol, budget settlement and the release gate. Each event is handled in one
 * transaction together with its inbox marker and the events it causes (outbox): a redelivery does
 * nothing, a crash before commit leaves nothing half-done.
 */
@ApplicationScoped
public class DomainEventsConsumer {
    static final String CONSUMER = "governance-domain";

    @Inject
    Pool pool;

    @Inject
    EventHandling handling;

    @Inject
    DatasetGovernance datasets;

    @Inject
    GenerationGovernance generations;

    @Incoming("domain-events")
    public Uni<Void> consume(String json) {
        return handling.handle(CONSUMER, json, event -> pool.withTransaction(conn -> Inbox.firstDelivery(conn, CONSUMER, event.id())
                .chain(first -> first ? dispatch(conn, event) : Uni.createFrom().voidItem())));
    }

    private Uni<Void> dispatch(io.vertx.mutiny.sqlclient.SqlConnection conn, EventEnvelope event) {
        return switch (EventType.fromWireName(event.type()).orElse(null)) {
            case DATASET_REGISTERED, DATASET_PROFILED, DATASET_DELETED -> datasets.onEvent(conn, event);
            case GENERATION_REQUESTED -> generations.onRequested(conn, event);
            case GENERATION_COMPLETED -> generations.onCompleted(conn, event);
            case GENERATION_FAILED -> generations.onFailed(conn, event);
            case EVALUATION_COMPLETED -> generations.onEvaluationCompleted(conn, event);
            case EVALUATION_FAILED -> generations.onEvaluationFailed(conn, event);
            case EVALUATION_QUEUED -> generations.onEvaluationQueued(conn, event);
            case null, default -> Uni.createFrom().voidItem();
        };
    }
}
