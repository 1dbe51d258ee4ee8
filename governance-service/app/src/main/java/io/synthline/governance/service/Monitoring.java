package io.synthline.governance.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.api.BadInputException;
import io.synthline.governance.config.GovernanceConfig;
import io.synthline.governance.repository.AuditRepository;
import io.synthline.governance.repository.DatasetRepository;
import io.synthline.governance.repository.GenerationRepository;
import io.synthline.service.problem.NotFound;
import io.synthline.service.scheduling.OncePerPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Continuous monitoring: released outputs are re-evaluated on a schedule with the evaluator's
 * current metric and attack suite (evaluation.requested; a failing answer quarantines the release,
 * an evaluation that cannot run raises an alert and leaves the release standing, see
 * GenerationGovernance; outputs whose source dataset was deleted are not re-evaluated), every chain is re-verified (a broken chain raises a critical alert),
 * and requests whose dataset never became known are refused.
 */
@ApplicationScoped
public class Monitoring {
    private static final Logger LOG = Logger.getLogger(Monitoring.class);

    @Inject
    Pool pool;

    @Inject
    GenerationRepository generations;

    @Inject
    GenerationGovernance protocol;

    @Inject
    DatasetRepository datasets;

    @Inject
    AuditRepository auditRepository;

    @Inject
    AuditService audit;

    @Inject
    Alerts alerts;

    @Inject
    GovernanceEvents events;

    @Inject
    GovernanceConfig config;

    /** With several replicas, each scheduled run happens on one of them. */
    @Inject
    OncePerPeriod oncePerPeriod;

    @Scheduled(every = "${synthline.governance.monitoring.interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return oncePerPeriod.run("governance-monitoring", config.monitoring().interval(), () -> requestReevaluations().replaceWithVoid()
                        .chain(this::refuseStaleRequests)
                        .chain(this::alertWhenNoEvaluatorTakesUp))
                .onFailure().invoke(e -> LOG.warnf("monitoring run failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * One alert per tenant (until acknowledged) while completed outputs wait longer than
     * {@code synthline.governance.monitoring.evaluation-wait} for an evaluator to take their evaluation up.
     */
    public Uni<Void> alertWhenNoEvaluatorTakesUp() {
        return generations.awaitingAnEvaluator(generations.evaluationWait()).chain(byTenant -> io.smallrye.mutiny.Multi.createFrom()
                .iterable(byTenant.entrySet())
                .onItem().transformToUniAndConcatenate(e -> alerts.raise(e.getKey(), Alerts.EVALUATOR_UNAVAILABLE, "critical",
                        "service/evaluator", "evaluator unavailable: " + e.getValue().size() + " completed generation"
                                + (e.getValue().size() == 1 ? "" : "s") + " waited more than " + generations.evaluationWait()
                                + " for their evaluation to be taken up (first: generations/" + e.getValue().getFirst()
                                + "); their release waits"))
                .collect().last().replaceWithVoid());
    }

    /** Asks for the re-evaluation of released outputs evaluated longer ago than the interval; returns how many. */
    public Uni<Integer> requestReevaluations() {
        return generations.dueForReevaluation(Instant.now().minus(config.monitoring().reevaluateAfter()), 50).chain(rows -> rows.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(r -> pool.withTransaction(conn ->
                        requestReevaluation(conn, r.getString("tenant"), r.getUUID("generation_id"), r.getUUID("dataset_id"),
                                r.getString("source_key"), r.getString("output_key"), "scheduled-reevaluation", null)))
                        .collect().asList().map(java.util.List::size));
    }

    /**
     * A data owner or tenant admin asks for a release to be re-evaluated now (e.g. after a new attack
     * was added to the evaluator). Only outputs that passed or were overridden can be re-evaluated, and
     * only while their source dataset is still there. Returns the request id the answer will carry.
     */
    public Uni<String> requestReevaluation(String tenant, UUID generationId, String caller, boolean tenantAdmin) {
        return pool.withTransaction(conn -> generations.find(conn, tenant, generationId, true).chain(g -> {
            if (g == null) {
                return Uni.createFrom().failure(new NotFound("generation", generationId.toString()));
            }
            return datasets.find(conn, tenant, g.datasetId(), false).chain(d -> {
                GenerationGovernance.requireOwner(d, caller, tenantAdmin);
                if (!GenerationRepository.RELEASE_APPROVED.equals(g.releaseStatus())
                        && !GenerationRepository.RELEASE_OVERRIDDEN.equals(g.releaseStatus())) {
                    return Uni.createFrom().failure(new BadInputException("not-released", 409, "generation " + generationId
                            + " is not released (release status " + g.releaseStatus() + "): there is nothing to re-evaluate"));
                }
                if (d == null || !DatasetRepository.ACTIVE.equals(d.status())) {
                    return Uni.createFrom().failure(new BadInputException("source-deleted", 409, "the source dataset of generation "
                            + generationId + " is " + (d == null ? "unknown" : d.status()) + ": it cannot be re-evaluated"));
                }
                return requestReevaluation(conn, tenant, generationId, g.datasetId(), g.sourceKey(), g.outputKey(), "manual", caller);
            });
        }));
    }

    private Uni<String> requestReevaluation(SqlConnection conn, String tenant, UUID generationId, UUID datasetId, String sourceKey,
            String outputKey, String reason, String actor) {
        String requestId = UUID.randomUUID().toString();
        return generations.reevaluationRequested(conn, generationId)
                .chain(() -> events.publish(conn, EventType.EVALUATION_REQUESTED, "generations/" + generationId, tenant, actor,
                        new Payloads.EvaluationRequested(requestId, generationId.toString(), datasetId.toString(), sourceKey,
                                outputKey, reason)))
                .replaceWith(requestId);
    }

    Uni<Void> refuseStaleRequests() {
        return generations.awaitingSince(Instant.now().minus(config.monitoring().datasetWait())).chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(r -> protocol.refuseUnknownDataset(r.getString("tenant"), r.getUUID("generation_id")))
                        .collect().last().replaceWithVoid());
    }

    /** Re-verifies every tenant's chain; a broken one raises a critical alert (once, until acknowledged). */
    @Scheduled(every = "${synthline.governance.audit.verify-interval:15m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> verifyChains() {
        return oncePerPeriod.run("governance-chain-verification", config.audit().verifyInterval(), this::verifyAllChains)
                .onFailure().invoke(e -> LOG.warnf("chain verification run failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Returns how many chains are broken. */
    public Uni<Integer> verifyAllChains() {
        return auditRepository.tenants().chain(tenants -> tenants.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(tenants).onItem().transformToUniAndConcatenate(tenant -> audit.verify(tenant).chain(v -> {
                    if (v.chain().valid()) {
                        return Uni.createFrom().item(0);
                    }
                    var b = v.chain().firstBreak();
                    LOG.errorf("audit chain of tenant %s is broken at entry %d: %s", tenant, b.chainIndex(), b.detail());
                    return alerts.raise(tenant, Alerts.AUDIT_CHAIN_BROKEN, "critical", "audit/" + tenant,
                            "the audit chain is broken at entry " + b.chainIndex() + " (" + b.problem() + "): " + b.detail()).replaceWith(1);
                })).collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum()));
    }
}
