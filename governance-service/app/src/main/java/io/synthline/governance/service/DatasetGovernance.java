package io.synthline.governance.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AccessGrantView;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.BudgetCapRequest;
import io.synthline.commons.api.DatasetPolicyUpdate;
import io.synthline.commons.api.DatasetPolicyView;
import io.synthline.commons.api.GrantRequest;
import io.synthline.commons.api.PrivacyBudgetView;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.config.GovernanceConfig;
import io.synthline.governance.engine.policy.Classification;
import io.synthline.governance.repository.AccessRepository;
import io.synthline.governance.repository.BudgetRepository;
import io.synthline.governance.repository.DatasetRepository;
import io.synthline.service.problem.NotFound;
import io.synthline.service.scheduling.OncePerPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Datasets under governance: the projection of dataset.* events, their policy metadata (owner,
 * classification, purpose, legal basis, retention), budget caps, access grants, and the retention
 * sweep that asks for expired datasets to be deleted.
 */
@ApplicationScoped
public class DatasetGovernance {
    private static final Logger LOG = Logger.getLogger(DatasetGovernance.class);

    @Inject
    Pool pool;

    @Inject
    DatasetRepository datasets;

    @Inject
    BudgetRepository budgets;

    @Inject
    BudgetLedger ledger;

    @Inject
    AccessRepository access;

    @Inject
    GovernanceEvents events;

    @Inject
    Alerts alerts;

    @Inject
    GenerationGovernance generations;

    /** With several replicas, each sweep happens on one of them. */
    @Inject
    OncePerPeriod oncePerPeriod;

    @Inject
    UserDirectory users;

    @Inject
    GovernanceConfig config;

    // ------------------------------------------------------------------------------------ projection

    public Uni<Void> onEvent(SqlConnection conn, EventEnvelope event) {
        if (event.is(EventType.DATASET_REGISTERED)) {
            Payloads.DatasetRegistered d = event.dataAs(Payloads.DatasetRegistered.class);
            return datasets.registered(conn, event.tenant(), d, event.actor(), event.time(), config.defaultClassification())
                    .chain(() -> generations.onDatasetKnown(conn, event.tenant(), UUID.fromString(d.datasetId())));
        }
        if (event.is(EventType.DATASET_PROFILED)) {
            return datasets.profiled(conn, event.tenant(), event.dataAs(Payloads.DatasetProfiled.class), event.time());
        }
        if (event.is(EventType.DATASET_DELETED)) {
            return datasets.deleted(conn, event.tenant(), UUID.fromString(event.dataAs(Payloads.DatasetDeleted.class).datasetId()));
        }
        return Uni.createFrom().voidItem();
    }

    // ------------------------------------------------------------------------------------ policy

    public Uni<DatasetPolicyView> get(String tenant, String id) {
        UUID datasetId = NotFound.parseId("dataset", id);
        return datasets.find(tenant, datasetId).onItem().ifNull().failWith(() -> new NotFound("dataset", id));
    }

    public Uni<DatasetPolicyView> updatePolicy(String tenant, String id, DatasetPolicyUpdate u, String caller, boolean tenantAdmin) {
        if (u == null) {
            throw new BadInputException("missing-body", "a JSON body {owner, classification, purpose, legalBasis, retention, justification} is required");
        }
        UUID datasetId = NotFound.parseId("dataset", id);
        Classification newClass = u.classification() == null ? null : Classification.parse(u.classification());
        // only a tenant admin hands a dataset to another owner, who must be a data owner of the tenant (checked before locking)
        Uni<String> newOwner = get(tenant, id).chain(current -> {
            GenerationGovernance.requireOwner(current, caller, tenantAdmin);
            if (u.owner() == null || u.owner().strip().equals(current.owner())) {
                return Uni.createFrom().item(u.owner() == null ? null : current.owner());
            }
            if (!tenantAdmin) {
                throw new io.quarkus.security.ForbiddenException("only a tenant admin changes a dataset's owner");
            }
            return users.requireMember(tenant, u.owner(), "owner", UserDirectory.OWNER_ROLES);
        });
        return newOwner.chain(owner -> pool.withTransaction(conn -> datasets.find(conn, tenant, datasetId, true).chain(d -> {
            if (d == null) {
                return Uni.createFrom().failure(new NotFound("dataset", id));
            }
            GenerationGovernance.requireOwner(d, caller, tenantAdmin);
            Classification old = Classification.orRestricted(d.classification());
            if (newClass != null && newClass.ordinal() < old.ordinal()
                    && (u.justification() == null || u.justification().strip().length() < 10)) {
                throw new BadInputException("justification-required", "lowering the classification from " + old.wireName() + " to "
                        + newClass.wireName() + " needs a written justification of at least 10 characters");
            }
            String retention = u.retention() == null ? d.retention() : u.retention().equalsIgnoreCase("none") ? null : u.retention().strip();
            Instant retainUntil = retention == null ? null : d.registeredAt().plus(parseRetention(retention));
            DatasetPolicyView updated = new DatasetPolicyView(d.id(), d.name(), owner == null ? d.owner() : owner,
                    newClass == null ? d.classification() : newClass.wireName(), u.purpose() == null ? d.purpose() : u.purpose(),
                    u.legalBasis() == null ? d.legalBasis() : u.legalBasis(), retention, retainUntil, d.status(), d.sha256(),
                    d.sizeBytes(), d.rowCount(), d.columnCount(), d.registeredAt(), d.profiledAt(), d.deletedAt());
            return datasets.updatePolicy(conn, updated)
                    .chain(() -> events.publish(conn, EventType.DATASET_POLICY_UPDATED, "datasets/" + datasetId, tenant, caller,
                            new Payloads.DatasetPolicyUpdated(d.id(), updated.owner(), updated.classification(), updated.purpose(),
                                    updated.legalBasis(), updated.retention(), updated.retainUntil(), u.justification())))
                    .replaceWith(updated);
        })));
    }

