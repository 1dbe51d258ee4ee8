package io.synthline.generator.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.messaging.EventHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the generator's view of datasets current. Idempotent through the inbox; transient
 * failures are retried and poison records dead-lettered by {@link EventHandling}.
 */
@ApplicationScoped
public class DatasetEventsConsumer {
    static final String CONSUMER = "generator-datasets";

    @Inject
    EventHandling handling;

    @Incoming("dataset-events")
    public Uni<Void> consume(String json) {
        return handling.handle(CONSUMER, json, event -> Panache.withTransaction(() -> Inbox.firstDelivery(CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            if (event.is(EventType.DATASET_REGISTERED)) {
                Payloads.DatasetRegistered d = event.dataAs(Payloads.DatasetRegistered.class);
                return upsert(event.tenant(), d.datasetId(), d.storageKey(), ref -> {
                    if (ref.status == null) {
                        ref.status = "REGISTERED";
                    }
                    ref.sha256 = d.sha256();
                });
            }
            if (event.is(EventType.DATASET_PROFILED)) {
                Payloads.DatasetProfiled d = event.dataAs(Payloads.DatasetProfiled.class);
                return upsert(event.tenant(), d.datasetId(), d.storageKey(), ref -> {
                    ref.status = "PROFILED";
                    ref.rowCount = d.rowCount();
                    ref.schemaJson = d.schema() == null ? null : Json.write(d.schema());
                    ref.piiJson = Json.write(d.pii() == null ? java.util.List.of() : d.pii());
                });
            }
            if (event.is(EventType.DATASET_DELETED)) {
                Payloads.DatasetDeleted d = event.dataAs(Payloads.DatasetDeleted.class);
                return DatasetRefEntity.deleteById(UUID.fromString(d.datasetId())).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        })));
    }

    private static Uni<Void> upsert(String tenant, String datasetId, String storageKey,
            java.util.function.Consumer<DatasetRefEntity> change) {
        UUID id = UUID.fromString(datasetId);
        return DatasetRefEntity.<DatasetRefEntity>findById(id).chain(existing -> {
            DatasetRefEntity ref = existing != null ? existing : new DatasetRefEntity();
            ref.id = id;
            ref.tenant = tenant;
            ref.storageKey = storageKey;
            change.accept(ref);
            ref.updatedAt = Instant.now();
            return existing != null ? Uni.createFrom().voidItem() : ref.persist().replaceWithVoid();
        });
    }
}
