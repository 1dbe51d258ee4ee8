package io.synthline.governance.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Alerts: stored for the dashboard and announced as alert.raised. One open alert per (kind,
 * resource): a condition that persists does not raise again until the alert is acknowledged.
 */
@ApplicationScoped
public class Alerts {
    public static final String BUDGET_NEARLY_SPENT = "budget-nearly-spent";
    public static final String BUDGET_OVERSPENT = "budget-overspent";
    public static final String RELEASE_GATE_FAILED = "release-gate-failed";
    public static final String REEVALUATION_FAILED = "reevaluation-failed";
    /** A re-evaluation could not be carried out (nothing was learned about the output). */
    public static final String REEVALUATION_ERROR = "reevaluation-error";
    public static final String AUDIT_CHAIN_BROKEN = "audit-chain-broken";
    public static final String RETENTION_DELETION = "retention-deletion";
    /** Completed outputs wait for an evaluation that no evaluator took up: their release cannot be decided. */
    public static final String EVALUATOR_UNAVAILABLE = "evaluator-unavailable";

    @Inject
    GovernanceEvents events;

    @Inject
    Pool pool;

    /** Raises in the caller's transaction; true when a new alert was raised. */
    public Uni<Boolean> raise(SqlConnection conn, String tenant, String kind, String severity, String resource, String message) {
        UUID id = UUID.randomUUID();
        return conn.preparedQuery("INSERT INTO alert (alert_id, tenant, kind, severity, resource, message, raised_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant, kind, resource) WHERE acknowledged_at IS NULL DO NOTHING")
                .execute(Tuple.from(java.util.List.of(id, tenant, kind, severity, resource, message, OffsetDateTime.now(ZoneOffset.UTC))))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : events.publish(conn, EventType.ALERT_RAISED, "alerts/" + id, tenant, null,
                                new Payloads.AlertRaised(id.toString(), kind, severity, resource, message)).replaceWith(true));
    }

    public Uni<Boolean> raise(String tenant, String kind, String severity, String resource, String message) {
        return pool.withTransaction(conn -> raise(conn, tenant, kind, severity, resource, message));
    }

    /** True when an open alert of the tenant was acknowledged now. */
    public Uni<Boolean> acknowledge(String tenant, UUID alertId, String by, String note) {
        return pool.withTransaction(conn -> conn.preparedQuery("UPDATE alert SET acknowledged_at = now(), acknowledged_by = $3 "
                        + "WHERE alert_id = $1 AND tenant = $2 AND acknowledged_at IS NULL")
                .execute(Tuple.of(alertId, tenant, by))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : events.publish(conn, EventType.ALERT_ACKNOWLEDGED, "alerts/" + alertId, tenant, by,
                                new Payloads.AlertAcknowledged(alertId.toString(), note)).replaceWith(true)));
    }
}
