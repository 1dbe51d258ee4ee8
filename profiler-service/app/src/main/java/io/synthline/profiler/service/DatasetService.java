package io.synthline.profiler.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.profiler.config.ProfilerConfig;
import io.synthline.profiler.engine.DatasetProfile;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.mapping.DatasetMapper;
import io.synthline.profiler.repository.DatasetEntity;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import io.synthline.service.problem.NotFound;
import io.synthline.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Registers and profiles datasets. The upload is staged and profiled before anything becomes
 * visible: a file that cannot be read is rejected with nothing stored, and the stored object,
 * the database row and both events appear together or not at all.
 */
@ApplicationScoped
public class DatasetService {
    private static final Logger LOG = Logger.getLogger(DatasetService.class);

    @Inject
    DatasetStore store;

    @Inject
    ProfilerConfig config;

    @ConfigProperty(name = "synthline.service.source")
    String source;

    /** Blocking: call from a worker thread. */
    public DatasetView register(String name, InputStream body, Caller caller) {
        String tenant = caller.tenant();
        String actor = caller.username();
        String datasetName = validName(name);
        UUID id = UUID.randomUUID();
        String key = tenant + "/datasets/" + id + "/data.csv";
        try (DatasetStore.Staged staged = store.stage(body, config.maxUploadBytes())) {
            if (staged.sizeBytes() == 0) {
                throw new BadInputException("empty-file", "the uploaded file is empty: expected a CSV with a header row");
            }
            DatasetProfile profile = new DatasetProfiler(config.csvOptions()).profile(staged.path(), null);
            StoredObject stored = staged.commit(key);
            try {
                DatasetEntity saved = BlockingTx.inTransaction(() -> persist(id, tenant, actor, datasetName, stored, profile));
                LOG.infof("dataset %s registered for tenant %s: %d rows, %d columns", id, tenant, profile.rowCount(),
                        profile.columns().size());
                return DatasetMapper.toView(saved);
            } catch (RuntimeException e) {
                deleteQuietly(key);
                throw e;
            }
        } catch (IOException e) {
            if (e instanceof DatasetStore.ObjectTooLargeException tooLarge) {
                throw new BadInputException("payload-too-large", 413, tooLarge.getMessage()).detail("limitBytes", tooLarge.limit());
            }
            throw new UncheckedIOException(e);
        }
    }

    private Uni<DatasetEntity> persist(UUID id, String tenant, String actor, String name, StoredObject stored,
            DatasetProfile profile) {
        DatasetEntity e = new DatasetEntity();
        e.id = id;
        e.tenant = tenant;
        e.name = name;
        e.owner = actor;
        e.status = "PROFILED";
        e.storageKey = stored.key();
        e.sha256 = stored.sha256();
        e.sizeBytes = stored.sizeBytes();
        e.rowCount = profile.rowCount();
        e.columnCount = profile.columns().size();
        e.profileJson = Json.write(profile);
        e.createdAt = Instant.now();
        e.profiledAt = e.createdAt;
        String subject = "datasets/" + id;
        EventEnvelope registered = EventEnvelope.create(source, EventType.DATASET_REGISTERED, subject, tenant, actor,
                new Payloads.DatasetRegistered(id.toString(), name, stored.key(), stored.sha256(), stored.sizeBytes(),
                        actor, "internal"));
        EventEnvelope profiled = EventEnvelope.create(source, EventType.DATASET_PROFILED, subject, tenant, actor,
                new Payloads.DatasetProfiled(id.toString(), stored.key(), profile.rowCount(), profile.columns().size(),
                        profile.schema(), profile.columns(), profile.version()));
        return e.<DatasetEntity>persist()
                .call(() -> Outbox.enqueue(registered))
                .call(() -> Outbox.enqueue(profiled));
    }

    public Uni<DatasetView> get(String tenant, String id) {
        return find(tenant, id).map(DatasetMapper::toView);
    }

    public Uni<String> profileJson(String tenant, String id) {
        return find(tenant, id).map(e -> e.profileJson);
    }

    public Uni<List<DatasetView>> list(String tenant) {
        return DatasetEntity.listForTenant(tenant).map(l -> l.stream().map(DatasetMapper::toView).toList());
    }

    private Uni<DatasetEntity> find(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("dataset", id))
                .chain(uuid -> DatasetEntity.findForTenant(tenant, uuid))
                .onItem().ifNull().failWith(() -> new NotFound("dataset", id));
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            return "dataset-" + Instant.now().toString().replace(':', '-');
        }
        String trimmed = name.strip();
        if (trimmed.length() > 200) {
            throw new BadInputException("invalid-name", "the dataset name is longer than 200 characters");
        }
        return trimmed;
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            LOG.warnf("could not remove orphaned object %s: %s", key, e.getMessage());
        }
    }
}
