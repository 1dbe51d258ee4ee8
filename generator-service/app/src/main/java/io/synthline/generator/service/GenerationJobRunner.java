package io.synthline.generator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.config.GeneratorConfig;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.HoldoutSplit;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.engine.pipeline.GenerationPipeline;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.relational.RelationalArtifact;
import io.synthline.generator.engine.relational.RelationalModel;
import io.synthline.generator.engine.shard.ShardAssembly;
import io.synthline.generator.engine.shard.StoredModels;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.generator.repository.FittedModelEntity;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.generator.shard.ShardCoordinator;
import io.synthline.generator.shard.ShardedGeneration;
import io.synthline.service.config.ServiceConfig;
import io.synthline.service.jobs.JobHandler;
import io.synthline.service.jobs.JobLease;
import io.synthline.service.jobs.LeaseLostException;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one generation job on a worker thread: fits the model (or reuses the stored one with the
 * same dataset bytes, spec and seed), samples it straight into the store's staging area with
 * progress events and cancellation between blocks, then commits the output and its manifest and
 * announces the result. A job that fails or is cancelled commits nothing.
 */
@ApplicationScoped
public class GenerationJobRunner implements JobHandler {
    public static final String CONSUMER = "generator-jobs";
    public static final String KIND = "generation";
    private static final Logger LOG = Logger.getLogger(GenerationJobRunner.class);

    @Inject
    DatasetStore store;

    @Inject
    ShardedGeneration sharded;

    @Inject
    ServiceConfig service;

    @Inject
    GeneratorConfig config;

    /** Worker threads per job; all cores unless set. */
    private int workerThreads() {
        return config.threads() > 0 ? config.threads() : Parallel.defaultThreads();
    }

