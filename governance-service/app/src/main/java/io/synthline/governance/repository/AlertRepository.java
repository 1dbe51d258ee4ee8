package io.synthline.governance.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository {
    @Inject
    Pool pool;

    public record AlertView(UUID id, String kind, String severity, String resource, String message, Instant raisedAt,
            Instant acknowledgedAt, String acknowledgedBy) {
    }

    public Uni<List<AlertView>> list(String tenant, boolean openOnly, int limit) {
        return pool.preparedQuery("SELECT * FROM alert WHERE tenant = $1" + (openOnly ? " AND acknowledged_at IS NULL" : "")
                        + " ORDER BY raised_at DESC LIMIT " + limit)
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    List<AlertView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new AlertView(r.getUUID("alert_id"), r.getString("kind"), r.getString("severity"),
                            r.getString("resource"), r.getString("message"), DatasetRepository.instant(r, "raised_at"),
                            DatasetRepository.instant(r, "acknowledged_at"), r.getString("acknowledged_by"))));
                    return out;
                });
    }
}
