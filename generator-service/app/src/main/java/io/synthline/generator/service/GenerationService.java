package io.synthline.generator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.GenerationView;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.config.GeneratorConfig;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.mapping.GenerationMapper;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.generator.repository.FittedModelEntity;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.service.config.ServiceConfig;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.problem.NotFound;
import io.synthline.service.jobs.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accepts generation requests: validates them against the dataset's schema (a bad request is a
 * 400 here, not a failed job), records them and queues the job through the outbox; cancels them.
 */
@ApplicationScoped
public class GenerationService {
    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    ServiceConfig service;

    @Inject
    GeneratorConfig config;

    @Inject
    JobQueue jobs;

    @Inject
    DatasetStore store;

    /** Call inside a transaction. */
    public Uni<GenerationView> request(GenerationRequest asked, String tenant, String actor) {
        if (asked == null) {
            return Uni.createFrom().failure(new BadInputException("missing-body", "a JSON body {datasetId, rows, seed, model, ...} is required"));
        }
        GenerationRequest request = asked.modelId() != null ? asked : asked.withDefaultHoldout(config.defaultHoldout());
        UUID datasetId = parseId(request.datasetId());
        String purpose = request.purpose() == null || request.purpose().isBlank() ? null : request.purpose().strip();
        if (purpose != null && purpose.length() > GenerationRequest.MAX_PURPOSE_LENGTH) {
            throw new BadInputException("invalid-purpose", "purpose must be at most " + GenerationRequest.MAX_PURPOSE_LENGTH
                    + " characters, got " + purpose.length());
        }
        String model = Synthesizers.create(Requests.modelSpec(request, java.util.List.of()), 1).name();
        String format = Requests.format(request);
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
        return DatasetRefEntity.findForTenant(tenant, datasetId)
                .onItem().ifNull().switchTo(() -> fromStore(tenant, datasetId))
                .onItem().ifNull().failWith(() -> new NotFound("dataset", request.datasetId()))
                .chain(dataset -> {
                    if (!"PROFILED".equals(dataset.status)) {
                        return Uni.createFrom().failure(new BadInputException("dataset-not-ready", 409,
                                "dataset " + datasetId + " is " + dataset.status + ", not yet profiled"));
                    }
                    boolean tables = io.synthline.commons.relational.StoredRelational.isRelational(dataset.storageKey);
                    if (tables && request.conditions() != null && !request.conditions().isEmpty()) {
                        RelationalGeneration.validate(request);
                        // the root table's columns are in the profile the profiler stored beside the tables
                        return io.vertx.mutiny.core.Vertx.currentContext().executeBlocking(Uni.createFrom().item(() -> {
                            try {
                                RelationalGeneration.checkConditions(store, dataset.storageKey, request);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            return dataset;
                        })).chain(checked -> record(checked, request, tenant, actor, datasetId, model, format, seed, purpose));
                    }
                    return record(dataset, request, tenant, actor, datasetId, model, format, seed, purpose);
                });
    }

    private Uni<GenerationView> record(DatasetRefEntity dataset, GenerationRequest request, String tenant, String actor, UUID datasetId,
            String model, String format, long seed, String purpose) {
        boolean tables = io.synthline.commons.relational.StoredRelational.isRelational(dataset.storageKey);
        long rows;
        if (tables) {
            // several tables: the scale decides, every table follows its parents
            RelationalGeneration.validate(request);
            rows = RelationalGeneration.expectedRows(dataset.rowCount == null ? 0 : dataset.rowCount, request.scale());
        } else {
            requireRows(request);
            TableSchema schema = dataset.schemaJson == null ? null : Json.read(dataset.schemaJson, TableSchema.class);
            Requests.validate(request, schema, dataset.piiFindings(), config.maxRows());
            rows = request.rows();
        }
        GenerationEntity g = new GenerationEntity();
        g.id = UUID.randomUUID();
        g.tenant = tenant;
        g.datasetId = datasetId;
        g.requestedBy = actor;
        g.model = model;
        g.rows = rows;
        g.seed = seed;
        g.status = GenerationEntity.REQUESTED;
        g.createdAt = Instant.now();
        g.format = format;
        g.requestJson = Json.write(request);
        g.purpose = purpose;
        EventEnvelope requested = EventEnvelope.create(service.source(), EventType.GENERATION_REQUESTED,
                "generations/" + g.id, tenant, actor,
                new Payloads.GenerationRequested(g.id.toString(), datasetId.toString(), model, g.rows, seed, privacyOf(request),
                        // every column the profile flags is replaced (Requests.modelSpec), whatever the request says
                        Boolean.TRUE, purpose));
        return knownModel(tables, request, tenant).chain(() -> g.<GenerationEntity>persist()).call(() -> Outbox.enqueue(requested))
                .map(GenerationMapper::toView);
    }

    /**
     * A request names a stored model only if the tenant has one of the dataset's kind by that id: a
     * model of several tables for a dataset of several tables, one table's model for one table (a 400
     * now, not a failed job). Whether it was fitted on this dataset's data is checked when the job
     * reads both.
     */
    private static Uni<Void> knownModel(boolean tables, GenerationRequest request, String tenant) {
        if (request.modelId() == null) {
            return Uni.createFrom().voidItem();
        }
        return FittedModelEntity.byModelId(tenant, request.modelId()).invoke(m -> {
            if (tables && (m == null || !FittedModelEntity.isRelational(m))) {
                throw RelationalGeneration.unknownModel(request.modelId());
            }
            if (!tables && (m == null || !FittedModelEntity.isSingleTable(m))) {
                throw new BadInputException("unknown-model-id", "no stored model of one table with id " + request.modelId()
                        + ": a run's modelId names the model it fitted; a model of several tables samples a dataset of several"
                        + " tables");
            }
        }).replaceWithVoid();
    }

    private void requireRows(GenerationRequest request) {
        if (request.rows() == null) {
            throw new BadInputException("invalid-rows", "rows is required");
        }
        if (request.rows() < 1 || request.rows() > config.maxRows()) {
            throw new BadInputException("invalid-rows", "rows must be between 1 and " + config.maxRows() + ", got " + request.rows());
        }
        if (request.scale() != null || request.maxChildren() != null) {
            throw new BadInputException("not-relational", "scale and maxChildren apply to datasets of several tables; this dataset is one"
                    + " table: give rows");
        }
    }

    /**
     * A dataset the projection does not know yet, from the dataset store: its events are still on
     * their way (Kafka down or slow) but the profiler has committed its data and profile document under
     * the tenant's prefix. Recorded in the projection (the events, when they come, update it in place),
     * so that a request right after an upload never depends on the bus. Null when the store has neither.
     */
    private Uni<DatasetRefEntity> fromStore(String tenant, UUID datasetId) {
        String base = tenant + "/datasets/" + datasetId + "/";
        return io.vertx.mutiny.core.Vertx.currentContext().executeBlocking(Uni.createFrom().item(() -> {
            if (!store.exists(base + "data.csv") || !store.exists(base + "profile.json")) {
                return null;
            }
            try (java.io.InputStream in = store.open(base + "profile.json")) {
                return Json.mapper().readValue(in, DatasetProfile.class);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).chain(profile -> {
            if (profile == null) {
                return Uni.createFrom().nullItem();
            }
            // the profiler's events may be recording the same dataset right now: an upsert as dataset.profiled makes
            // it (a plain insert would fail on their row), then the row as it is, whoever wrote it
            return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.createNativeQuery(
                    "INSERT INTO dataset_ref (id, tenant, storage_key, status, row_count, schema_json, pii_json, updated_at) "
                            + "VALUES (:id, :tenant, :key, 'PROFILED', :rows, :schema, :pii, :now) ON CONFLICT (id) DO UPDATE SET "
                            + "status = 'PROFILED', row_count = EXCLUDED.row_count, schema_json = EXCLUDED.schema_json, "
                            + "pii_json = EXCLUDED.pii_json, updated_at = EXCLUDED.updated_at WHERE dataset_ref.tenant = EXCLUDED.tenant")
                    .setParameter("id", datasetId)
                    .setParameter("tenant", tenant)
                    .setParameter("key", base + "data.csv")
                    .setParameter("rows", profile.rowCount())
                    .setParameter("schema", profile.schema() == null ? null : Json.write(profile.schema()))
                    .setParameter("pii", Json.write(profile.pii() == null ? List.of() : profile.pii()))
                    .setParameter("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                    .executeUpdate())
                    .chain(() -> DatasetRefEntity.findForTenant(tenant, datasetId));
        });
    }

    /**
     * The (epsilon, delta) governance must reserve before a DP model may read the data; null for
     * the other models (which refuse a privacy block).
     */
    static Payloads.PrivacyParameters privacyOf(GenerationRequest request) {
        if (!Synthesizers.isPrivate(request.model()) || request.privacy() == null) {
            return null;
        }
        return new Payloads.PrivacyParameters(request.privacy().epsilon(), request.privacy().delta());
    }

    /**
     * Call inside a transaction. A job that has not started is cancelled at once (nothing was
     * read); a running one is flagged and stops at its next block, discarding what it wrote.
     */
    public Uni<GenerationView> cancel(String tenant, String id, String actor) {
        return find(tenant, id).chain(g -> {
            if (g.isFinished()) {
                return Uni.createFrom().failure(new BadInputException("already-finished", 409,
                        "generation " + id + " is already " + g.status));
            }
            if (GenerationEntity.RUNNING.equals(g.status)) {
                g.cancelRequested = true;
                return Uni.createFrom().item(GenerationMapper.toView(g));
            }
            g.status = GenerationEntity.CANCELLED;
            g.error = "cancelled by " + actor + " before it started";
            g.completedAt = Instant.now();
            return Outbox.enqueue(EventEnvelope.create(service.source(), EventType.GENERATION_FAILED, "generations/" + g.id, tenant, actor,
                    new Payloads.GenerationFailed(g.id.toString(), g.datasetId.toString(), "cancelled", false)))
                    .map(e -> GenerationMapper.toView(g));
        });
    }

    public Uni<GenerationView> get(String tenant, String id) {
        return find(tenant, id).map(GenerationMapper::toView).chain(v -> withWaiting(List.of(v))).map(List::getFirst);
    }

    public Uni<GenerationEntity> find(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("generation", id))
                .chain(uuid -> GenerationEntity.findForTenant(tenant, uuid)).onItem().ifNull().failWith(() -> new NotFound("generation", id));
    }

    public Uni<List<GenerationView>> list(String tenant) {
        return GenerationEntity.listForTenant(tenant).map(l -> l.stream().map(GenerationMapper::toView).toList())
                .chain(this::withWaiting);
    }

    /** Adds why each run (or its release) waits, from its job's state and the protocol's step. */
    private Uni<List<GenerationView>> withWaiting(List<GenerationView> views) {
        List<String> open = views.stream().filter(v -> GenerationEntity.REQUESTED.equals(v.status())
                || GenerationEntity.RUNNING.equals(v.status())).map(GenerationView::id).toList();
        return jobs.states(GenerationJobRunner.KIND, open)
                .map(states -> views.stream().map(v -> v.withWaiting(waiting(v, states.get(v.id())))).toList());
    }

    String waiting(GenerationView v, JobQueue.State job) {
        return switch (v.status()) {
            case GenerationEntity.PENDING_APPROVAL -> "approval: a data owner must approve the request";
            case GenerationEntity.REQUESTED -> job != null ? job.explain("generations")
                    : config.requireApproval() ? "approval: waiting for governance's policy decision" : "queued";
            case GenerationEntity.RUNNING -> job == null ? null : job.explain("generations");
            case GenerationEntity.COMPLETED -> config.requireApproval() && v.releaseStatus() == null
                    ? "release: evaluation pending (governance's release gate decides on the evaluation of the output)" : null;
            default -> null;
        };
    }

    private static UUID parseId(String id) {
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing-dataset", "datasetId is required");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("invalid-dataset-id", "datasetId '" + id + "' is not a valid id");
        }
    }
}
