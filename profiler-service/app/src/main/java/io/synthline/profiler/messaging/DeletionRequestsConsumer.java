package io.synthline.profiler.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.profiler.service.DatasetService;
import io.synthline.service.messaging.EventHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Carries out governance's {@code dataset.deletion-requested} (retention ended, or the owner asked):
 * the profiler holds the dataset's bytes, so it is the one that deletes them and announces
 * {@code dataset.deleted}. Retried until it succeeds; the record is acknowledged only afterwards.
 */
@ApplicationScoped
public class DeletionRequestsConsumer {
    static final String CONSUMER = "profiler-deletions";

    @Inject
    EventHandling handling;

    @Inject
    DatasetService datasets;

    @Incoming("dataset-events")
    @Blocking
    public void consume(String json) {
        handling.handle(CONSUMER, json, event -> {
            if (!event.is(EventType.DATASET_DELETION_REQUESTED)) {
                return Uni.createFrom().voidItem();
            }
            Payloads.DatasetDeletionRequested request = event.dataAs(Payloads.DatasetDeletionRequested.class);
            // blocking work: this method runs on a worker thread, and so do the retries (Mutiny's executor)
            return Uni.createFrom().item(() -> datasets.delete(CONSUMER, event.id(), event.tenant(), request));
        }).await().indefinitely();
    }
}
