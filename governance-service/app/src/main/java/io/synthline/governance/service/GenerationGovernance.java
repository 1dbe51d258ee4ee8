package io.synthline.governance.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DatasetPolicyView;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.config.PolicyConfig;
import io.synthline.governance.engine.budget.PrivacyAmount;
import io.synthline.governance.engine.policy.Classification;
import io.synthline.governance.engine.policy.ClassificationPolicy;
import io.synthline.governance.engine.policy.GenerationPolicy;
import io.synthline.governance.engine.release.ReleaseGate;
import io.synthline.governance.repository.AccessRepository;
import io.synthline.governance.repository.DatasetRepository;
import io.synthline.governance.repository.GenerationRepository;
import io.synthline.governance.repository.GenerationRepository.Generation;
import io.synthline.service.problem.NotFound;
import io.synthline.service.security.Roles;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Governance's half of the generation protocol (docs/governance-protocol.md): decides requests
 * against the dataset's policy and budget, takes the data owner's decision on pending ones, settles
 * budget reservations when runs end, and gates releases on evaluations. Every decision and its
 * event are written in one transaction (outbox).
 */
@ApplicationScoped
public class GenerationGovernance {
    static final String POLICY = "policy";
    private static final Logger LOG = Logger.getLogger(GenerationGovernance.class);

    @Inject
    Pool pool;

    @Inject
    GenerationRepository generations;

    @Inject
    DatasetRepository datasets;

    @Inject
    AccessRepository access;

    @Inject
    BudgetLedger ledger;

    @Inject
    PolicyConfig policies;

    @Inject
    GovernanceEvents events;

    @Inject
    Alerts alerts;

    // ------------------------------------------------------------------------------------ requests

    public Uni<Void> onRequested(SqlConnection conn, EventEnvelope event) {
        Payloads.GenerationRequested r = event.dataAs(Payloads.GenerationRequested.class);
        UUID id = UUID.fromString(r.generationId());
        return generations.requested(conn, event.tenant(), r, event.actor(), event.time())
                .chain(isNew -> isNew ? decide(conn, event.tenant(), id) : Uni.createFrom().voidItem());
    }

