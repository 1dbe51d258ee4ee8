package io.synthline.governance.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.repository.AuditRepository;
import io.synthline.governance.repository.GenerationRepository;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Continuous monitoring: released outputs are re-evaluated on a schedule with the evaluator's
 * current metric and attack suite (evaluation.requested; a failing answer quarantines the release,
 * see GenerationGovernance), every chain is re-verified (a broken chain raises a critical alert),
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
    AuditRepository auditRepository;

    @Inject
    AuditService audit;

    @Inject
    Alerts alerts;

    @Inject
    GovernanceEvents events;

    @ConfigProperty(name = "synthline.governance.monitoring.reevaluate-after", defaultValue = "7d")
    Duration reevaluateAfter;

    @ConfigProperty(name = "synthline.governance.monitoring.dataset-wait", defaultValue = "10m")
    Duration datasetWait;

    @Scheduled(every = "${synthline.governance.monitoring.interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return requestReevaluations().replaceWithVoid()
                .chain(this::refuseStaleRequests)
                .onFailure().invoke(e -> LOG.warnf("monitoring run failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Asks for the re-evaluation of released outputs evaluated longer ago than the interval; returns how many. */
    public Uni<Integer> requestReevaluations() {
        return generations.dueForReevaluation(Instant.now().minus(reevaluateAfter), 50).chain(rows -> rows.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(r -> pool.withTransaction(conn -> {
                    UUID id = r.getUUID("generation_id");
                    String requestId = UUID.randomUUID().toString();
                    return generations.reevaluationRequested(conn, id)
                            .chain(() -> events.publish(conn, EventType.EVALUATION_REQUESTED, "generations/" + id, r.getString("tenant"),
                                    null, new Payloads.EvaluationRequested(requestId, id.toString(), r.getUUID("dataset_id").toString(),
                                            r.getString("source_key"), r.getString("output_key"), "scheduled-reevaluation")));
                })).collect().asList().map(java.util.List::size));
    }

    Uni<Void> refuseStaleRequests() {
        return generations.awaitingSince(Instant.now().minus(datasetWait)).chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(r -> protocol.refuseUnknownDataset(r.getString("tenant"), r.getUUID("generation_id")))
                        .collect().last().replaceWithVoid());
    }

    /** Re-verifies every tenant's chain; a broken one raises a critical alert (once, until acknowledged). */
    @Scheduled(every = "${synthline.governance.audit.verify-interval:15m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> verifyChains() {
        return verifyAllChains().onFailure().invoke(e -> LOG.warnf("chain verification run failed, will retry: %s", e.getMessage()))
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
