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
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.Generation;
import io.synthline.generator.engine.GenerationManifest;
import io.synthline.generator.engine.GenerationSettings;
import io.synthline.generator.engine.HoldoutSplit;
import io.synthline.generator.engine.ModelSpec;
import io.synthline.generator.engine.Requests;
import io.synthline.generator.engine.SynthesisModel;
import io.synthline.generator.engine.Synthesizers;
import io.synthline.generator.engine.output.ParquetOutput;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.shard.ShardAssembly;
import io.synthline.generator.engine.shard.StoredModels;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.generator.repository.FittedModelEntity;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.generator.shard.ShardCoordinator;
import io.synthline.generator.shard.ShardedGeneration;
import io.synthline.service.jobs.JobHandler;
import io.synthline.service.jobs.JobLease;
import io.synthline.service.jobs.LeaseLostException;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "synthline.service.source")
    String source;

    /** Worker threads per job; 0 = all cores. Never changes the output. */
    @ConfigProperty(name = "synthline.generator.threads", defaultValue = "0")
    int threads;

    /** Minimum time between two progress events of one job. */
    @ConfigProperty(name = "synthline.generator.progress-interval-ms", defaultValue = "2000")
    long progressIntervalMillis;

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
            if (io.synthline.commons.relational.StoredRelational.isRelational(job.sourceKey())) {
                runTables(job, request, lease, started, touched);
                return;
            }
            Fit fit = model(job, request, touched);
            GenerationSettings settings = Requests.settings(request, job.seed(), threads > 0 ? threads : Parallel.defaultThreads());
            SynthesisModel model = withTrainingIfConditioned(fit.model(), settings, job);
            Generation generation = Generation.prepare(model, settings, job.tenant());
            Progress progress = new Progress(job, lease);
            Generation.Result[] result = new Generation.Result[1];
            String base = job.tenant() + "/generations/" + job.id();
            StoredObject output;
            ShardAssembly.Assembled shards = null;
            if (sharded.applies(model, settings)) {
                // a large request runs as a Kubernetes Job of shards, joined here into the same bytes
                shards = sharded.run(job.id(), job.tenant(), fit.storageKey(), FittedModelEntity.guardKey(fit.storageKey()), generation,
                        settings, base + "/synthetic.csv", progress);
                result[0] = shards.result();
                output = shards.output();
                if (result[0].nothingProduced()) {
                    store.delete(output.key());
                    throw new BadInputException("no-rows-produced", result[0].nothingProducedMessage());
                }
            } else {
                try (DatasetStore.Staged staged = store.stage(out -> result[0] = generation.writeCsv(out, true, progress))) {
                    if (result[0].nothingProduced()) {
                        throw new BadInputException("no-rows-produced", result[0].nothingProducedMessage());
                    }
                    output = staged.commit(base + "/synthetic.csv");
                }
            }
            String format = Requests.format(request);
            GenerationManifest manifest = GenerationManifest.of(model, settings, result[0], format).withModelId(fit.modelId())
                    .withShards(shards == null ? null : shards.shards());
            if (Requests.PARQUET.equals(format)) {
                StoredObject parquet = parquet(model, generation, output.key());
                manifest = manifest.forFile(parquet.sizeBytes(), parquet.sha256());
            }
            StoredObject manifestObject;
            byte[] manifestBytes = Json.writePretty(manifest).getBytes(StandardCharsets.UTF_8);
            try (DatasetStore.Staged staged = store.stage(new ByteArrayInputStream(manifestBytes), manifestBytes.length)) {
                manifestObject = staged.commit(base + "/manifest.json");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Payloads.PrivacySpent spent = spent(model, fit.fitted(), fit.modelId());
            BlockingTx.inTransaction(() -> lease.finish().chain(() -> finish(job, fit.modelId(), output, manifestObject, result[0], millis,
                    spent, fit.holdoutKey())));
            LOG.infof("generation %s completed: %d rows with %s in %d ms (%d redrawn copies)", id, result[0].rowsWritten(),
                    job.model(), millis, result[0].copiesRedrawn());
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
                threads > 0 ? threads : Parallel.defaultThreads(), job.tenant() + "/generations/" + job.id() + "/", holdoutBase);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Payloads.PrivacySpent spent = r.privacy() == null ? null : spent(r.privacy());
        BlockingTx.inTransaction(() -> lease.finish().chain(() -> recordHoldout(job, r.holdoutKey())).chain(() -> GenerationEntity
                .<GenerationEntity>findById(job.id()).chain(g -> {
                    if (g.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    g.status = GenerationEntity.COMPLETED;
                    g.outputKey = r.outputKey();
                    g.outputSha256 = r.outputSha256();
                    g.outputBytes = r.outputBytes();
                    g.manifestKey = r.manifestKey();
                    g.rowsDone = r.rowsWritten();
                    g.rowsWritten = r.rowsWritten();
                    g.completedAt = Instant.now();
                    return Outbox.enqueue(EventEnvelope.create(source, EventType.GENERATION_COMPLETED, "generations/" + job.id(),
                            job.tenant(), job.actor(), new Payloads.GenerationCompleted(job.id().toString(), job.datasetId().toString(),
                                    job.model(), r.rowsWritten(), job.seed(), job.sourceKey(), r.outputKey(), r.outputSha256(), millis,
                                    spent, r.holdoutKey()))).replaceWithVoid();
                })));
        LOG.infof("generation %s completed: %d rows in %d tables with %s in %d ms", job.id(), r.rowsWritten(),
                io.synthline.commons.relational.StoredRelational.readIndex(store, r.outputKey()).tables().size(), job.model(), millis);
    }

    /** Records where a relational run's held-out real entities are, so that deleting the dataset deletes them. */
    private static Uni<Void> recordHoldout(Job job, String holdoutKey) {
        if (holdoutKey == null) {
            return Uni.createFrom().voidItem();
        }
        String fitKey = sha256Text("relational-holdout\n" + job.tenant() + "\n" + job.id());
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
     * @param fitted     true when the model was fitted by this run (so its privacy cost belongs to it)
     * @param holdoutKey the stored rows the model's fit held out, null when it held out none
     * @param modelId    the model's id as the tenant knows it ({@link #scopedModelId})
     * @param storageKey where the model is stored
     */
    record Fit(SynthesisModel model, boolean fitted, String holdoutKey, String modelId, String storageKey) {
    }

    /**
     * A model's public id: its content hash within the tenant, so that two tenants fitting the same
     * data never share a model id (nor its storage key), and neither can tell the other did.
     */
    static String scopedModelId(String tenant, SynthesisModel model) {
        return sha256Text("tenant:" + tenant + "\nmodel:" + model.id());
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
            if (now - last < progressIntervalMillis * 1_000_000 && rowsDone < rowsTotal) {
                return;
            }
            last = now;
            cancelled = BlockingTx.inTransaction(() -> GenerationEntity.<GenerationEntity>findById(job.id()).chain(g -> {
                g.rowsDone = rowsDone;
                return Outbox.enqueue(EventEnvelope.create(source, EventType.GENERATION_PROGRESS, "generations/" + job.id(),
                        job.tenant(), job.actor(), new Payloads.GenerationProgress(job.id().toString(), rowsDone, rowsTotal)))
                        .map(e -> g.cancelRequested);
            }));
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
     * The stored model for this request: the one named by {@code modelId}, or the one already
     * fitted on the same dataset bytes with the same spec and seed, or a new fit (then stored).
     */
    private Fit model(Job job, GenerationRequest request, boolean[] touched) throws IOException {
        int workers = threads > 0 ? threads : Parallel.defaultThreads();
        String datasetSha = job.datasetSha256() != null ? job.datasetSha256() : sha256(job.sourceKey());
        if (request.modelId() != null) {
            FittedModelEntity named = BlockingTx.inSession(() -> FittedModelEntity.byModelId(job.tenant(), request.modelId()));
            if (named == null) {
                throw new BadInputException("unknown-model-id", "no stored model with id " + request.modelId());
            }
            SynthesisModel loaded = load(named.storageKey, workers);
            if (!loaded.manifest().datasetSha256().equals(datasetSha)) {
                throw new BadInputException("model-dataset-mismatch", "model " + request.modelId() + " was fitted on other data than dataset "
                        + job.datasetId());
            }
            java.util.Set<String> flagged = new java.util.TreeSet<>(Requests.modelSpec(request, DatasetRefEntity.piiFindings(job.piiJson()))
                    .piiColumns().keySet());
            flagged.removeAll(loaded.manifest().spec().piiColumns().keySet());
            if (!flagged.isEmpty()) {
                throw new BadInputException("model-pii-mismatch", "model " + request.modelId() + " learned from columns flagged as PII "
                        + flagged + "; fit a new model");
            }
            return new Fit(loaded, false, storedHoldoutKey(named.storageKey), named.modelId, named.storageKey);
        }
        ModelSpec spec = Requests.modelSpec(request, DatasetRefEntity.piiFindings(job.piiJson()));
        // the cache key is the tenant's: a fit is reused within a tenant, never across tenants
        String fitKey = sha256Text(job.tenant() + "\n" + datasetSha + "\n" + Json.write(spec) + "\n" + job.seed() + "\n"
                + SynthesisModel.ENGINE_VERSION);
        FittedModelEntity existing = BlockingTx.inSession(() -> FittedModelEntity.find(job.tenant(), fitKey));
        if (existing != null && store.exists(existing.storageKey)) {
            try {
                return new Fit(load(existing.storageKey, workers), false, storedHoldoutKey(existing.storageKey), existing.modelId,
                        existing.storageKey);
            } catch (BadInputException e) {
                // a cached fit this engine cannot read (older format, damaged file) is fitted again, not a failed job
                LOG.warnf("generation %s: stored model %s cannot be reused (%s); fitting again", job.id(), existing.modelId, e.getMessage());
            }
        }
        TableSchema schema = job.schemaJson() == null ? null : Json.read(job.schemaJson(), TableSchema.class);
        touched[0] = true;
        Table data = CsvTableReader.read(store.localPath(job.sourceKey()), CsvOptions.defaults(), schema);
        SynthesisModel model = SynthesisModel.fit(data, spec, job.seed(), workers, datasetSha);
        String modelId = scopedModelId(job.tenant(), model);
        String key = job.tenant() + "/models/" + modelId + "/model.synth";
        // the held-out rows first: a model is only ever stored with its holdout beside it
        HoldoutSplit split = HoldoutSplit.of(data, spec.holdout(), job.seed());
        String holdoutKey = split.hasHoldout() ? FittedModelEntity.holdoutKey(key) : null;
        if (holdoutKey != null && !store.exists(holdoutKey)) {
            try (DatasetStore.Staged staged = store.stage(out -> CsvTableWriter.write(split.holdout(), out))) {
                staged.commit(holdoutKey);
            }
        }
        String guardKey = FittedModelEntity.guardKey(key);
        if (!model.isPrivate() && !store.exists(guardKey)) {
            // the guard first: a stored model is only ever read with its guard beside it
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
        return new Fit(model, true, holdoutKey, modelId, key);
    }

    /**
     * A stored tree keeps no rows: conditions and rebalancing grow trees on the dataset's rows
     * again (the bytes the model was fitted on: its fit key or model id was matched by their hash).
     */
    private SynthesisModel withTrainingIfConditioned(SynthesisModel model, GenerationSettings settings, Job job) throws IOException {
        if (!model.conditioningNeedsTraining() || settings.conditions().isEmpty() && settings.rebalance() == null) {
            return model;
        }
        TableSchema schema = job.schemaJson() == null ? null : Json.read(job.schemaJson(), TableSchema.class);
        return model.withTraining(CsvTableReader.read(store.localPath(job.sourceKey()), CsvOptions.defaults(), schema));
    }

    /** The holdout stored beside a model, null for models fitted without one. */
    private String storedHoldoutKey(String modelKey) {
        String key = FittedModelEntity.holdoutKey(modelKey);
        return store.exists(key) ? key : null;
    }

    /**
     * The Parquet rendition of the output, next to the CSV (which stays the hashed output the
     * evaluator reads): converted row by row, never held in memory.
     */
    private StoredObject parquet(SynthesisModel model, Generation generation, String csvKey) throws IOException {
        TableSchema schema = ParquetOutput.schema(generation.header(), model.manifest().schema());
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("synthetic-", ".parquet");
        try {
            ParquetOutput.convert(store.localPath(csvKey), schema, tmp);
            try (InputStream in = java.nio.file.Files.newInputStream(tmp);
                    DatasetStore.Staged staged = store.stage(in, Long.MAX_VALUE)) {
                return staged.commit(GenerationEntity.parquetKey(csvKey));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    private SynthesisModel load(String key, int workers) throws IOException {
        return StoredModels.load(store, key, FittedModelEntity.guardKey(key), workers);
    }

    private String sha256(String key) throws IOException {
        try (InputStream in = new java.security.DigestInputStream(store.open(key), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((java.security.DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Text(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
                    return Outbox.enqueue(EventEnvelope.create(source, EventType.GENERATION_COMPLETED,
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
                    return Outbox.enqueue(EventEnvelope.create(source, EventType.GENERATION_FAILED,
                            "generations/" + job.id(), job.tenant(), job.actor(),
                            new Payloads.GenerationFailed(job.id().toString(), job.datasetId().toString(),
                                    GenerationEntity.CANCELLED.equals(status) ? "cancelled" : reason, dataTouched)))
                            .replaceWithVoid();
                });
    }
}
