package io.synthline.evaluator.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StorageKeys;
import io.synthline.evaluator.repository.DatasetProfileEntity;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.messaging.EventHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each dataset's schema and profile (for label and sensitive-column tags), and drops a deleted
 * dataset's local copies. Idempotent
 * through the inbox; transient failures are retried and poison records dead-lettered by
 * {@link EventHandling}.
 */
@ApplicationScoped
public class DatasetEventsConsumer {
    static final String CONSUMER = "evaluator-datasets";

    @Inject
    EventHandling handling;

    @Inject
    DatasetStore store;

    @Incoming("dataset-events")
    public Uni<Void> consume(String json) {
        return handling.handle(CONSUMER, json, event -> dropLocalCopies(event).chain(() -> Panache.withTransaction(
                () -> Inbox.firstDelivery(CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            if (event.is(EventType.DATASET_PROFILED)) {
                Payloads.DatasetProfiled d = event.dataAs(Payloads.DatasetProfiled.class);
                UUID id = UUID.fromString(d.datasetId());
                return DatasetProfileEntity.<DatasetProfileEntity>findById(id).chain(existing -> {
                    DatasetProfileEntity p = existing != null ? existing : new DatasetProfileEntity();
                    p.id = id;
                    p.tenant = event.tenant();
                    p.schemaJson = d.schema() == null ? null : Json.write(d.schema());
                    p.profileJson = event.data() == null ? null : event.data().toString();
                    p.updatedAt = Instant.now();
                    return existing != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
                });
            }
            if (event.is(EventType.DATASET_DELETED)) {
                Payloads.DatasetDeleted d = event.dataAs(Payloads.DatasetDeleted.class);
                return DatasetProfileEntity.deleteById(UUID.fromString(d.datasetId())).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        }))));
    }

    /**
     * A deleted dataset's local copies (an S3 store's cache of its upload, read by evaluations) go from
     * this replica at once, on every delivery; the other replicas' go with their next sweep
     * ({@link io.synthline.service.store.LocalCopySweep}). A few file deletions under the dataset's
     * own cache directory: cheap enough for the event loop.
     */
    private Uni<Void> dropLocalCopies(EventEnvelope event) {
        if (!event.is(EventType.DATASET_DELETED)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            try {
                return store.dropLocalCopies(StorageKeys.datasetPrefix(event.tenant(),
                        UUID.fromString(event.dataAs(Payloads.DatasetDeleted.class).datasetId())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).replaceWithVoid();
    }
}
