package io.synthline.governance.repository;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.DatasetPolicyView;
import io.synthline.commons.events.Payloads;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Governance's record of datasets (projected from dataset.* events; policy fields owned here). */
@ApplicationScoped
public class DatasetRepository {
    public static final String ACTIVE = "ACTIVE";
    public static final String DELETION_REQUESTED = "DELETION_REQUESTED";
    public static final String DELETED = "DELETED";

    @Inject
    Pool pool;

    /** First sight of a dataset; a redelivery or a late registered event after policy changes keeps governance's fields. */
    public Uni<Void> registered(SqlConnection conn, String tenant, Payloads.DatasetRegistered d, String actor, Instant at,
            String defaultClassification) {
        // the profiler names the uploader as owner only when the uploader is a data owner; otherwise there is none yet
        String owner = d.owner() == null || d.owner().isBlank() ? null : d.owner();
        String classification = d.classification() != null ? d.classification() : defaultClassification;
        return conn.preparedQuery("INSERT INTO governed_dataset (dataset_id, tenant, name, owner, classification, storage_key, sha256, "
                        + "size_bytes, status, registered_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', $9, now()) "
                        + "ON CONFLICT (dataset_id) DO UPDATE SET name = EXCLUDED.name, storage_key = EXCLUDED.storage_key, "
                        + "sha256 = EXCLUDED.sha256, size_bytes = EXCLUDED.size_bytes, updated_at = now()")
                .execute(Tuple.from(Arrays.asList(UUID.fromString(d.datasetId()), tenant, d.name(), owner,
                        classification, d.storageKey(), d.sha256(), d.sizeBytes(), AuditRepository.utc(at))))
                .replaceWithVoid();
    }

    public Uni<Void> profiled(SqlConnection conn, String tenant, Payloads.DatasetProfiled d, Instant at) {
        return conn.preparedQuery("UPDATE governed_dataset SET row_count = $3, column_count = $4, profile_version = $5, "
                        + "profiled_at = $6, tables_json = $7, updated_at = now() WHERE dataset_id = $1 AND tenant = $2")
                .execute(Tuple.from(Arrays.asList(UUID.fromString(d.datasetId()), tenant, d.rowCount(), d.columnCount(),
                        d.profileVersion(), AuditRepository.utc(at), d.tables() == null ? null : io.synthline.commons.json.Json.write(d.tables()))))
                .replaceWithVoid();
    }

    /** The tables of a dataset made of several tables (empty for one table). */
    public Uni<java.util.List<Payloads.TableSummary>> tables(String tenant, UUID datasetId) {
        return pool.preparedQuery("SELECT tables_json FROM governed_dataset WHERE dataset_id = $1 AND tenant = $2")
                .execute(Tuple.of(datasetId, tenant))
                .map(rows -> {
                    String json = rows.size() == 0 ? null : rows.iterator().next().getString("tables_json");
                    return json == null ? java.util.List.<Payloads.TableSummary>of()
                            : java.util.List.of(io.synthline.commons.json.Json.read(json, Payloads.TableSummary[].class));
                });
    }

    public Uni<Void> deleted(SqlConnection conn, String tenant, UUID datasetId) {
        return conn.preparedQuery("UPDATE governed_dataset SET status = 'DELETED', deleted_at = now(), updated_at = now() "
                        + "WHERE dataset_id = $1 AND tenant = $2")
                .execute(Tuple.of(datasetId, tenant)).replaceWithVoid();
    }

    public Uni<Void> status(SqlConnection conn, UUID datasetId, String status) {
        return conn.preparedQuery("UPDATE governed_dataset SET status = $2, updated_at = now() WHERE dataset_id = $1")
                .execute(Tuple.of(datasetId, status)).replaceWithVoid();
    }

    public Uni<Void> updatePolicy(SqlConnection conn, DatasetPolicyView v) {
        return conn.preparedQuery("UPDATE governed_dataset SET owner = $2, classification = $3, purpose = $4, legal_basis = $5, "
                        + "retention = $6, retain_until = $7, updated_at = now() WHERE dataset_id = $1")
                .execute(Tuple.from(Arrays.asList(UUID.fromString(v.id()), v.owner(), v.classification(), v.purpose(), v.legalBasis(),
                        v.retention(), AuditRepository.utc(v.retainUntil()))))
                .replaceWithVoid();
    }

    public Uni<DatasetPolicyView> find(SqlClient client, String tenant, UUID datasetId, boolean forUpdate) {
        return client.preparedQuery("SELECT * FROM governed_dataset WHERE dataset_id = $1 AND tenant = $2" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(datasetId, tenant))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<DatasetPolicyView> find(String tenant, UUID datasetId) {
        return find(pool, tenant, datasetId, false);
    }

    public Uni<List<DatasetPolicyView>> list(String tenant) {
        return pool.preparedQuery("SELECT * FROM governed_dataset WHERE tenant = $1 ORDER BY registered_at DESC LIMIT 1000")
                .execute(Tuple.of(tenant)).map(DatasetRepository::views);
    }

    /** Active datasets whose retention has ended, with their tenants. */
    public Uni<List<Row>> expired(Instant now, int limit) {
        return pool.preparedQuery("SELECT dataset_id, tenant, owner, retain_until FROM governed_dataset WHERE status = 'ACTIVE' "
                        + "AND retain_until IS NOT NULL AND retain_until <= $1 ORDER BY retain_until LIMIT " + limit)
                .execute(Tuple.of(AuditRepository.utc(now)))
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
    }

    static List<DatasetPolicyView> views(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<DatasetPolicyView> out = new ArrayList<>();
        rows.forEach(r -> out.add(view(r)));
        return out;
    }

    static DatasetPolicyView view(Row r) {
        return new DatasetPolicyView(r.getUUID("dataset_id").toString(), r.getString("name"), r.getString("owner"),
                r.getString("classification"), r.getString("purpose"), r.getString("legal_basis"), r.getString("retention"),
                instant(r, "retain_until"), r.getString("status"), r.getString("sha256"), r.getLong("size_bytes"),
                r.getLong("row_count"), r.getInteger("column_count"), instant(r, "registered_at"), instant(r, "profiled_at"),
                instant(r, "deleted_at"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
