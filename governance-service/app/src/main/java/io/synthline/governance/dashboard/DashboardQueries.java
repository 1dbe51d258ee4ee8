package io.synthline.governance.dashboard;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few read models only the dashboard needs (one query per page, not one per row). */
@ApplicationScoped
public class DashboardQueries {
    @Inject
    Pool pool;

    /** A dataset row with its budget gauge: used = (spent + reserved) / cap. */
    public record DatasetRow(String id, String name, String owner, String classification, String purpose, String legalBasis,
            String retention, Instant retainUntil, String status, Long rowCount, Integer columnCount, Instant registeredAt,
            Double epsilonCap, double epsilonSpent, double epsilonReserved) {
        public int usedPercent() {
            if (epsilonCap == null || epsilonCap <= 0) {
                return 0;
            }
            return (int) Math.min(100, Math.round((epsilonSpent + epsilonReserved) / epsilonCap * 100));
        }

        public String gaugeClass() {
            int p = usedPercent();
            return p >= 100 ? "full" : p >= 80 ? "high" : "";
        }
    }

    public Uni<List<DatasetRow>> datasets(String tenant, double defaultCap) {
        return pool.preparedQuery("SELECT d.*, b.epsilon_cap AS cap, b.epsilon_spent AS spent, b.epsilon_reserved AS reserved, "
                        + "b.dataset_id AS has_budget FROM governed_dataset d LEFT JOIN dataset_budget b ON b.dataset_id = d.dataset_id "
                        + "WHERE d.tenant = $1 ORDER BY d.registered_at DESC LIMIT 500")
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    List<DatasetRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new DatasetRow(r.getUUID("dataset_id").toString(), r.getString("name"), r.getString("owner"),
                            r.getString("classification"), r.getString("purpose"), r.getString("legal_basis"), r.getString("retention"),
                            instant(r, "retain_until"), r.getString("status"), r.getLong("row_count"), r.getInteger("column_count"),
                            instant(r, "registered_at"),
                            r.getUUID("has_budget") == null ? Double.valueOf(defaultCap) : dbl(r.getBigDecimal("cap")),
                            zero(r.getBigDecimal("spent")), zero(r.getBigDecimal("reserved")))));
                    return out;
                });
    }

    public record EvaluationRow(String id, String generationId, String datasetId, String status, String scores, String requestId,
            String error, Instant completedAt) {
    }

    public Uni<List<EvaluationRow>> evaluations(String tenant) {
        return evaluationRows("SELECT * FROM governed_evaluation WHERE tenant = $1 ORDER BY completed_at DESC LIMIT 300", Tuple.of(tenant));
    }

    /** The evaluations of one run, newest first. */
    public Uni<List<EvaluationRow>> evaluationsOf(String tenant, java.util.UUID generationId) {
        return evaluationRows("SELECT * FROM governed_evaluation WHERE tenant = $1 AND generation_id = $2 ORDER BY completed_at DESC",
                Tuple.of(tenant, generationId));
    }

    private Uni<List<EvaluationRow>> evaluationRows(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params)
                .map(rows -> {
                    List<EvaluationRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new EvaluationRow(r.getString("evaluation_id"), r.getUUID("generation_id").toString(),
                            r.getUUID("dataset_id") == null ? null : r.getUUID("dataset_id").toString(), r.getString("status"),
                            r.getString("scores"), r.getString("request_id"), r.getString("error"), instant(r, "completed_at"))));
                    return out;
                });
    }

    /** The tenant's privacy budget: its own cap (null = none set) and what its datasets spent and hold reserved. */
    public record TenantBudget(Double epsilonCap, double epsilonSpent, double epsilonReserved, long datasetsWithSpending) {
        public int usedPercent() {
            return epsilonCap == null || epsilonCap <= 0 ? 0 : (int) Math.min(100, Math.round((epsilonSpent + epsilonReserved) / epsilonCap * 100));
        }
    }

    public Uni<TenantBudget> tenantBudget(String tenant) {
        return pool.preparedQuery("SELECT (SELECT epsilon_cap FROM tenant_budget WHERE tenant = $1) AS cap, "
                        + "(SELECT coalesce(sum(epsilon_spent), 0) FROM dataset_budget WHERE tenant = $1) AS spent, "
                        + "(SELECT coalesce(sum(epsilon_reserved), 0) FROM dataset_budget WHERE tenant = $1) AS reserved, "
                        + "(SELECT count(*) FROM dataset_budget WHERE tenant = $1 AND epsilon_spent + epsilon_reserved > 0) AS used")
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new TenantBudget(dbl(r.getBigDecimal("cap")), zero(r.getBigDecimal("spent")), zero(r.getBigDecimal("reserved")),
                            r.getLong("used"));
                });
    }

    /** Counts for the overview cards. */
    public Uni<Map<String, Long>> counts(String tenant) {
        return pool.preparedQuery("SELECT "
                        + "(SELECT count(*) FROM governed_dataset WHERE tenant = $1 AND status = 'ACTIVE') AS datasets, "
                        + "(SELECT count(*) FROM governed_generation WHERE tenant = $1) AS generations, "
                        + "(SELECT count(*) FROM governed_generation WHERE tenant = $1 AND status = 'PENDING_APPROVAL') AS pending, "
                        + "(SELECT count(*) FROM governed_generation WHERE tenant = $1 AND release_status = 'QUARANTINED') AS quarantined, "
                        + "(SELECT count(*) FROM alert WHERE tenant = $1 AND acknowledged_at IS NULL) AS alerts, "
                        + "(SELECT count(*) FROM audit_entry WHERE tenant = $1) AS entries")
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return Map.of("datasets", r.getLong("datasets"), "generations", r.getLong("generations"), "pending", r.getLong("pending"),
                            "quarantined", r.getLong("quarantined"), "alerts", r.getLong("alerts"), "entries", r.getLong("entries"));
                });
    }

    static Instant instant(Row r, String column) {
        return r.getOffsetDateTime(column) == null ? null : r.getOffsetDateTime(column).toInstant();
    }

    static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    static double zero(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }
}
