package io.synthline.governance.repository;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AccessGrantView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Access grants: a data owner lets a user request generations from a dataset for a purpose, until a date. */
@ApplicationScoped
public class AccessRepository {
    @Inject
    Pool pool;

    public Uni<Boolean> hasActiveGrant(SqlClient client, UUID datasetId, String grantee) {
        return client.preparedQuery("SELECT 1 FROM access_grant WHERE dataset_id = $1 AND grantee = $2 AND revoked_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > now())")
                .execute(Tuple.of(datasetId, grantee)).map(rows -> rows.size() > 0);
    }

    public Uni<AccessGrantView> grant(SqlConnection conn, String tenant, UUID datasetId, String grantee, String purpose, Instant expiresAt,
            String by) {
        return conn.preparedQuery("INSERT INTO access_grant (tenant, dataset_id, grantee, purpose, expires_at, granted_by, granted_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING *")
                .execute(Tuple.from(Arrays.asList(tenant, datasetId, grantee, purpose, AuditRepository.utc(expiresAt), by)))
                .map(rows -> grant(rows.iterator().next()));
    }

    /** Revokes every active grant of the grantee on the dataset; how many were revoked. */
    public Uni<Integer> revoke(SqlConnection conn, String tenant, UUID datasetId, String grantee, String by) {
        return conn.preparedQuery("UPDATE access_grant SET revoked_at = now(), revoked_by = $4 WHERE tenant = $1 AND dataset_id = $2 "
                        + "AND grantee = $3 AND revoked_at IS NULL")
                .execute(Tuple.of(tenant, datasetId, grantee, by)).map(rows -> rows.rowCount());
    }

    public Uni<List<AccessGrantView>> list(String tenant, UUID datasetId) {
        return pool.preparedQuery("SELECT * FROM access_grant WHERE tenant = $1 AND dataset_id = $2 ORDER BY granted_at DESC")
                .execute(Tuple.of(tenant, datasetId))
                .map(rows -> {
                    List<AccessGrantView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(grant(r)));
                    return out;
                });
    }

    static AccessGrantView grant(io.vertx.mutiny.sqlclient.Row r) {
        return new AccessGrantView(r.getLong("id"), r.getUUID("dataset_id"), r.getString("grantee"), r.getString("purpose"),
                DatasetRepository.instant(r, "expires_at"), r.getString("granted_by"), DatasetRepository.instant(r, "granted_at"),
                DatasetRepository.instant(r, "revoked_at"), r.getString("revoked_by"));
    }
}
