package io.synthline.governance.repository;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.PrivacyBudgetView;
import io.synthline.governance.engine.budget.BudgetAccount;
import io.synthline.governance.engine.budget.PrivacyAmount;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Ledger storage. Every method runs on the caller's connection and transaction; {@link #lockAccounts}
 * takes the row locks (tenant first, then dataset: one order everywhere, so no deadlocks) under which
 * a check and its update are atomic.
 */
@ApplicationScoped
public class BudgetRepository {

    public record Accounts(BudgetAccount tenant, BudgetAccount dataset) {
    }

    /** A reservation row. */
    public record Reservation(String reservationId, String tenant, UUID datasetId, String generationId, PrivacyAmount amount,
            String status, PrivacyAmount charged, Instant createdAt, Instant settledAt) {
    }

    /**
     * Creates missing accounts (datasets start with the default caps) and locks both.
     */
    public Uni<Accounts> lockAccounts(SqlConnection conn, String tenant, UUID datasetId, BigDecimal defaultEpsilonCap,
            BigDecimal defaultDeltaCap) {
        return conn.preparedQuery("INSERT INTO tenant_budget (tenant) VALUES ($1) ON CONFLICT DO NOTHING").execute(Tuple.of(tenant))
                .chain(() -> conn.preparedQuery("INSERT INTO dataset_budget (dataset_id, tenant, epsilon_cap, delta_cap) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(datasetId, tenant, defaultEpsilonCap, defaultDeltaCap)))
                .chain(() -> conn.preparedQuery("SELECT * FROM tenant_budget WHERE tenant = $1 FOR UPDATE").execute(Tuple.of(tenant)))
                .chain(t -> conn.preparedQuery("SELECT * FROM dataset_budget WHERE dataset_id = $1 FOR UPDATE")
                        .execute(Tuple.of(datasetId))
                        .map(d -> new Accounts(account(t.iterator().next()), account(d.iterator().next()))));
    }

    public Uni<Void> save(SqlConnection conn, String tenant, UUID datasetId, Accounts a) {
        return conn.preparedQuery("UPDATE tenant_budget SET epsilon_spent = $2, delta_spent = $3, epsilon_reserved = $4, "
                        + "delta_reserved = $5, updated_at = now() WHERE tenant = $1")
                .execute(Tuple.of(tenant, a.tenant().spent().epsilon(), a.tenant().spent().delta(),
                        a.tenant().reserved().epsilon(), a.tenant().reserved().delta()))
                .chain(() -> conn.preparedQuery("UPDATE dataset_budget SET epsilon_spent = $2, delta_spent = $3, epsilon_reserved = $4, "
                                + "delta_reserved = $5, updated_at = now() WHERE dataset_id = $1")
                        .execute(Tuple.of(datasetId, a.dataset().spent().epsilon(), a.dataset().spent().delta(),
                                a.dataset().reserved().epsilon(), a.dataset().reserved().delta())))
                .replaceWithVoid();
    }

    public Uni<Reservation> findReservation(SqlConnection conn, String reservationId, boolean forUpdate) {
        return conn.preparedQuery("SELECT * FROM budget_reservation WHERE reservation_id = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(reservationId))
                .map(rows -> rows.size() == 0 ? null : reservation(rows.iterator().next()));
    }

    public Uni<Void> insertReservation(SqlConnection conn, Reservation r) {
        return conn.preparedQuery("INSERT INTO budget_reservation (reservation_id, tenant, dataset_id, generation_id, epsilon, delta, "
                        + "status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(r.reservationId(), r.tenant(), r.datasetId(), r.generationId(),
                        r.amount().epsilon(), r.amount().delta(), r.status(), utc(r.createdAt()))))
                .replaceWithVoid();
    }

    public Uni<Void> settle(SqlConnection conn, String reservationId, String status, PrivacyAmount charged, Double rho,
            List<String> mechanisms, String reason) {
        return conn.preparedQuery("UPDATE budget_reservation SET status = $2, epsilon_charged = $3, delta_charged = $4, rho = $5, "
                        + "mechanisms = $6, reason = $7, settled_at = now() WHERE reservation_id = $1")
                .execute(Tuple.from(Arrays.asList(reservationId, status, charged == null ? null : charged.epsilon(),
                        charged == null ? null : charged.delta(), rho, mechanisms == null ? null : String.join(",", mechanisms), reason)))
                .replaceWithVoid();
    }

    public Uni<Void> setDatasetCap(SqlConnection conn, String tenant, UUID datasetId, BigDecimal epsilonCap, BigDecimal deltaCap) {
        return conn.preparedQuery("INSERT INTO dataset_budget (dataset_id, tenant, epsilon_cap, delta_cap) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (dataset_id) DO UPDATE SET epsilon_cap = EXCLUDED.epsilon_cap, delta_cap = EXCLUDED.delta_cap, "
                        + "updated_at = now()")
                .execute(Tuple.of(datasetId, tenant, epsilonCap, deltaCap)).replaceWithVoid();
    }

    public Uni<Void> setTenantCap(SqlConnection conn, String tenant, BigDecimal epsilonCap, BigDecimal deltaCap) {
        return conn.preparedQuery("INSERT INTO tenant_budget (tenant, epsilon_cap, delta_cap) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant) DO UPDATE SET epsilon_cap = EXCLUDED.epsilon_cap, delta_cap = EXCLUDED.delta_cap, "
                        + "updated_at = now()")
                .execute(Tuple.of(tenant, epsilonCap, deltaCap)).replaceWithVoid();
    }

    /** The ledger of one dataset as the API shows it (null when the dataset has no account yet). */
    public Uni<PrivacyBudgetView> view(SqlConnection conn, String tenant, UUID datasetId, BigDecimal defaultEpsilonCap,
            BigDecimal defaultDeltaCap) {
        return conn.preparedQuery("SELECT * FROM dataset_budget WHERE dataset_id = $1 AND tenant = $2").execute(Tuple.of(datasetId, tenant))
                .chain(d -> conn.preparedQuery("SELECT * FROM tenant_budget WHERE tenant = $1").execute(Tuple.of(tenant))
                        .chain(t -> conn.preparedQuery("SELECT * FROM budget_reservation WHERE dataset_id = $1 ORDER BY created_at")
                                .execute(Tuple.of(datasetId))
                                .map(rs -> {
                                    BudgetAccount dataset = d.size() == 0
                                            ? new BudgetAccount(defaultEpsilonCap, defaultDeltaCap, null, null)
                                            : account(d.iterator().next());
                                    BudgetAccount tenantAccount = t.size() == 0 ? BudgetAccount.UNCAPPED : account(t.iterator().next());
                                    List<PrivacyBudgetView.Reservation> reservations = new ArrayList<>();
                                    rs.forEach(r -> {
                                        Reservation res = reservation(r);
                                        PrivacyAmount shown = res.charged() != null ? res.charged() : res.amount();
                                        reservations.add(new PrivacyBudgetView.Reservation(res.reservationId(), res.generationId(),
                                                res.status(), shown.epsilon().doubleValue(), shown.delta().doubleValue(),
                                                res.createdAt(), res.settledAt()));
                                    });
                                    return new PrivacyBudgetView(datasetId.toString(), dbl(dataset.epsilonCap()), dbl(dataset.deltaCap()),
                                            dataset.spent().epsilon().doubleValue(), dataset.spent().delta().doubleValue(),
                                            dataset.reserved().epsilon().doubleValue(), dataset.reserved().delta().doubleValue(),
                                            dbl(dataset.epsilonRemaining()), dbl(dataset.deltaRemaining()),
                                            dbl(tenantAccount.epsilonRemaining()), dbl(tenantAccount.deltaRemaining()), reservations);
                                })));
    }

    static BudgetAccount account(Row r) {
        return new BudgetAccount(r.getBigDecimal("epsilon_cap"), r.getBigDecimal("delta_cap"),
                new PrivacyAmount(r.getBigDecimal("epsilon_spent"), r.getBigDecimal("delta_spent")),
                new PrivacyAmount(r.getBigDecimal("epsilon_reserved"), r.getBigDecimal("delta_reserved")));
    }

    static Reservation reservation(Row r) {
        BigDecimal ec = r.getBigDecimal("epsilon_charged");
        return new Reservation(r.getString("reservation_id"), r.getString("tenant"), r.getUUID("dataset_id"),
                r.getString("generation_id"), new PrivacyAmount(r.getBigDecimal("epsilon"), r.getBigDecimal("delta")),
                r.getString("status"), ec == null ? null : new PrivacyAmount(ec, r.getBigDecimal("delta_charged")),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("settled_at") == null ? null : r.getOffsetDateTime("settled_at").toInstant());
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
