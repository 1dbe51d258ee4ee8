package io.synthline.governance.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.config.GovernanceConfig;
import io.synthline.governance.engine.budget.BudgetAccount;
import io.synthline.governance.engine.budget.BudgetRules;
import io.synthline.governance.engine.budget.PrivacyAmount;
import io.synthline.governance.repository.BudgetRepository;
import io.synthline.governance.repository.BudgetRepository.Accounts;
import io.synthline.governance.repository.BudgetRepository.Reservation;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The privacy-budget ledger: idempotent reservations (the reservation id is the generation id),
 * commit and release, each atomic under the accounts' row locks, each announced through the outbox
 * in the same transaction. All methods run on the caller's transaction.
 */
@ApplicationScoped
public class BudgetLedger {
    public static final String RESERVED = "RESERVED";
    public static final String COMMITTED = "COMMITTED";
    public static final String RELEASED = "RELEASED";

    @Inject
    BudgetRepository repository;

    @Inject
    GovernanceEvents events;

    @Inject
    Alerts alerts;

    @Inject
    GovernanceConfig config;

    public sealed interface ReserveOutcome permits Reserved, Refused {
    }

    /** @param again true when the reservation already existed (a redelivery): nothing new was reserved */
    public record Reserved(Reservation reservation, BudgetAccount dataset, boolean again) implements ReserveOutcome {
    }

    public record Refused(List<String> violations, String reason) implements ReserveOutcome {
    }

    public Uni<ReserveOutcome> reserve(SqlConnection conn, String tenant, UUID datasetId, String reservationId, String generationId,
            PrivacyAmount amount, String actor) {
        return repository.lockAccounts(conn, tenant, datasetId, defaultEpsilonCap(), defaultDeltaCap())
                .chain(accounts -> repository.findReservation(conn, reservationId, true).chain(existing -> {
                    if (existing != null) {
                        if (!existing.datasetId().equals(datasetId) || !existing.tenant().equals(tenant)) {
                            return Uni.createFrom().failure(new BadInputException("reservation-conflict", 409,
                                    "reservation " + reservationId + " already exists for another dataset"));
                        }
                        return Uni.createFrom().item((ReserveOutcome) new Reserved(existing, accounts.dataset(), true));
                    }
                    BudgetRules.Decision d = BudgetRules.reserve(accounts.dataset(), accounts.tenant(), amount);
                    if (d instanceof BudgetRules.Refused r) {
                        return Uni.createFrom().item((ReserveOutcome) new Refused(r.violations(), r.reason()));
                    }
                    BudgetRules.Granted g = (BudgetRules.Granted) d;
                    Reservation res = new Reservation(reservationId, tenant, datasetId, generationId, amount, RESERVED, null,
                            Instant.now(), null);
                    return repository.insertReservation(conn, res)
                            .chain(() -> repository.save(conn, tenant, datasetId, new Accounts(g.tenant(), g.dataset())))
                            .chain(() -> events.publish(conn, EventType.BUDGET_RESERVED, "datasets/" + datasetId, tenant, actor,
                                    new Payloads.BudgetReserved(datasetId.toString(), reservationId, generationId,
                                            amount.epsilon().doubleValue(), amount.delta().doubleValue(),
                                            dbl(g.dataset().epsilonRemaining()), dbl(g.dataset().deltaRemaining()))))
                            .chain(() -> alertIfNearlySpent(conn, tenant, datasetId, g.dataset()))
                            .replaceWith((ReserveOutcome) new Reserved(res, g.dataset(), false));
                }));
    }

    /**
     * Charges a reservation: what the run reports, or the whole reservation when it reports nothing.
     * Unknown reservations (non-DP runs) and settled ones are left alone. Returns the reservation as settled, or null.
     */
    public Uni<Reservation> commit(SqlConnection conn, String reservationId, Payloads.PrivacySpent reported, String actor) {
        return settle(conn, reservationId, actor, (res, accounts) -> {
            PrivacyAmount charged = BudgetRules.charge(res.amount(),
                    reported == null ? null : PrivacyAmount.of(reported.epsilon(), reported.delta()));
            Accounts after = new Accounts(
                    accounts.tenant().withReserved(accounts.tenant().reserved().minus(res.amount()))
                            .withSpent(accounts.tenant().spent().plus(charged)),
                    accounts.dataset().withReserved(accounts.dataset().reserved().minus(res.amount()))
                            .withSpent(accounts.dataset().spent().plus(charged)));
            Uni<Void> overspent = BudgetRules.overspent(res.amount(), charged)
                    ? alerts.raise(conn, res.tenant(), Alerts.BUDGET_OVERSPENT, "critical", "datasets/" + res.datasetId(),
                            "generation " + res.generationId() + " spent epsilon " + charged.epsilon().toPlainString()
                                    + " but reserved only " + res.amount().epsilon().toPlainString()).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return repository.save(conn, res.tenant(), res.datasetId(), after)
                    .chain(() -> repository.settle(conn, reservationId, COMMITTED, charged, reported == null ? null : reported.rho(),
                            reported == null ? null : reported.mechanisms(), null))
                    .chain(() -> events.publish(conn, EventType.BUDGET_COMMITTED, "datasets/" + res.datasetId(), res.tenant(), actor,
                            new Payloads.BudgetCommitted(res.datasetId().toString(), reservationId, res.generationId(),
                                    charged.epsilon().doubleValue(), charged.delta().doubleValue(),
                                    reported == null ? null : reported.rho(), reported == null ? null : reported.mechanisms(),
                                    dbl(after.dataset().epsilonRemaining()), dbl(after.dataset().deltaRemaining()))))
                    .chain(() -> overspent)
                    .chain(() -> alertIfNearlySpent(conn, res.tenant(), res.datasetId(), after.dataset()));
        });
    }

