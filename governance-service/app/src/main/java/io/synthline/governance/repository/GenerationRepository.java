package io.synthline.governance.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Generations as governance tracks them: request, decision, outcome, release. */
@ApplicationScoped
public class GenerationRepository {
    public static final String AWAITING_DATASET = "AWAITING_DATASET";
    public static final String PENDING_APPROVAL = "PENDING_APPROVAL";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    public static final String RELEASE_NONE = "NONE";
    public static final String RELEASE_APPROVED = "APPROVED";
    public static final String RELEASE_QUARANTINED = "QUARANTINED";
    public static final String RELEASE_OVERRIDDEN = "OVERRIDDEN";

    static final String SELECT = "SELECT g.*, d.name AS dataset_name, d.classification, e.scores AS scores "
            + "FROM governed_generation g LEFT JOIN governed_dataset d ON d.dataset_id = g.dataset_id "
            + "LEFT JOIN governed_evaluation e ON e.evaluation_id = g.evaluation_id ";

    @Inject
    Pool pool;

    @Inject
    io.synthline.governance.config.GovernanceConfig config;

    /** A row: what the protocol code reads back. */
    public record Generation(UUID id, String tenant, UUID datasetId, String requestedBy, Double epsilon, Double delta,
            Boolean piiReplaced, String status, String releaseStatus, String outputKey, String sourceKey, String evaluationId) {
    }

