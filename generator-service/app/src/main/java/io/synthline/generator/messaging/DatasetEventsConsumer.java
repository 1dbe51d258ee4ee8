package io.synthline.generator.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.generator.repository.FittedModelEntity;
import io.synthline.service.messaging.EventHandling;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.persistence.BlockingTx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the generator's view of datasets current, and forgets what it learned from a deleted
 * dataset: the models fitted on it and the real rows held out of their fits are deleted from the
 * store (synthetic outputs stay: they are the product, and hold no real rows), and this replica's
 * local copies of the dataset are dropped. Idempotent through the inbox (file deletions before it, and themselves
 * idempotent); transient failures are retried and poison records dead-lettered by {@link EventHandling}.
 */
@ApplicationScoped
public class DatasetEventsConsumer {
    static final String CONSUMER = "generator-datasets";
    private static final Logger LOG = Logger.getLogger(DatasetEventsConsumer.class);

    @Inject
    EventHandling handling;

    @Inject
    DatasetStore store;

    @Incoming("dataset-events")
    @Blocking
    public void consume(String json) {
        handling.handle(CONSUMER, json, event -> Uni.createFrom().item(() -> {
            apply(event);
            return true;
        })).await().indefinitely();
    }

    private void apply(EventEnvelope event) {
        if (event.is(EventType.DATASET_DELETED)) {
            UUID datasetId = UUID.fromString(event.dataAs(Payloads.DatasetDeleted.class).datasetId());
            forgetModels(event.tenant(), datasetId);
            dropLocalCopies(event.tenant(), datasetId);
        }
        BlockingTx.inTransaction(() -> Inbox.firstDelivery(CONSUMER, event.id()).chain(first -> first ? record(event)
                : Uni.createFrom().voidItem()));
    }

    private Uni<Void> record(EventEnvelope event) {
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
            UUID id = UUID.fromString(event.dataAs(Payloads.DatasetDeleted.class).datasetId());
            return DatasetRefEntity.deleteById(id)
                    .chain(() -> FittedModelEntity.delete("tenant = ?1 and datasetId = ?2", event.tenant(), id)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** Deletes the stored models fitted on the dataset and their held-out rows, unless another dataset's model is the same file. */
    private void forgetModels(String tenant, UUID datasetId) {
        List<FittedModelEntity> models = BlockingTx.inSession(() -> FittedModelEntity.<FittedModelEntity>list("tenant = ?1", tenant));
        for (FittedModelEntity m : models) {
            if (!datasetId.equals(m.datasetId)) {
                continue;
            }
            boolean shared = models.stream().anyMatch(o -> !datasetId.equals(o.datasetId) && o.storageKey.equals(m.storageKey));
            if (shared) {
                continue;
            }
            try {
                if (StoredRelational.isRelational(m.storageKey)) {
                    // a relational run's held-out entities (it stores no model file)
                    StoredRelational.delete(store, m.storageKey);
                    continue;
                }
                store.delete(FittedModelEntity.holdoutKey(m.storageKey));
                if (store.exists(FittedModelEntity.tablesHoldoutKey(m.storageKey))) {
                    // a model of several tables: the entities its fit held out
                    StoredRelational.delete(store, FittedModelEntity.tablesHoldoutKey(m.storageKey));
                }
                store.delete(FittedModelEntity.guardKey(m.storageKey));
                store.delete(m.storageKey);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.infof("dataset %s deleted: model %s and its held-out rows removed", datasetId, m.modelId);
        }
    }

    /**
     * This replica's local copies of the dataset's upload (an S3 store's cache) go at once; the other
     * replicas' go with their next sweep ({@link io.synthline.service.store.LocalCopySweep}).
     */
    private void dropLocalCopies(String tenant, UUID datasetId) {
        try {
            store.dropLocalCopies(io.synthline.commons.store.StorageKeys.datasetPrefix(tenant, datasetId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