    /** ISO-8601: a period (P90D, P1Y) or a duration (PT12H, PT30S). */
    static java.time.temporal.TemporalAmount parseRetention(String text) {
        try {
            if (text.toUpperCase(java.util.Locale.ROOT).startsWith("PT")) {
                Duration d = Duration.parse(text);
                if (d.isNegative() || d.isZero()) {
                    throw new DateTimeParseException("not positive", text, 0);
                }
                return d;
            }
            Period p = Period.parse(text);
            if (p.isNegative() || p.isZero()) {
                throw new DateTimeParseException("not positive", text, 0);
            }
            // Instant cannot add months or years: count them as days from the registration on (conservatively short)
            return Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays());
        } catch (DateTimeParseException e) {
            throw new BadInputException("invalid-retention", "retention must be a positive ISO-8601 period or duration such as P365D or "
                    + "PT12H (or \"none\"), got '" + text + "'");
        }
    }

    // ------------------------------------------------------------------------------------ budget

    public Uni<PrivacyBudgetView> budget(String tenant, String id) {
        return get(tenant, id).chain(d -> pool.withConnection(conn -> budgets.view(conn, tenant, UUID.fromString(d.id()),
                ledger.defaultEpsilonCap(), ledger.defaultDeltaCap())));
    }

    public Uni<PrivacyBudgetView> setDatasetCap(String tenant, String id, BudgetCapRequest cap, String caller, boolean tenantAdmin) {
        validCap(cap);
        return get(tenant, id).chain(d -> {
            GenerationGovernance.requireOwner(d, caller, tenantAdmin);
            UUID datasetId = UUID.fromString(d.id());
            return pool.withTransaction(conn -> budgets.setDatasetCap(conn, tenant, datasetId, decimal(cap.epsilonCap()),
                            decimal(cap.deltaCap()))
                    .chain(() -> events.publish(conn, EventType.BUDGET_CAP_CHANGED, "datasets/" + datasetId, tenant, caller,
                            new Payloads.BudgetCapChanged("dataset", d.id(), cap.epsilonCap(), cap.deltaCap(), cap.justification()))))
                    .chain(() -> budget(tenant, id));
        });
    }

    public Uni<Void> setTenantCap(String tenant, BudgetCapRequest cap, String caller) {
        validCap(cap);
        return pool.withTransaction(conn -> budgets.setTenantCap(conn, tenant, decimal(cap.epsilonCap()), decimal(cap.deltaCap()))
                .chain(() -> events.publish(conn, EventType.BUDGET_CAP_CHANGED, "tenants/" + tenant, tenant, caller,
                        new Payloads.BudgetCapChanged("tenant", null, cap.epsilonCap(), cap.deltaCap(), cap.justification())))
                .replaceWithVoid());
    }

    private static void validCap(BudgetCapRequest cap) {
        if (cap == null) {
            throw new BadInputException("missing-body", "a JSON body {epsilonCap, deltaCap, justification} is required");
        }
        if (cap.epsilonCap() != null && (cap.epsilonCap() < 0 || cap.epsilonCap().isInfinite() || cap.epsilonCap().isNaN())) {
            throw new BadInputException("invalid-cap", "epsilonCap must be a non-negative number (null = no cap)");
        }
        if (cap.deltaCap() != null && (cap.deltaCap() < 0 || cap.deltaCap() >= 1 || cap.deltaCap().isNaN())) {
            throw new BadInputException("invalid-cap", "deltaCap must be in [0, 1) (null = no cap)");
        }
        GenerationGovernance.requireJustification(cap.justification());
    }

    private static BigDecimal decimal(Double v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }

    // ------------------------------------------------------------------------------------ access

    public Uni<AccessGrantView> grant(String tenant, String id, GrantRequest g, String caller, boolean tenantAdmin) {
        if (g == null || g.grantee() == null || g.grantee().isBlank() || g.purpose() == null || g.purpose().isBlank()) {
            throw new BadInputException("invalid-grant", "grantee and purpose are required");
        }
        if (g.expiresAt() != null && !g.expiresAt().isAfter(Instant.now())) {
            throw new BadInputException("invalid-grant", "expiresAt must lie in the future");
        }
        return get(tenant, id).chain(d -> {
            GenerationGovernance.requireOwner(d, caller, tenantAdmin);
            return users.requireMember(tenant, g.grantee(), "grantee", UserDirectory.GRANTEE_ROLES).map(grantee -> d);
        }).chain(d -> {
            UUID datasetId = UUID.fromString(d.id());
            return pool.withTransaction(conn -> access.grant(conn, tenant, datasetId, g.grantee().strip(), g.purpose(), g.expiresAt(), caller)
                    .call(grant -> events.publish(conn, EventType.ACCESS_GRANTED, "datasets/" + datasetId, tenant, caller,
                            new Payloads.AccessGranted(d.id(), grant.grantee(), grant.purpose(), grant.expiresAt()))));
        });
    }

    public Uni<Integer> revoke(String tenant, String id, String grantee, String reason, String caller, boolean tenantAdmin) {
        return get(tenant, id).chain(d -> {
            GenerationGovernance.requireOwner(d, caller, tenantAdmin);
            UUID datasetId = UUID.fromString(d.id());
            return pool.withTransaction(conn -> access.revoke(conn, tenant, datasetId, grantee, caller)
                    .call(n -> n == 0 ? Uni.createFrom().voidItem()
                            : events.publish(conn, EventType.ACCESS_REVOKED, "datasets/" + datasetId, tenant, caller,
                                    new Payloads.AccessRevoked(d.id(), grantee, reason))));
        });
    }

    // ------------------------------------------------------------------------------------ retention

    /** The owner asks for the dataset to be deleted now (same path as an expired retention). */
    public Uni<Void> requestDeletion(String tenant, String id, String caller, boolean tenantAdmin, String reason) {
        GenerationGovernance.requireJustification(reason);
        return get(tenant, id).chain(d -> {
            GenerationGovernance.requireOwner(d, caller, tenantAdmin);
            if (!DatasetRepository.ACTIVE.equals(d.status())) {
                return Uni.createFrom().failure(new BadInputException("not-active", 409, "dataset " + id + " is " + d.status()));
            }
            return pool.withTransaction(conn -> requestDeletion(conn, tenant, UUID.fromString(d.id()), d.retainUntil(), "owner-request",
                    caller, reason));
        });
    }

    private Uni<Void> requestDeletion(SqlConnection conn, String tenant, UUID datasetId, Instant retainUntil, String reason, String by,
            String justification) {
        return datasets.status(conn, datasetId, DatasetRepository.DELETION_REQUESTED)
                .chain(() -> events.publish(conn, EventType.DATASET_DELETION_REQUESTED, "datasets/" + datasetId, tenant, by,
                        new Payloads.DatasetDeletionRequested(datasetId.toString(), reason, retainUntil, by == null ? "governance" : by,
                                justification)))
                .replaceWithVoid();
    }

    /** Asks for every dataset whose retention ended to be deleted; the audit trail records each request. */
    @Scheduled(every = "${synthline.governance.retention.sweep-interval:5m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retentionSweep() {
        return oncePerPeriod.run("governance-retention-sweep", config.retention().sweepInterval(), this::sweepExpired)
                .onFailure().invoke(e -> LOG.warnf("retention sweep failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> sweepExpired() {
        return datasets.expired(Instant.now(), 100).chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(r -> pool.withTransaction(conn -> {
                    UUID datasetId = r.getUUID("dataset_id");
                    String tenant = r.getString("tenant");
                    Instant until = r.getOffsetDateTime("retain_until").toInstant();
                    LOG.infof("retention of dataset %s (tenant %s) ended at %s: requesting its deletion", datasetId, tenant, until);
                    return requestDeletion(conn, tenant, datasetId, until, "retention-expired", null, null)
                            .chain(() -> alerts.raise(conn, tenant, Alerts.RETENTION_DELETION, "info", "datasets/" + datasetId,
                                    "retention ended at " + until + ": deletion of the dataset requested"));
                })).collect().asList().map(java.util.List::size));
    }
}