    /** A dataset became known: decide the requests that waited for it. */
    public Uni<Void> onDatasetKnown(SqlConnection conn, String tenant, UUID datasetId) {
        return generations.awaitingDataset(conn, datasetId).chain(ids -> ids.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> decide(conn, tenant, id))
                        .collect().last().replaceWithVoid());
    }

    /** Applies the policy to a request that is awaiting its dataset; leaves it waiting when the dataset is still unknown. */
    Uni<Void> decide(SqlConnection conn, String tenant, UUID id) {
        return generations.find(conn, tenant, id, true).chain(g -> {
            if (g == null || !GenerationRepository.AWAITING_DATASET.equals(g.status())) {
                return Uni.createFrom().voidItem();
            }
            return datasets.find(conn, tenant, g.datasetId(), false).chain(d -> {
                if (d == null) {
                    LOG.debugf("generation %s waits for dataset %s to become known", id, g.datasetId());
                    return Uni.createFrom().voidItem();
                }
                if (g.epsilon() != null) {
                    try {
                        PrivacyAmount.requested(g.epsilon(), g.delta());
                    } catch (BadInputException invalid) {
                        return refuse(conn, g, d, List.of("invalid-privacy-parameters"), invalid.getMessage(), POLICY);
                    }
                }
                return access.hasActiveGrant(conn, g.datasetId(), g.requestedBy()).chain(granted -> {
                    Classification cls = Classification.orRestricted(d.classification());
                    GenerationPolicy.Decision decision = GenerationPolicy.decide(new GenerationPolicy.Request(cls, g.requestedBy(),
                            d.owner(), g.epsilon(), g.delta(), g.piiReplaced(), granted,
                            !DatasetRepository.ACTIVE.equals(d.status()), d.retainUntil(), Instant.now()), policies.of(cls));
                    return switch (decision) {
                        case GenerationPolicy.Refuse refuse -> refuse(conn, g, d, refuse.violations(), refuse.reason(), POLICY);
                        case GenerationPolicy.AwaitOwner wait -> awaitOwner(conn, g, d, wait.reason());
                        case GenerationPolicy.Approve approve -> approve(conn, g, d, approve.reason(), POLICY, null);
                    };
                });
            });
        });
    }

    private Uni<Void> awaitOwner(SqlConnection conn, Generation g, DatasetPolicyView d, String reason) {
        return generations.decided(conn, g.id(), GenerationRepository.PENDING_APPROVAL, reason, null, null)
                .chain(() -> events.publish(conn, EventType.GENERATION_APPROVAL_PENDING, "generations/" + g.id(), g.tenant(),
                        g.requestedBy(), new Payloads.GenerationApprovalPending(g.id().toString(), g.datasetId().toString(),
                                d.classification(), reason, Roles.DATA_OWNER, d.owner())))
                .replaceWithVoid();
    }

    /** Approves, reserving the budget first for DP requests (a request the budget cannot cover is refused instead). */
    private Uni<Void> approve(SqlConnection conn, Generation g, DatasetPolicyView d, String reason, String by, String justification) {
        String actor = POLICY.equals(by) ? null : by;
        if (g.epsilon() == null) {
            return approved(conn, g, d, reason, by, actor, null, justification);
        }
        PrivacyAmount amount = PrivacyAmount.requested(g.epsilon(), g.delta());
        return ledger.reserve(conn, g.tenant(), g.datasetId(), g.id().toString(), g.id().toString(), amount,
                        actor != null ? actor : g.requestedBy())
                .chain(outcome -> switch (outcome) {
                    case BudgetLedger.Refused r -> refuse(conn, g, d, r.violations(), r.reason(), POLICY);
                    case BudgetLedger.Reserved r -> approved(conn, g, d, reason, by, actor,
                            new Payloads.BudgetReservation(r.reservation().reservationId(), g.datasetId().toString(),
                                    r.reservation().amount().epsilon().doubleValue(), r.reservation().amount().delta().doubleValue()),
                            justification);
                });
    }

    private Uni<Void> approved(SqlConnection conn, Generation g, DatasetPolicyView d, String reason, String by, String actor,
            Payloads.BudgetReservation reservation, String justification) {
        return generations.decided(conn, g.id(), GenerationRepository.APPROVED, reason, null, by)
                .chain(() -> events.publish(conn, EventType.GENERATION_APPROVED, "generations/" + g.id(), g.tenant(), actor,
                        new Payloads.GenerationApproved(g.id().toString(), g.datasetId().toString(), d.classification(), by,
                                reservation, justification)))
                .replaceWithVoid();
    }

    private Uni<Void> refuse(SqlConnection conn, Generation g, DatasetPolicyView d, List<String> violations, String reason, String by) {
        return generations.decided(conn, g.id(), GenerationRepository.REFUSED, reason, violations, by)
                .chain(() -> events.publish(conn, EventType.GENERATION_REFUSED, "generations/" + g.id(), g.tenant(),
                        POLICY.equals(by) ? null : by, new Payloads.GenerationRefused(g.id().toString(), g.datasetId().toString(),
                                d == null ? null : d.classification(), reason, violations, by)))
                .replaceWithVoid();
    }

    /** Requests whose dataset never became known are refused after the deadline (scheduled by the monitor). */
    public Uni<Void> refuseUnknownDataset(String tenant, UUID id) {
        return pool.withTransaction(conn -> generations.find(conn, tenant, id, true).chain(g ->
                g == null || !GenerationRepository.AWAITING_DATASET.equals(g.status()) ? Uni.createFrom().voidItem()
                        : refuse(conn, g, null, List.of("dataset-unknown"), "dataset " + g.datasetId()
                                + " is unknown to governance (no dataset.registered event arrived)", POLICY)));
    }

    // ------------------------------------------------------------------------------------ owner decisions

    /** The data owner (or a tenant admin) approves a pending request. */
    public Uni<Void> ownerApproves(String tenant, UUID id, String caller, boolean tenantAdmin, String justification) {
        return ownerDecision(tenant, id, caller, tenantAdmin, justification, (conn, g, d) ->
                approve(conn, g, d, "approved by the data owner " + caller + ": " + justification, caller, justification));
    }

    public Uni<Void> ownerRefuses(String tenant, UUID id, String caller, boolean tenantAdmin, String justification) {
        return ownerDecision(tenant, id, caller, tenantAdmin, justification, (conn, g, d) ->
                refuse(conn, g, d, List.of("refused-by-owner"), "refused by the data owner " + caller + ": " + justification, caller));
    }

    interface OwnerAction {
        Uni<Void> apply(SqlConnection conn, Generation g, DatasetPolicyView d);
    }

    private Uni<Void> ownerDecision(String tenant, UUID id, String caller, boolean tenantAdmin, String justification, OwnerAction action) {
        requireJustification(justification);
        return pool.withTransaction(conn -> generations.find(conn, tenant, id, true).chain(g -> {
            if (g == null) {
                return Uni.createFrom().failure(new NotFound("generation", id.toString()));
            }
            return datasets.find(conn, tenant, g.datasetId(), false).chain(d -> {
                requireOwner(d, caller, tenantAdmin);
                if (!GenerationRepository.PENDING_APPROVAL.equals(g.status())) {
                    return Uni.createFrom().failure(new BadInputException("not-pending", 409,
                            "generation " + id + " is " + g.status() + ", not waiting for approval"));
                }
                return action.apply(conn, g, d);
            });
        }));
    }

    // ------------------------------------------------------------------------------------ outcomes

    public Uni<Void> onCompleted(SqlConnection conn, EventEnvelope event) {
        Payloads.GenerationCompleted c = event.dataAs(Payloads.GenerationCompleted.class);
        UUID id = UUID.fromString(c.generationId());
        return generations.find(conn, event.tenant(), id, true).chain(g -> {
            Uni<Void> record = g == null ? Uni.createFrom().voidItem() : generations.completed(conn, id, c, event.time());
            // the reservation (if any) is charged what the run reports; the full reservation when it reports nothing
            return record.chain(() -> ledger.commit(conn, c.generationId(), c.privacySpent(), event.actor())).replaceWithVoid();
        });
    }

    public Uni<Void> onFailed(SqlConnection conn, EventEnvelope event) {
        Payloads.GenerationFailed f = event.dataAs(Payloads.GenerationFailed.class);
        UUID id = UUID.fromString(f.generationId());
        return generations.find(conn, event.tenant(), id, true).chain(g -> {
            Uni<Void> record = g == null ? Uni.createFrom().voidItem() : generations.failed(conn, id, f.reason(), event.time());
            Uni<?> settle = Boolean.FALSE.equals(f.dataTouched())
                    ? ledger.release(conn, f.generationId(), "failed-before-touching-data", event.actor())
                    // data may have been read: the privacy cost may have been incurred, so it is charged
                    : ledger.commit(conn, f.generationId(), null, event.actor());
            return record.chain(() -> settle).replaceWithVoid();
        });
    }

    // ------------------------------------------------------------------------------------ release gate

    /** The evaluator took the first evaluation of a completed output up: its release now waits for a running evaluator. */
    public Uni<Void> onEvaluationQueued(SqlConnection conn, EventEnvelope event) {
        Payloads.EvaluationQueued q = event.dataAs(Payloads.EvaluationQueued.class);
        return q.requestId() != null ? Uni.createFrom().voidItem()
                : generations.evaluationQueued(conn, UUID.fromString(q.generationId()), event.time());
    }

    public Uni<Void> onEvaluationCompleted(SqlConnection conn, EventEnvelope event) {
        Payloads.EvaluationCompleted e = event.dataAs(Payloads.EvaluationCompleted.class);
        UUID id = UUID.fromString(e.generationId());
        return generations.evaluation(conn, event.tenant(), e, event.time())
                .chain(() -> generations.find(conn, event.tenant(), id, true))
                .chain(g -> g == null ? Uni.createFrom().voidItem() : datasets.find(conn, event.tenant(), g.datasetId(), false)
                        .chain(d -> gate(conn, g, d, e)));
    }

    private Uni<Void> gate(SqlConnection conn, Generation g, DatasetPolicyView d, Payloads.EvaluationCompleted e) {
        Classification cls = Classification.orRestricted(d == null ? null : d.classification());
        ClassificationPolicy policy = policies.of(cls);
        ReleaseGate.Result result = ReleaseGate.evaluate(e.scores(), e.notMeasured(), policy.release());
        boolean reevaluation = e.requestId() != null;
        boolean released = GenerationRepository.RELEASE_APPROVED.equals(g.releaseStatus())
                || GenerationRepository.RELEASE_OVERRIDDEN.equals(g.releaseStatus());
        if (result.passed()) {
            if (released) {
                // a passing re-evaluation keeps the release; only the evaluation is recorded
                return generations.release(conn, g.id(), g.releaseStatus(), "re-evaluation passed: " + result.reason(),
                        result.checks(), e.evaluationId(), POLICY);
            }
            return generations.release(conn, g.id(), GenerationRepository.RELEASE_APPROVED, result.reason(), result.checks(),
                            e.evaluationId(), POLICY)
                    .chain(() -> events.publish(conn, EventType.RELEASE_APPROVED, "generations/" + g.id(), g.tenant(), null,
                            new Payloads.ReleaseApproved(g.id().toString(), g.datasetId().toString(), e.evaluationId(),
                                    cls.wireName(), result.checks())))
                    .replaceWithVoid();
        }
        String reason = (reevaluation ? "re-evaluation failed the release gate: " : "") + result.reason();
        return generations.release(conn, g.id(), GenerationRepository.RELEASE_QUARANTINED, reason, result.checks(), e.evaluationId(),
                        POLICY)
                .chain(() -> events.publish(conn, EventType.RELEASE_QUARANTINED, "generations/" + g.id(), g.tenant(), null,
                        new Payloads.ReleaseQuarantined(g.id().toString(), g.datasetId().toString(), e.evaluationId(),
                                cls.wireName(), result.checks(), reason)))
                .chain(() -> alerts.raise(conn, g.tenant(), reevaluation ? Alerts.REEVALUATION_FAILED : Alerts.RELEASE_GATE_FAILED,
                        reevaluation ? "critical" : "warning", "generations/" + g.id(),
                        (released ? "released output quarantined: " : "output quarantined: ") + reason))
                .replaceWithVoid();
    }

    public Uni<Void> onEvaluationFailed(SqlConnection conn, EventEnvelope event) {
        Payloads.EvaluationFailed e = event.dataAs(Payloads.EvaluationFailed.class);
        UUID id = UUID.fromString(e.generationId());
        // read from the data so that both shapes of the payload (with and without requestId) are understood
        String requestId = event.data().hasNonNull("requestId") ? event.data().get("requestId").asText() : null;
        return generations.evaluationFailed(conn, event.tenant(), e, requestId, event.time())
                .chain(() -> generations.find(conn, event.tenant(), id, true))
                .chain(g -> {
                    if (g == null || GenerationRepository.RELEASE_OVERRIDDEN.equals(g.releaseStatus())) {
                        return Uni.createFrom().voidItem();
                    }
                    if (requestId != null && GenerationRepository.RELEASE_APPROVED.equals(g.releaseStatus())) {
                        // nothing was learned about the output: it stands on its last passing evaluation, people are told
                        return alerts.raise(conn, g.tenant(), Alerts.REEVALUATION_ERROR, "warning", "generations/" + id,
                                "the re-evaluation could not run (" + e.reason() + "); the release stands on its last passing evaluation")
                                .replaceWithVoid();
                    }
                    String reason = "the evaluation failed, so the release thresholds cannot be checked: " + e.reason();
                    return generations.release(conn, id, GenerationRepository.RELEASE_QUARANTINED, reason, null, e.evaluationId(), POLICY)
                            .chain(() -> events.publish(conn, EventType.RELEASE_QUARANTINED, "generations/" + id, g.tenant(), null,
                                    new Payloads.ReleaseQuarantined(id.toString(), g.datasetId().toString(), e.evaluationId(), null,
                                            List.of(), reason)))
                            .chain(() -> alerts.raise(conn, g.tenant(), Alerts.RELEASE_GATE_FAILED, "warning", "generations/" + id, reason))
                            .replaceWithVoid();
                });
    }

    /** A data owner releases a quarantined output, with a written justification. */
    public Uni<Void> override(String tenant, UUID id, String caller, boolean tenantAdmin, String justification) {
        requireJustification(justification);
        return pool.withTransaction(conn -> generations.find(conn, tenant, id, true).chain(g -> {
            if (g == null) {
                return Uni.createFrom().failure(new NotFound("generation", id.toString()));
            }
            return datasets.find(conn, tenant, g.datasetId(), false).chain(d -> {
                requireOwner(d, caller, tenantAdmin);
                if (!GenerationRepository.RELEASE_QUARANTINED.equals(g.releaseStatus())) {
                    return Uni.createFrom().failure(new BadInputException("not-quarantined", 409,
                            "generation " + id + " is not quarantined (release status " + g.releaseStatus() + ")"));
                }
                return generations.release(conn, id, GenerationRepository.RELEASE_OVERRIDDEN, "overridden by " + caller + ": "
                                + justification, null, null, caller)
                        .chain(() -> events.publish(conn, EventType.RELEASE_OVERRIDDEN, "generations/" + id, tenant, caller,
                                new Payloads.ReleaseOverridden(id.toString(), g.datasetId().toString(), g.evaluationId(), caller,
                                        justification)))
                        .replaceWithVoid();
            });
        }));
    }

    static void requireJustification(String justification) {
        if (justification == null || justification.strip().length() < 10) {
            throw new BadInputException("justification-required", "a written justification of at least 10 characters is required");
        }
    }

    /** Only the dataset's owner (holding the data-owner role) or a tenant admin decides for a dataset. */
    static void requireOwner(DatasetPolicyView d, String caller, boolean tenantAdmin) {
        if (tenantAdmin) {
            return;
        }
        if (d != null && d.owner() == null) {
            throw new io.quarkus.security.ForbiddenException("this dataset has no owner yet (it was uploaded by someone who is not a "
                    + "data owner): only a tenant admin may decide this, or name an owner with PUT .../policy");
        }
        if (d == null || !caller.equals(d.owner())) {
            throw new io.quarkus.security.ForbiddenException("only the dataset's owner" + (d == null ? "" : " (" + d.owner() + ")")
                    + " or a tenant admin may decide this");
        }
    }
}