    record Job(UUID id, String tenant, String actor, UUID datasetId, String sourceKey, String datasetSha256, String schemaJson,
            String piiJson, String requestJson, String model, long rows, long seed) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Runs one queued generation. The job's payload is the event that allowed it to run
     * (generation.requested, or governance's generation.approved with the budget reserved for a
     * differentially private run, which then fits with exactly that (epsilon, delta)).
     */
    @Override
    public void run(io.synthline.service.jobs.Job queued, JobLease lease) {
        EventEnvelope trigger = EventEnvelope.fromJson(queued.payload());
        Payloads.BudgetReservation reservation = trigger.is(EventType.GENERATION_APPROVED)
                ? trigger.dataAs(Payloads.GenerationApproved.class).reservation() : null;
        UUID id = UUID.fromString(queued.key());
        Job job = BlockingTx.inTransaction(() -> start(id));
        if (job == null) {
            LOG.debugf("generation %s is not waiting to run, nothing to do", id);
            return;
        }
        long started = System.nanoTime();
        boolean[] touched = {false};
        try {
            GenerationRequest request = job.requestJson() == null ? new GenerationRequest(job.datasetId().toString(), job.rows(),
                    job.seed(), job.model()) : Json.read(job.requestJson(), GenerationRequest.class);
            request = withApprovedBudget(request, reservation);
            if (StoredRelational.isRelational(job.sourceKey())) {
                runTables(job, request, lease, started, touched);
                return;
            }
            int workers = workerThreads();
            Progress progress = new Progress(job, lease);
            StoredRun stored = new StoredRun(job, request, touched, progress);
            GenerationPipeline.Run run = GenerationPipeline.run(new GenerationPipeline.Job(request, job.seed(), 0, job.tenant(), workers),
                    stored, stored, stored, progress);
            Generation.Result result = run.result();
            String modelId = run.model().id();
            String holdoutKey = run.model().holdout();
            StoredObject output = stored.output;
            StoredObject manifestObject = stored.manifest;
            long millis = (System.nanoTime() - started) / 1_000_000;
            Payloads.PrivacySpent spent = spent(run.model().model(), run.fitted(), modelId);
            BlockingTx.inTransaction(() -> lease.finish().chain(() -> finish(job, modelId, output, manifestObject, result, millis,
                    spent, holdoutKey)));
            LOG.infof("generation %s completed: %d rows with %s in %d ms (%d redrawn copies)", id, result.rowsWritten(),
                    job.model(), millis, result.copiesRedrawn());
        } catch (Generation.CancelledException e) {
            if (lease.lost()) {
                throw new LeaseLostException(queued);
            }
            BlockingTx.inTransaction(() -> lease.finish().chain(() -> end(job, GenerationEntity.CANCELLED, "cancelled while running",
                    touched[0])));
        } catch (BadInputException e) {
            BlockingTx.inTransaction(() -> lease.finish().chain(() -> end(job, GenerationEntity.FAILED, e.getMessage(), touched[0])));
        } catch (ShardCoordinator.ShardJobFailedException e) {
            BlockingTx.inTransaction(() -> lease.finish().chain(() -> end(job, GenerationEntity.FAILED, e.getMessage(), true)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseLostException(queued);
        }
    }

    /**
     * A dataset of several tables ({@link RelationalGeneration}): every table stored on its own with
     * an index (the output key), the held-out entities kept with the models (and deleted with the
     * dataset, through the fitted-model row recorded for them), a DP model's accounting as for one table.
     */
    private void runTables(Job job, GenerationRequest request, JobLease lease, long started, boolean[] touched) throws IOException {
        touched[0] = true;
        String holdoutBase = job.tenant() + "/models/relational-" + job.id() + "/holdout/";
        RelationalGeneration.Result r = RelationalGeneration.run(store, job.sourceKey(), request, job.seed(),
                workerThreads(), job.tenant() + "/generations/" + job.id() + "/", holdoutBase, new StoredTables(job),
                new Progress(job, lease).perTable());
        long millis = (System.nanoTime() - started) / 1_000_000;
        Payloads.PrivacySpent spent = r.privacy() == null ? null : spent(r.privacy());
        // a stored model's held-out entities are beside it, deleted with it; a run without one records where its went
        String unrecordedHoldout = r.modelId() == null ? r.holdoutKey() : null;
        BlockingTx.inTransaction(() -> lease.finish().chain(() -> recordHoldout(job, unrecordedHoldout)).chain(() -> GenerationEntity
                .<GenerationEntity>findById(job.id()).chain(g -> {
                    if (g.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    g.status = GenerationEntity.COMPLETED;
                    g.outputKey = r.outputKey();
                    g.outputSha256 = r.outputSha256();
                    g.outputBytes = r.outputBytes();
                    g.manifestKey = r.manifestKey();
                    g.modelId = r.modelId();
                    g.rowsDone = r.rowsWritten();
                    g.rowsWritten = r.rowsWritten();
                    g.completedAt = Instant.now();
                    return Outbox.enqueue(EventEnvelope.create(service.source(), EventType.GENERATION_COMPLETED, "generations/" + job.id(),
                            job.tenant(), job.actor(), new Payloads.GenerationCompleted(job.id().toString(), job.datasetId().toString(),
                                    job.model(), r.rowsWritten(), job.seed(), job.sourceKey(), r.outputKey(), r.outputSha256(), millis,
                                    spent, r.holdoutKey(), r.tables()))).replaceWithVoid();
                })));
        LOG.infof("generation %s completed: %d rows in %d tables with %s in %d ms", job.id(), r.rowsWritten(),
                StoredRelational.readIndex(store, r.outputKey()).tables().size(), job.model(), millis);
    }

    /**
     * The fitted-model store for models of several tables, as {@link StoredRun} is for one table: the
     * model under {@code <tenant>/models/<modelId>/model.synth} with its copy guard and the held-out
     * entities ({@code holdout/}) beside it, a row in the fitted-model table for the dataset (deleted
     * with it), ids and cache keys scoped to the tenant.
     */
    private final class StoredTables implements RelationalGeneration.Models {
        private final Job job;

        StoredTables(Job job) {
            this.job = job;
        }

        @Override
        public RelationalGeneration.Stored named(String modelId, String datasetContent) throws IOException {
            FittedModelEntity named = BlockingTx.inSession(() -> FittedModelEntity.byModelId(job.tenant(), modelId));
            if (named == null || !FittedModelEntity.isRelational(named) || !store.exists(named.storageKey)) {
                throw RelationalGeneration.unknownModel(modelId);
            }
            if (!datasetContent.equals(FittedModelEntity.relationalDatasetContent(named))) {
                throw new BadInputException("model-dataset-mismatch", "model " + modelId + " was fitted on other tables than dataset "
                        + job.datasetId());
            }
            return new RelationalGeneration.Stored(load(named.storageKey), named.modelId, storedHoldout(named.storageKey));
        }

        @Override
        public RelationalGeneration.Stored cached(String fitKey) throws IOException {
            String key = scopedFitKey(fitKey);
            FittedModelEntity existing = BlockingTx.inSession(() -> FittedModelEntity.find(job.tenant(), key));
            if (existing == null || !store.exists(existing.storageKey)) {
                return null;
            }
            try {
                return new RelationalGeneration.Stored(load(existing.storageKey), existing.modelId, storedHoldout(existing.storageKey));
            } catch (BadInputException | IOException e) {
                // a cached fit this engine cannot read (older format, damaged file) is fitted again, not a failed job
                LOG.warnf("generation %s: stored model %s cannot be reused (%s); fitting again", job.id(), existing.modelId,
                        e.getMessage());
                return null;
            }
        }

        /** The held-out entities, the copy guard and the model (in this order: a model is never stored without them), then its row. */
        @Override
        public RelationalGeneration.Stored keep(String fitKey, String datasetContent, RelationalModel model, Entities.Split split)
                throws IOException {
            String modelId = Sha256.hex("tenant:" + job.tenant() + "\nmodel:" + RelationalArtifact.id(model));
            String key = job.tenant() + "/models/" + modelId + "/model.synth";
            String holdoutKey = null;
            if (split.hasHoldout()) {
                holdoutKey = FittedModelEntity.tablesHoldoutKey(key);
                if (!store.exists(holdoutKey)) {
                    holdoutKey = StoredRelational.write(store, StoredRelational.prefix(holdoutKey), split.holdout(), "holdout");
                }
            }
            String guardKey = FittedModelEntity.guardKey(key);
            if (!store.exists(guardKey)) {
                try (DatasetStore.Staged staged = store.stage(out -> RelationalArtifact.writeGuard(model, out))) {
                    staged.commit(guardKey);
                }
            }
            if (!store.exists(key)) {
                try (DatasetStore.Staged staged = store.stage(out -> RelationalArtifact.write(model, out))) {
                    staged.commit(key);
                }
            }
            String scoped = scopedFitKey(fitKey);
            BlockingTx.inTransaction(() -> FittedModelEntity.find(job.tenant(), scoped).chain(found -> {
                if (found != null && found.storageKey.equals(key)) {
                    return Uni.createFrom().voidItem();
                }
                // new, or replacing a cached fit that could not be read
                FittedModelEntity e = found != null ? found : new FittedModelEntity();
                e.tenant = job.tenant();
                e.fitKey = scoped;
                e.modelId = modelId;
                e.datasetId = job.datasetId();
                e.synthesizer = FittedModelEntity.RELATIONAL_PREFIX + model.spec().model();
                e.storageKey = key;
                e.manifestJson = Json.write(Map.of("kind", FittedModelEntity.RELATIONAL_KIND, "datasetContentSha256", datasetContent,
                        "spec", model.spec(), "seed", job.seed()));
                e.createdAt = Instant.now();
                return found != null ? Uni.createFrom().voidItem() : e.persist().replaceWithVoid();
            }));
            return new RelationalGeneration.Stored(model, modelId, holdoutKey);
        }

        /** The cache key is the tenant's: a fit is reused within a tenant, never across tenants. */
        private String scopedFitKey(String fitKey) {
            return Sha256.hex(job.tenant() + "\n" + fitKey);
        }

        private RelationalModel load(String key) throws IOException {
            RelationalModel model;
            try (InputStream in = new BufferedInputStream(store.open(key), 1 << 16)) {
                model = RelationalArtifact.read(in, workerThreads());
            }
            String guardKey = FittedModelEntity.guardKey(key);
            if (!store.exists(guardKey)) {
                return model;
            }
            try (InputStream in = new BufferedInputStream(store.open(guardKey), 1 << 16)) {
                return model.withGuard(RelationalArtifact.readGuard(in));
            }
        }

        private String storedHoldout(String modelKey) {
            String key = FittedModelEntity.tablesHoldoutKey(modelKey);
            return store.exists(key) ? key : null;
        }
    }

    /** Records where a relational run's held-out real entities are, so that deleting the dataset deletes them. */
    private static Uni<Void> recordHoldout(Job job, String holdoutKey) {
        if (holdoutKey == null) {
            return Uni.createFrom().voidItem();
        }
        String fitKey = Sha256.hex("relational-holdout\n" + job.tenant() + "\n" + job.id());
        return FittedModelEntity.find(job.tenant(), fitKey).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            FittedModelEntity e = new FittedModelEntity();
            e.tenant = job.tenant();
            e.fitKey = fitKey;
            e.modelId = fitKey;
            e.datasetId = job.datasetId();
            e.synthesizer = job.model();
            e.storageKey = holdoutKey;
            e.manifestJson = Json.write(Map.of("kind", "relational-holdout", "generationId", job.id().toString()));
            e.createdAt = Instant.now();
            return e.persist().replaceWithVoid();
        });
    }

    /**
     * The generation is given up (its runs kept failing, its workers kept dying on it, or it timed
     * out): FAILED with the reason. The source data may have been read, so a reserved budget is
     * not handed back.
     */
    @Override
    public Uni<Void> giveUp(io.synthline.service.jobs.Job queued, String reason) {
        return GenerationEntity.<GenerationEntity>findById(UUID.fromString(queued.key())).chain(g -> g == null ? Uni.createFrom().voidItem()
                : end(new Job(g.id, g.tenant, g.requestedBy, g.datasetId, null, null, null, null, g.requestJson, g.model, g.rows, g.seed),
                        GenerationEntity.FAILED, "generation " + reason, true));
    }

    /**
     * A DP request with the (epsilon, delta) governance reserved: a DP model never runs without a
     * reservation, and never with another amount than the one reserved (and later committed).
     */
    static GenerationRequest withApprovedBudget(GenerationRequest request, Payloads.BudgetReservation reservation) {
        if (!Synthesizers.isPrivate(request.model())) {
            return request;
        }
        if (reservation == null) {
            throw new BadInputException("no-budget-reservation", "model " + request.model() + " is differentially private and runs only"
                    + " with a budget reservation from governance; none came with the approval");
        }
        PrivacySpec privacy = request.privacy() != null ? request.privacy() : new PrivacySpec(null, null, null, null, null);
        return request.withPrivacy(privacy.withBudget(reservation.epsilon(), reservation.delta()));
    }

    /**
     * What a DP run spent: the fit's accounting when the model was fitted for this run, nothing
     * when a stored model was sampled again (post-processing of an already accounted release).
     */
    static Payloads.PrivacySpent spent(SynthesisModel model, boolean fitted, String modelId) {
        PrivacyReport p = model.privacy();
        if (p == null) {
            return null;
        }
        if (!fitted) {
            return new Payloads.PrivacySpent(0, 0, 0.0, List.of("none: stored model " + modelId + " sampled again"));
        }
        return spent(p);
    }

    /** The accounting of a fit made for this run. */
    static Payloads.PrivacySpent spent(PrivacyReport p) {
        List<String> mechanisms = p.mechanisms().stream()
                .map(u -> String.format(Locale.ROOT, "%s: %s x%d (rho %.4g)", u.stage(), u.mechanism(), u.uses(), u.rho())).toList();
        return new Payloads.PrivacySpent(p.epsilonSpent(), p.deltaSpent(), p.rhoSpent(), mechanisms);
    }

    /**
     * A model's public id: its content hash within the tenant, so that two tenants fitting the same
     * data never share a model id (nor its storage key), and neither can tell the other did.
     */
    static String scopedModelId(String tenant, SynthesisModel model) {
        return Sha256.hex("tenant:" + tenant + "\nmodel:" + model.id());
    }

    /**
     * Reports progress between blocks and reads the cancellation flag (set by any replica) at the
     * same time; a lost lease stops the run as well.
     */
    private final class Progress implements ShardCoordinator.Control {
        private final Job job;
        private final JobLease lease;
        private long last = System.nanoTime();
        private volatile boolean cancelled;

        Progress(Job job, JobLease lease) {
            this.job = job;
            this.lease = lease;
        }

        @Override
        public void progress(long rowsDone, long rowsTotal) {
            long now = System.nanoTime();
            if (now - last < config.progressIntervalMs() * 1_000_000 && rowsDone < rowsTotal) {
                return;
            }
            last = now;
            cancelled = BlockingTx.inTransaction(() -> GenerationEntity.<GenerationEntity>findById(job.id()).chain(g -> {
                g.rowsDone = rowsDone;
                return Outbox.enqueue(EventEnvelope.create(service.source(), EventType.GENERATION_PROGRESS, "generations/" + job.id(),
                        job.tenant(), job.actor(), new Payloads.GenerationProgress(job.id().toString(), rowsDone, rowsTotal)))
                        .map(e -> g.cancelRequested);
            }));
        }

        /**
         * For a run of several tables, which asks between tables only (a handful of times): the flag is
         * read at every ask, so a cancellation lands at the next table whenever it came, not only when a
         * progress event was due.
         */
        Generation.Listener perTable() {
            return new Generation.Listener() {
                @Override
                public void progress(long rowsDone, long rowsTotal) {
                    Progress.this.progress(rowsDone, rowsTotal);
                }

                @Override
                public boolean cancelled() {
                    if (!Progress.this.cancelled() && !lease.lost()) {
                        cancelled = Boolean.TRUE.equals(BlockingTx.inSession(() -> GenerationEntity.<GenerationEntity>findById(job.id())
                                .map(g -> g != null && g.cancelRequested)));
                    }
                    return Progress.this.cancelled();
                }
            };
        }

        /** Cancelled by a user, or the job's lease was lost (another worker runs it now: stop writing). */
        @Override
        public boolean cancelled() {
            return cancelled || lease.lost();
        }

        @Override
        public boolean leaseLost() {
            return lease.lost();
        }
    }

    /**
     * Marks the generation RUNNING for this claim of its job; null when it has nothing left to run
     * (finished or cancelled meanwhile). A RUNNING one is taken over: its previous worker died or
     * lost its lease (runs are deterministic and commit nothing before the end).
     */
    private Uni<Job> start(UUID id) {
        return GenerationEntity.<GenerationEntity>findById(id).chain(g -> {
            if (g == null || g.isFinished()) {
                return Uni.createFrom().nullItem();
            }
            if (GenerationEntity.RUNNING.equals(g.status)) {
                LOG.warnf("generation %s: taking over a run whose worker stopped", id);
            }
            g.status = GenerationEntity.RUNNING;
            g.startedAt = Instant.now();
            return DatasetRefEntity.<DatasetRefEntity>findById(g.datasetId).map(d -> new Job(g.id, g.tenant, g.requestedBy,
                    g.datasetId, d.storageKey, d.sha256, d.schemaJson, d.piiJson, g.requestJson, g.model, g.rows, g.seed));
        });
    }

    /**
     * The service's side of the {@link GenerationPipeline}: the dataset in the store, models in the
     * store with their row in the fitted-model table (a fit is reused within a tenant for the same
     * dataset bytes, spec and seed), the output staged and committed under the generation's key.
     */
    private final class StoredRun implements GenerationPipeline.Source, GenerationPipeline.Models, GenerationPipeline.Output {
        private final Job job;
        private final GenerationRequest request;
        private final boolean[] touched;
        private final Progress progress;
        private final String base;
        private String datasetSha;
        /** The tenant's cache key of a fit for this request, set by {@link #find}. */
        private String fitKey;
        /** Where the model sampled is stored (shards load it from there). */
        private String modelKey;
        StoredObject output;
        StoredObject manifest;

        /** @param touched set when the source data is read for a fit (if it never is, governance releases a budget reservation) */
        StoredRun(Job job, GenerationRequest request, boolean[] touched, Progress progress) {
            this.job = job;
            this.request = request;
            this.touched = touched;
            this.progress = progress;
            this.base = job.tenant() + "/generations/" + job.id();
        }

        @Override
        public String sha256() throws IOException {
            if (datasetSha == null) {
                if (job.datasetSha256() != null) {
                    datasetSha = job.datasetSha256();
                } else {
                    try (InputStream in = store.open(job.sourceKey())) {
                        datasetSha = Sha256.hex(in);
                    }
                }
            }
            return datasetSha;
        }

        @Override
        public Table read() throws IOException {
            touched[0] = true;
            return readSource();
        }

        @Override
        public List<PiiFinding> pii() {
            return DatasetRefEntity.piiFindings(job.piiJson());
        }

        /** The dataset's rows: its bytes are those the stored model was fitted on (its fit key or model id was matched by their hash). */
        @Override
        public Table trainingOf(SynthesisModel stored) throws IOException {
            return readSource();
        }

        private Table readSource() throws IOException {
            TableSchema schema = job.schemaJson() == null ? null : Json.read(job.schemaJson(), TableSchema.class);
            return CsvTableReader.read(store.localPath(job.sourceKey()), CsvOptions.defaults(), schema);
        }

        /** The model named by {@code modelId}, or the one already fitted on the same dataset bytes with the same spec and seed. */
        @Override
        public GenerationPipeline.Stored find(GenerationRequest request) throws IOException {
            String sha = sha256();
            if (request.modelId() != null) {
                FittedModelEntity named = BlockingTx.inSession(() -> FittedModelEntity.byModelId(job.tenant(), request.modelId()));
                if (named == null) {
                    throw new BadInputException("unknown-model-id", "no stored model with id " + request.modelId());
                }
                SynthesisModel loaded = load(named.storageKey);
                if (!loaded.manifest().datasetSha256().equals(sha)) {
                    throw new BadInputException("model-dataset-mismatch", "model " + request.modelId() + " was fitted on other data than"
                            + " dataset " + job.datasetId());
                }
                Set<String> flagged = new TreeSet<>(Requests.modelSpec(request, pii()).piiColumns().keySet());
                flagged.removeAll(loaded.manifest().spec().piiColumns().keySet());
                if (!flagged.isEmpty()) {
                    throw new BadInputException("model-pii-mismatch", "model " + request.modelId() + " learned from columns flagged as PII "
                            + flagged + "; fit a new model");
                }
                modelKey = named.storageKey;
                return new GenerationPipeline.Stored(loaded, named.modelId, storedHoldoutKey(named.storageKey));
            }
            ModelSpec spec = Requests.modelSpec(request, pii());
            // the cache key is the tenant's: a fit is reused within a tenant, never across tenants
            fitKey = Sha256.hex(job.tenant() + "\n" + sha + "\n" + Json.write(spec) + "\n" + job.seed() + "\n"
                    + SynthesisModel.ENGINE_VERSION);
            FittedModelEntity existing = BlockingTx.inSession(() -> FittedModelEntity.find(job.tenant(), fitKey));
            if (existing != null && store.exists(existing.storageKey)) {
                try {
                    SynthesisModel loaded = load(existing.storageKey);
                    modelKey = existing.storageKey;
                    return new GenerationPipeline.Stored(loaded, existing.modelId, storedHoldoutKey(existing.storageKey));
                } catch (BadInputException e) {
                    // a cached fit this engine cannot read (older format, damaged file) is fitted again, not a failed job
                    LOG.warnf("generation %s: stored model %s cannot be reused (%s); fitting again", job.id(), existing.modelId,
                            e.getMessage());
                }
            }
            return null;
        }

        /** Stores the held-out rows, the copy guard and the model (in this order: a model is never stored without them), then its row. */
        @Override
        public GenerationPipeline.Stored keep(SynthesisModel model, HoldoutSplit split) throws IOException {
            String modelId = scopedModelId(job.tenant(), model);
            String key = job.tenant() + "/models/" + modelId + "/model.synth";
            String holdoutKey = split.hasHoldout() ? FittedModelEntity.holdoutKey(key) : null;
            if (holdoutKey != null && !store.exists(holdoutKey)) {
                try (DatasetStore.Staged staged = store.stage(out -> CsvTableWriter.write(split.holdout(), out))) {
                    staged.commit(holdoutKey);
                }
            }
            String guardKey = FittedModelEntity.guardKey(key);
            if (!model.isPrivate() && !store.exists(guardKey)) {
                try (DatasetStore.Staged staged = store.stage(model::writeGuard)) {
                    staged.commit(guardKey);
                }
            }
            if (!store.exists(key)) {
                try (DatasetStore.Staged staged = store.stage(model::write)) {
                    staged.commit(key);
                }
            }
            BlockingTx.inTransaction(() -> FittedModelEntity.find(job.tenant(), fitKey).chain(found -> {
                FittedModelEntity e = found != null ? found : new FittedModelEntity();
                if (found != null && found.storageKey.equals(key)) {
                    return Uni.createFrom().voidItem();
                }
                // new, or replacing a cached fit that could not be read
                e.tenant = job.tenant();
                e.fitKey = fitKey;
                e.modelId = modelId;
                e.datasetId = job.datasetId();
                e.synthesizer = model.manifest().synthesizer();
                e.storageKey = key;
                e.manifestJson = Json.write(model.manifest());
                e.createdAt = Instant.now();
                return found != null ? Uni.createFrom().voidItem() : e.persist().replaceWithVoid();
            }));
            modelKey = key;
            return new GenerationPipeline.Stored(model, modelId, holdoutKey);
        }

        @Override
        public String format() {
            return Requests.format(request);
        }

        /** A large request runs as a Kubernetes Job of shards ({@link ShardedGeneration}), joined here into the same bytes. */
        @Override
        public GenerationPipeline.Sampled sampleElsewhere(SynthesisModel model, Generation generation, GenerationSettings settings)
                throws IOException, InterruptedException {
            if (!sharded.applies(model, settings)) {
                return null;
            }
            ShardAssembly.Assembled shards = sharded.run(job.id(), job.tenant(), modelKey, FittedModelEntity.guardKey(modelKey), generation,
                    settings, base + "/synthetic.csv", progress);
            output = shards.output();
            if (shards.result().nothingProduced()) {
                store.delete(output.key());
                throw GenerationPipeline.nothingProduced(shards.result());
            }
            return new GenerationPipeline.Sampled(store.localPath(output.key()), shards.result(), shards.shards());
        }

        /** The CSV stays the hashed output the evaluator reads, whatever the format. */
        @Override
        public Path csv(GenerationPipeline.StreamWriter writer) throws IOException {
            try (DatasetStore.Staged staged = store.stage(writer::write)) {
                output = staged.commit(base + "/synthetic.csv");
            }
            return store.localPath(output.key());
        }

        /** Next to the CSV; converted row by row into a temporary file, never held in memory. */
        @Override
        public GenerationPipeline.Published parquet(GenerationPipeline.FileWriter writer) throws IOException {
            Path tmp = Files.createTempFile("synthetic-", ".parquet");
            try {
                writer.write(tmp);
                StoredObject parquet;
                try (InputStream in = Files.newInputStream(tmp); DatasetStore.Staged staged = store.stage(in, Long.MAX_VALUE)) {
                    parquet = staged.commit(GenerationEntity.parquetKey(output.key()));
                }
                return new GenerationPipeline.Published(parquet.sizeBytes(), parquet.sha256());
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        public void manifest(byte[] json) throws IOException {
            try (DatasetStore.Staged staged = store.stage(new ByteArrayInputStream(json), json.length)) {
                manifest = staged.commit(base + "/manifest.json");
            }
        }

        private SynthesisModel load(String key) throws IOException {
            return StoredModels.load(store, key, FittedModelEntity.guardKey(key), workerThreads());
        }

        /** The holdout stored beside a model, null for models fitted without one. */
        private String storedHoldoutKey(String modelKey) {
            String key = FittedModelEntity.holdoutKey(modelKey);
            return store.exists(key) ? key : null;
        }
    }

    private Uni<Void> finish(Job job, String modelId, StoredObject output, StoredObject manifest,
            Generation.Result result, long millis, Payloads.PrivacySpent spent, String holdoutKey) {
        return GenerationEntity.<GenerationEntity>findById(job.id())
                .chain(g -> {
                    if (g.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    g.status = GenerationEntity.COMPLETED;
                    g.outputKey = output.key();
                    g.outputSha256 = output.sha256();
                    g.outputBytes = output.sizeBytes();
                    g.manifestKey = manifest.key();
                    g.modelId = modelId;
                    g.runId = result.runId();
                    g.rowsDone = result.rowsRequested();
                    g.rowsWritten = result.rowsWritten();
                    g.copiesRedrawn = result.copiesRedrawn();
                    g.rowsDropped = result.rowsDropped();
                    g.completedAt = Instant.now();
                    return Outbox.enqueue(EventEnvelope.create(service.source(), EventType.GENERATION_COMPLETED,
                            "generations/" + job.id(), job.tenant(), job.actor(),
                            new Payloads.GenerationCompleted(job.id().toString(), job.datasetId().toString(), job.model(),
                                    result.rowsWritten(), job.seed(), job.sourceKey(), output.key(), output.sha256(), millis, spent, holdoutKey)))
                            .replaceWithVoid();
                });
    }

    /** @param dataTouched whether the source data was read (if not, governance releases a budget reservation) */
    private Uni<Void> end(Job job, String status, String reason, boolean dataTouched) {
        return GenerationEntity.<GenerationEntity>findById(job.id())
                .chain(g -> {
                    if (g.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    g.status = status;
                    g.error = reason;
                    g.completedAt = Instant.now();
                    return Outbox.enqueue(EventEnvelope.create(service.source(), EventType.GENERATION_FAILED,
                            "generations/" + job.id(), job.tenant(), job.actor(),
                            new Payloads.GenerationFailed(job.id().toString(), job.datasetId().toString(),
                                    GenerationEntity.CANCELLED.equals(status) ? "cancelled" : reason, dataTouched)))
                            .replaceWithVoid();
                });
    }
}