    /** True when the request is new (a redelivered request is not recorded twice). */
    public Uni<Boolean> requested(SqlConnection conn, String tenant, Payloads.GenerationRequested r, String actor, Instant at) {
        Payloads.PrivacyParameters p = r.privacy();
        return conn.preparedQuery("INSERT INTO governed_generation (generation_id, tenant, dataset_id, requested_by, model, rows_requested, "
                        + "seed, epsilon, delta, pii_replaced, purpose, status, requested_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'AWAITING_DATASET', $12, now()) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(Arrays.asList(UUID.fromString(r.generationId()), tenant, UUID.fromString(r.datasetId()),
                        actor == null ? "system" : actor, r.model(), r.rows(), r.seed(), p == null ? null : p.epsilon(),
                        p == null ? null : p.delta(), r.piiReplaced(), r.purpose(), AuditRepository.utc(at))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Generation> find(SqlClient client, String tenant, UUID id, boolean forUpdate) {
        return client.preparedQuery("SELECT * FROM governed_generation WHERE generation_id = $1"
                        + (tenant == null ? "" : " AND tenant = $2") + (forUpdate ? " FOR UPDATE" : ""))
                .execute(tenant == null ? Tuple.of(id) : Tuple.of(id, tenant))
                .map(rows -> rows.size() == 0 ? null : generation(rows.iterator().next()));
    }

    public Uni<List<UUID>> awaitingDataset(SqlConnection conn, UUID datasetId) {
        return conn.preparedQuery("SELECT generation_id FROM governed_generation WHERE dataset_id = $1 AND status = 'AWAITING_DATASET' "
                        + "ORDER BY requested_at")
                .execute(Tuple.of(datasetId))
                .map(rows -> {
                    List<UUID> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getUUID("generation_id")));
                    return out;
                });
    }

    /** Generations that waited for their dataset longer than the deadline. */
    public Uni<List<Row>> awaitingSince(Instant before) {
        return pool.preparedQuery("SELECT generation_id, tenant FROM governed_generation WHERE status = 'AWAITING_DATASET' "
                        + "AND requested_at < $1 LIMIT 500")
                .execute(Tuple.of(AuditRepository.utc(before)))
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
    }

    public Uni<Void> decided(SqlConnection conn, UUID id, String status, String reason, List<String> violations, String by) {
        return conn.preparedQuery("UPDATE governed_generation SET status = $2, decision_reason = $3, violations = $4, decided_by = $5, "
                        + "decided_at = now(), updated_at = now() WHERE generation_id = $1")
                .execute(Tuple.from(Arrays.asList(id, status, reason, violations == null || violations.isEmpty() ? null
                        : String.join(",", violations), by)))
                .replaceWithVoid();
    }

    public Uni<Void> completed(SqlConnection conn, UUID id, Payloads.GenerationCompleted c, Instant at) {
        return conn.preparedQuery("UPDATE governed_generation SET status = 'COMPLETED', completed_at = $2, output_key = $3, "
                        + "output_sha256 = $4, source_key = $5, privacy_spent = $6, tables_json = $7, updated_at = now() "
                        + "WHERE generation_id = $1")
                .execute(Tuple.from(Arrays.asList(id, AuditRepository.utc(at), c.outputStorageKey(), c.outputSha256(),
                        c.sourceStorageKey(), c.privacySpent() == null ? null : Json.write(c.privacySpent()),
                        c.tables() == null ? null : Json.write(c.tables()))))
                .replaceWithVoid();
    }

    /**
     * The tables each generation on a dataset of several tables wrote, by generation id; generations
     * of one table (or completed before the tables were recorded) are absent.
     */
    public Uni<Map<String, List<Payloads.GeneratedTable>>> outputTables(String tenant, UUID datasetId) {
        return pool.preparedQuery("SELECT generation_id, tables_json FROM governed_generation WHERE tenant = $1 AND dataset_id = $2 "
                        + "AND tables_json IS NOT NULL")
                .execute(Tuple.of(tenant, datasetId))
                .map(rows -> {
                    Map<String, List<Payloads.GeneratedTable>> out = new java.util.HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("generation_id").toString(),
                            List.of(Json.read(r.getString("tables_json"), Payloads.GeneratedTable[].class))));
                    return out;
                });
    }

    public Uni<Void> failed(SqlConnection conn, UUID id, String reason, Instant at) {
        return conn.preparedQuery("UPDATE governed_generation SET status = 'FAILED', completed_at = $2, failure_reason = $3, "
                        + "updated_at = now() WHERE generation_id = $1")
                .execute(Tuple.of(id, AuditRepository.utc(at), reason)).replaceWithVoid();
    }

    public Uni<Void> release(SqlConnection conn, UUID id, String releaseStatus, String reason, List<Payloads.GateCheck> checks,
            String evaluationId, String by) {
        return conn.preparedQuery("UPDATE governed_generation SET release_status = $2, release_reason = $3, "
                        + "release_checks = COALESCE($4, release_checks), evaluation_id = COALESCE($5, evaluation_id), released_by = $6, "
                        + "released_at = now(), last_evaluated_at = CASE WHEN $5 IS NULL THEN last_evaluated_at ELSE now() END, "
                        + "updated_at = now() WHERE generation_id = $1")
                .execute(Tuple.from(Arrays.asList(id, releaseStatus, reason, checks == null ? null : Json.write(checks), evaluationId, by)))
                .replaceWithVoid();
    }

    public Uni<Void> evaluation(SqlConnection conn, String tenant, Payloads.EvaluationCompleted e, Instant at) {
        return conn.preparedQuery("INSERT INTO governed_evaluation (evaluation_id, tenant, generation_id, dataset_id, status, scores, "
                        + "report_key, request_id, completed_at) VALUES ($1, $2, $3, $4, 'COMPLETED', $5, $6, $7, $8) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(Arrays.asList(e.evaluationId(), tenant, UUID.fromString(e.generationId()),
                        e.datasetId() == null ? null : UUID.fromString(e.datasetId()), e.scores() == null ? null : Json.write(e.scores()),
                        e.reportStorageKey(), e.requestId(), AuditRepository.utc(at))))
                .replaceWithVoid();
    }

    public Uni<Void> evaluationQueued(SqlConnection conn, UUID generationId, Instant at) {
        return conn.preparedQuery("UPDATE governed_generation SET evaluation_queued_at = coalesce(evaluation_queued_at, $2) "
                        + "WHERE generation_id = $1")
                .execute(Tuple.of(generationId, AuditRepository.utc(at == null ? Instant.now() : at))).replaceWithVoid();
    }

    /**
     * Completed outputs of each tenant without a release decision whose evaluation no evaluator took up
     * within {@code wait} of their completion: tenant to their ids (oldest first, at most 20 each).
     */
    public Uni<Map<String, List<UUID>>> awaitingAnEvaluator(Duration wait) {
        return pool.preparedQuery("SELECT tenant, generation_id FROM governed_generation WHERE status = 'COMPLETED' "
                        + "AND release_status = 'NONE' AND evaluation_queued_at IS NULL "
                        + "AND completed_at < now() - $1::bigint * interval '1 millisecond' ORDER BY completed_at LIMIT 200")
                .execute(Tuple.of(wait.toMillis()))
                .map(rows -> {
                    Map<String, List<UUID>> out = new java.util.TreeMap<>();
                    rows.forEach(r -> {
                        List<UUID> ids = out.computeIfAbsent(r.getString("tenant"), t -> new ArrayList<>());
                        if (ids.size() < 20) {
                            ids.add(r.getUUID("generation_id"));
                        }
                    });
                    return out;
                });
    }

    public Uni<Void> evaluationFailed(SqlConnection conn, String tenant, Payloads.EvaluationFailed e, String requestId, Instant at) {
        return conn.preparedQuery("INSERT INTO governed_evaluation (evaluation_id, tenant, generation_id, status, error, request_id, "
                        + "completed_at) VALUES ($1, $2, $3, 'FAILED', $4, $5, $6) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(Arrays.asList(e.evaluationId(), tenant, UUID.fromString(e.generationId()), e.reason(), requestId,
                        AuditRepository.utc(at))))
                .replaceWithVoid();
    }

    public Uni<List<GovernedGenerationView>> list(String tenant, String status, String releaseStatus, UUID datasetId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + "WHERE g.tenant = $1");
        List<Object> params = new ArrayList<>(List.of(tenant));
        if (status != null && !status.isBlank()) {
            params.add(status);
            sql.append(" AND g.status = $").append(params.size());
        }
        if (releaseStatus != null && !releaseStatus.isBlank()) {
            params.add(releaseStatus);
            sql.append(" AND g.release_status = $").append(params.size());
        }
        if (datasetId != null) {
            params.add(datasetId);
            sql.append(" AND g.dataset_id = $").append(params.size());
        }
        sql.append(" ORDER BY g.requested_at DESC LIMIT ").append(limit);
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<GovernedGenerationView> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r, evaluationWait())));
            return out;
        });
    }

    public Uni<GovernedGenerationView> view(String tenant, UUID id) {
        return pool.preparedQuery(SELECT + "WHERE g.tenant = $1 AND g.generation_id = $2").execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next(), evaluationWait()));
    }

    /** Released outputs whose last evaluation is older than {@code before}: due for re-evaluation. */
    public Uni<List<Row>> dueForReevaluation(Instant before, int limit) {
        return pool.preparedQuery("SELECT generation_id, tenant, dataset_id, source_key, output_key FROM governed_generation "
                        + "WHERE release_status IN ('APPROVED', 'OVERRIDDEN') AND output_key IS NOT NULL "
                        + "AND COALESCE(last_evaluated_at, released_at) < $1 "
                        // a deleted source cannot be compared with any more
                        + "AND EXISTS (SELECT 1 FROM governed_dataset d WHERE d.dataset_id = governed_generation.dataset_id "
                        + "AND d.status = 'ACTIVE') ORDER BY last_evaluated_at NULLS FIRST LIMIT " + limit)
                .execute(Tuple.of(AuditRepository.utc(before)))
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
    }

    public Uni<Void> reevaluationRequested(SqlConnection conn, UUID id) {
        return conn.preparedQuery("UPDATE governed_generation SET last_evaluated_at = now() WHERE generation_id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    static Generation generation(Row r) {
        return new Generation(r.getUUID("generation_id"), r.getString("tenant"), r.getUUID("dataset_id"), r.getString("requested_by"),
                r.getDouble("epsilon"), r.getDouble("delta"), r.getBoolean("pii_replaced"), r.getString("status"),
                r.getString("release_status"), r.getString("output_key"), r.getString("source_key"), r.getString("evaluation_id"));
    }

    /**
     * Why a completed output has no release decision yet: its evaluation is pending (the evaluator
     * took it up), or no evaluator took it up within {@code evaluationWait} of the completion.
     */
    public Duration evaluationWait() {
        return config.monitoring().evaluationWait();
    }

    static String releaseWaiting(Row r, Duration evaluationWait) {
        if (!"COMPLETED".equals(r.getString("status")) || !"NONE".equals(r.getString("release_status"))) {
            return null;
        }
        Instant queued = DatasetRepository.instant(r, "evaluation_queued_at");
        if (queued != null) {
            return "evaluation pending (taken up by the evaluator at " + queued + ")";
        }
        Instant completed = DatasetRepository.instant(r, "completed_at");
        if (completed != null && completed.plus(evaluationWait).isBefore(Instant.now())) {
            return "evaluator unavailable: no evaluator took the evaluation up within " + evaluationWait + " of the completion";
        }
        return "waiting for the evaluator to take the evaluation up";
    }

    static GovernedGenerationView view(Row r, Duration evaluationWait) {
        String violations = r.getString("violations");
        return new GovernedGenerationView(r.getUUID("generation_id").toString(), r.getUUID("dataset_id").toString(),
                r.getString("dataset_name"), r.getString("classification"), r.getString("requested_by"), r.getString("model"),
                r.getLong("rows_requested"), r.getDouble("epsilon"), r.getDouble("delta"), r.getBoolean("pii_replaced"),
                r.getString("purpose"), r.getString("status"), r.getString("decision_reason"),
                violations == null ? List.of() : List.of(violations.split(",")), r.getString("decided_by"),
                DatasetRepository.instant(r, "decided_at"), DatasetRepository.instant(r, "requested_at"),
                DatasetRepository.instant(r, "completed_at"), r.getString("output_sha256"), json(r.getString("privacy_spent")),
                r.getString("failure_reason"), r.getString("release_status"), r.getString("release_reason"),
                json(r.getString("release_checks")), r.getString("released_by"), DatasetRepository.instant(r, "released_at"),
                r.getString("evaluation_id"), json(r.getString("scores")), r.getLong("seed"), releaseWaiting(r, evaluationWait));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Double> scores(JsonNode scores) {
        return scores == null ? Map.of() : Json.mapper().convertValue(scores, Map.class);
    }

    static JsonNode json(String text) {
        try {
            return text == null ? null : Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in governed_generation", e);
        }
    }
}
