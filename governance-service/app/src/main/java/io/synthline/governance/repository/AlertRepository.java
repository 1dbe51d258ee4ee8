package io.synthline.governance.repository;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AlertView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AlertRepository {
    @Inject
    Pool pool;

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