    /** Returns a reservation to the budget. Committed reservations cannot be released (409). */
    public Uni<Reservation> release(SqlConnection conn, String reservationId, String reason, String actor) {
        return settle(conn, reservationId, actor, (res, accounts) -> {
            Accounts after = new Accounts(accounts.tenant().withReserved(accounts.tenant().reserved().minus(res.amount())),
                    accounts.dataset().withReserved(accounts.dataset().reserved().minus(res.amount())));
            return repository.save(conn, res.tenant(), res.datasetId(), after)
                    .chain(() -> repository.settle(conn, reservationId, RELEASED, null, null, null, reason))
                    .chain(() -> events.publish(conn, EventType.BUDGET_RELEASED, "datasets/" + res.datasetId(), res.tenant(), actor,
                            new Payloads.BudgetReleased(res.datasetId().toString(), reservationId, res.generationId(),
                                    res.amount().epsilon().doubleValue(), res.amount().delta().doubleValue(), reason)))
                    .replaceWithVoid();
        }, COMMITTED);
    }

    interface Settlement {
        Uni<Void> apply(Reservation reservation, Accounts lockedAccounts);
    }

    private Uni<Reservation> settle(SqlConnection conn, String reservationId, String actor, Settlement settlement,
            String... conflictingStatuses) {
        return repository.findReservation(conn, reservationId, false).chain(res -> {
            if (res == null) {
                return Uni.createFrom().nullItem();
            }
            return repository.lockAccounts(conn, res.tenant(), res.datasetId(), defaultEpsilonCap(), defaultDeltaCap())
                    .chain(accounts -> repository.findReservation(conn, reservationId, true).chain(locked -> {
                        if (List.of(conflictingStatuses).contains(locked.status())) {
                            return Uni.createFrom().failure(new BadInputException("reservation-settled", 409,
                                    "reservation " + reservationId + " is already " + locked.status()));
                        }
                        if (!RESERVED.equals(locked.status())) {
                            return Uni.createFrom().nullItem();
                        }
                        return settlement.apply(locked, accounts).replaceWith(locked);
                    }));
        });
    }

    private Uni<Void> alertIfNearlySpent(SqlConnection conn, String tenant, UUID datasetId, BudgetAccount dataset) {
        Double used = dataset.epsilonUsedFraction();
        if (used == null || used < config.budget().alertFraction()) {
            return Uni.createFrom().voidItem();
        }
        return alerts.raise(conn, tenant, Alerts.BUDGET_NEARLY_SPENT, used >= 1 ? "critical" : "warning", "datasets/" + datasetId,
                String.format(java.util.Locale.ROOT, "%.0f%% of the dataset's epsilon budget is spent or reserved (remaining %s)",
                        used * 100, dataset.epsilonRemaining().toPlainString())).replaceWithVoid();
    }

    // ------------------------------------------------------------------------------------ direct API (own transactions)

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    public Uni<io.synthline.commons.api.PrivacyBudgetView.Reservation> reserveNow(String tenant, UUID datasetId, String reservationId,
            PrivacyAmount amount, String actor) {
        return pool.withTransaction(conn -> reserve(conn, tenant, datasetId, reservationId, null, amount, actor)).map(outcome -> {
            if (outcome instanceof Refused r) {
                throw new BadInputException(r.violations().getFirst(), 409, r.reason());
            }
            return view(((Reserved) outcome).reservation());
        });
    }

    public Uni<io.synthline.commons.api.PrivacyBudgetView.Reservation> commitNow(String tenant, String reservationId,
            Payloads.PrivacySpent spent, String actor) {
        return pool.withTransaction(conn -> ownReservation(conn, tenant, reservationId)
                .chain(() -> commit(conn, reservationId, spent, actor))
                .chain(() -> repository.findReservation(conn, reservationId, false))).map(BudgetLedger::view);
    }

    public Uni<io.synthline.commons.api.PrivacyBudgetView.Reservation> releaseNow(String tenant, String reservationId, String reason,
            String actor) {
        return pool.withTransaction(conn -> ownReservation(conn, tenant, reservationId)
                .chain(() -> release(conn, reservationId, reason, actor))
                .chain(() -> repository.findReservation(conn, reservationId, false))).map(BudgetLedger::view);
    }

    private Uni<Reservation> ownReservation(SqlConnection conn, String tenant, String reservationId) {
        return repository.findReservation(conn, reservationId, false).invoke(r -> {
            if (r == null || !r.tenant().equals(tenant)) {
                throw new io.synthline.service.problem.NotFound("reservation", reservationId);
            }
        });
    }

    static io.synthline.commons.api.PrivacyBudgetView.Reservation view(Reservation r) {
        PrivacyAmount shown = r.charged() != null ? r.charged() : r.amount();
        return new io.synthline.commons.api.PrivacyBudgetView.Reservation(r.reservationId(), r.generationId(), r.status(),
                shown.epsilon().doubleValue(), shown.delta().doubleValue(), r.createdAt(), r.settledAt());
    }

    public BigDecimal defaultEpsilonCap() {
        return config.budget().defaultEpsilonCap();
    }

    public BigDecimal defaultDeltaCap() {
        return config.budget().defaultDeltaCap();
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}
