package io.synthline.generator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.FittedModel;
import io.synthline.generator.engine.Synthesizers;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs one generation job. Idempotent: a redelivered request for a finished generation does
 * nothing, and one that was interrupted mid-run is simply run again (same seed, same output).
 * The output becomes visible only when complete.
 */
@ApplicationScoped
public class GenerationJobRunner {
    static final String CONSUMER = "generator-jobs";
    private static final Logger LOG = Logger.getLogger(GenerationJobRunner.class);

    @Inject
    DatasetStore store;

    @ConfigProperty(name = "synthline.service.source")
    String source;

    private record Job(UUID id, String tenant, String actor, UUID datasetId, String sourceKey, String schemaJson,
            String model, long rows, long seed) {
    }

    /** Blocking. */
    public void run(EventEnvelope requested) {
        Payloads.GenerationRequested req = requested.dataAs(Payloads.GenerationRequested.class);
        UUID id = UUID.fromString(req.generationId());
        Job job = BlockingTx.inTransaction(() -> claim(id));
        if (job == null) {
            LOG.debugf("generation %s already finished, ignoring redelivery", id);
            return;
        }
        long started = System.nanoTime();
        try {
            StoredObject output = produce(job);
            long millis = (System.nanoTime() - started) / 1_000_000;
            BlockingTx.inTransaction(() -> finish(requested.id(), job, output, millis));
            LOG.infof("generation %s completed: %d rows with %s in %d ms", id, job.rows(), job.model(), millis);
        } catch (BadInputException e) {
            BlockingTx.inTransaction(() -> fail(requested.id(), job, e.getMessage()));
        } catch (RuntimeException | IOException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "generation %s failed (error id %s)", id, errorId);
            BlockingTx.inTransaction(() -> fail(requested.id(), job, "internal error, error id " + errorId));
        }
    }

    private Uni<Job> claim(UUID id) {
        return GenerationEntity.<GenerationEntity>findById(id).chain(g -> {
            if (g == null || g.isFinished()) {
                return Uni.createFrom().nullItem();
            }
            g.status = GenerationEntity.RUNNING;
            g.startedAt = Instant.now();
            return DatasetRefEntity.<DatasetRefEntity>findById(g.datasetId).map(d -> new Job(g.id, g.tenant, g.requestedBy,
                    g.datasetId, d.storageKey, d.schemaJson, g.model, g.rows, g.seed));
        });
    }

    private StoredObject produce(Job job) throws IOException {
        TableSchema schema = job.schemaJson() == null ? null : Json.read(job.schemaJson(), TableSchema.class);
        Table training = CsvTableReader.read(store.localPath(job.sourceKey()), CsvOptions.defaults(), schema);
        FittedModel model = Synthesizers.byName(job.model()).fit(training, job.seed());
        try (DatasetStore.Staged staged = store.stage(out -> {
            try (CsvTableWriter writer = CsvTableWriter.open(out, model.schema().names())) {
                model.sample(job.rows(), job.seed(), writer::writeRow);
            }
        })) {
            return staged.commit(job.tenant() + "/generations/" + job.id() + "/synthetic.csv");
        }
    }

    private Uni<Void> finish(String eventId, Job job, StoredObject output, long millis) {
        return Inbox.firstDelivery(CONSUMER, eventId).chain(first -> GenerationEntity.<GenerationEntity>findById(job.id()))
                .chain(g -> {
                    if (g.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    g.status = GenerationEntity.COMPLETED;
                    g.outputKey = output.key();
                    g.outputSha256 = output.sha256();
                    g.completedAt = Instant.now();
                    return Outbox.enqueue(EventEnvelope.create(source, EventType.GENERATION_COMPLETED,
                            "generations/" + job.id(), job.tenant(), job.actor(),
                            new Payloads.GenerationCompleted(job.id().toString(), job.datasetId().toString(), job.model(),
                                    job.rows(), job.seed(), job.sourceKey(), output.key(), output.sha256(), millis)))
                            .replaceWithVoid();
                });
    }

    private Uni<Void> fail(String eventId, Job job, String reason) {
        return Inbox.firstDelivery(CONSUMER, eventId).chain(first -> GenerationEntity.<GenerationEntity>findById(job.id()))
                .chain(g -> {
                    if (g.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    g.status = GenerationEntity.FAILED;
                    g.error = reason;
                    g.completedAt = Instant.now();
                    return Outbox.enqueue(EventEnvelope.create(source, EventType.GENERATION_FAILED,
                            "generations/" + job.id(), job.tenant(), job.actor(),
                            new Payloads.GenerationFailed(job.id().toString(), job.datasetId().toString(), reason)))
                            .replaceWithVoid();
                });
    }
}
