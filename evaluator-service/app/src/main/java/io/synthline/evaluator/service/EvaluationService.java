package io.synthline.evaluator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.EvaluationView;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.store.DatasetStore;
import io.synthline.evaluator.mapping.EvaluationMapper;
import io.synthline.evaluator.repository.EvaluationEntity;
import io.synthline.service.config.ServiceConfig;
import io.synthline.service.jobs.JobQueue;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.problem.NotFound;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records evaluations and answers for them. A trigger (generation.completed, or governance's
 * evaluation.requested) becomes, in the consumer's transaction, a PENDING evaluation and an
 * {@link EvaluationJobs#KIND} job; the record is acknowledged at once and {@link EvaluationJobs}
 * runs the evaluation on a job worker. One evaluation per generation (and one per request),
 * whatever the redeliveries.
 */
@ApplicationScoped
public class EvaluationService {
    public static final String CONSUMER = "evaluator-generations";
    public static final String REQUESTS_CONSUMER = "evaluator-requests";
    public static final String PENDING = "PENDING";
    /** Lists answer at most this many evaluations (newest first) unless asked for fewer. */
    public static final int MAX_LIST = 1000;

    @Inject
    DatasetStore store;

    @Inject
    JobQueue jobs;

    @Inject
    Pool pool;

    @Inject
    ServiceConfig service;

    /**
     * Call in a Hibernate Reactive transaction. Records a PENDING evaluation for the trigger and queues
     * its job; true when one was queued now (false for a redelivery or an evaluation that exists).
     */
    public Uni<Boolean> enqueue(String consumer, EventEnvelope trigger) {
        return Inbox.firstDelivery(consumer, trigger.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            if (trigger.is(EventType.GENERATION_COMPLETED)) {
                Payloads.GenerationCompleted done = trigger.dataAs(Payloads.GenerationCompleted.class);
                UUID generationId = UUID.fromString(done.generationId());
                return EvaluationEntity.exists(trigger.tenant(), generationId, null).chain(exists -> exists
                        ? Uni.createFrom().item(false)
                        : record(trigger, pending(trigger.tenant(), generationId, done.datasetId(), null, done.sourceStorageKey(),
                                done.outputStorageKey(), done.holdoutStorageKey(), done.seed())));
            }
            Payloads.EvaluationRequested r = trigger.dataAs(Payloads.EvaluationRequested.class);
            if (r.requestId() == null || r.requestId().isBlank()) {
                throw new BadInputException("missing-request-id", "evaluation.requested " + trigger.id() + " carries no requestId");
            }
            UUID generationId = UUID.fromString(r.generationId());
            // the output is measured as its first evaluation measured it (same holdout, same seed) with today's metrics,
            // so a change in the scores is a change in what we measure, not in the sampling
            return EvaluationEntity.exists(trigger.tenant(), generationId, r.requestId()).chain(exists -> exists
                    ? Uni.createFrom().item(false)
                    : EvaluationEntity.latestOf(trigger.tenant(), generationId).chain(previous -> record(trigger, pending(
                            trigger.tenant(), generationId, r.datasetId(), r.requestId(),
                            r.sourceStorageKey() != null ? r.sourceStorageKey() : previous == null ? null : previous.sourceKey,
                            r.outputStorageKey() != null ? r.outputStorageKey() : previous == null ? null : previous.outputKey,
                            previous == null ? null : previous.holdoutKey,
                            previous == null || previous.seed == null ? 0 : previous.seed))));
        });
    }

    private static EvaluationEntity pending(String tenant, UUID generationId, String datasetId, String requestId, String sourceKey,
            String outputKey, String holdoutKey, long seed) {
        EvaluationEntity e = new EvaluationEntity();
        e.id = UUID.randomUUID();
        e.tenant = tenant;
        e.generationId = generationId;
        e.datasetId = UUID.fromString(datasetId);
        e.requestId = requestId;
        e.sourceKey = sourceKey;
        e.outputKey = outputKey;
        e.holdoutKey = holdoutKey;
        e.seed = seed;
        e.status = PENDING;
        e.createdAt = Instant.now();
        return e;
    }

    /** The pending evaluation, its job and evaluation.queued (governance tells "evaluation pending" from "evaluator unavailable"). */
    private Uni<Boolean> record(EventEnvelope trigger, EvaluationEntity e) {
        return e.persist()
                .chain(() -> Outbox.enqueue(EventEnvelope.create(service.source(), EventType.EVALUATION_QUEUED, "evaluations/" + e.id, e.tenant,
                        trigger.actor(), new Payloads.EvaluationQueued(e.id.toString(), e.generationId.toString(), e.datasetId.toString(),
                                e.requestId))))
                .chain(() -> jobs.enqueue(EvaluationJobs.KIND, e.id.toString(), e.tenant, trigger.toJson()));
    }

    public Uni<EvaluationView> get(String tenant, String id) {
        return find(tenant, id).chain(e -> withWaiting(List.of(EvaluationMapper.toView(e, true)))).map(List::getFirst);
    }

    /** The stored HTML report of an evaluation (a local file of a few hundred kB, read in place). */
    public Uni<String> report(String tenant, String id) {
        return find(tenant, id).map(e -> {
            if (e.reportKey == null) {
                throw new NotFound("report of evaluation", id);
            }
            String key = e.reportKey.substring(0, e.reportKey.lastIndexOf('/') + 1) + "report.html";
            try (var in = store.open(key)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private Uni<EvaluationEntity> find(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("evaluation", id))
                .chain(uuid -> EvaluationEntity.findForTenant(tenant, uuid)).onItem().ifNull().failWith(() -> new NotFound("evaluation", id));
    }

    /**
     * The tenant's evaluations, newest first, without their documents: read from the columns a list
     * shows (never the full documents, which are hundreds of kB each).
     */
    public Uni<List<EvaluationView>> list(String tenant, String generationId, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new BadInputException("invalid-limit", "limit must be between 1 and " + MAX_LIST);
        }
        UUID gen = null;
        if (generationId != null) {
            try {
                gen = UUID.fromString(generationId);
            } catch (IllegalArgumentException ex) {
                return Uni.createFrom().item(List.of());
            }
        }
        String columns = EvaluationMapper.LIST_COLUMNS;
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = gen == null
                ? pool.preparedQuery("SELECT " + columns + " FROM evaluation WHERE tenant = $1 ORDER BY created_at DESC LIMIT $2")
                        .execute(Tuple.of(tenant, limit))
                : pool.preparedQuery("SELECT " + columns + " FROM evaluation WHERE tenant = $1 AND generation_id = $2 "
                        + "ORDER BY created_at DESC LIMIT $3").execute(Tuple.of(tenant, gen, limit));
        return rows.map(set -> {
            List<EvaluationView> out = new ArrayList<>();
            for (Row r : set) {
                out.add(EvaluationMapper.toListView(r));
            }
            return out;
        }).chain(this::withWaiting);
    }

    /** Adds to each pending evaluation why it waits (its job's state). */
    private Uni<List<EvaluationView>> withWaiting(List<EvaluationView> results) {
        List<String> pendingIds = results.stream().filter(r -> PENDING.equals(r.status())).map(EvaluationView::id).toList();
        if (pendingIds.isEmpty()) {
            return Uni.createFrom().item(results);
        }
        return jobs.states(EvaluationJobs.KIND, pendingIds).map(states -> results.stream()
                .map(r -> PENDING.equals(r.status()) ? r.waiting(EvaluationJobs.waiting(states.get(r.id()))) : r).toList());
    }
}
