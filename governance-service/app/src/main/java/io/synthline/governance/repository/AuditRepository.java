package io.synthline.governance.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.json.Json;
import io.synthline.governance.engine.audit.AuditRecord;
import io.synthline.governance.engine.audit.CanonicalJson;
import io.synthline.governance.engine.audit.CausalOrder;
import io.synthline.governance.engine.audit.ChainedEntry;
import io.synthline.governance.engine.audit.Checkpoint;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit tables. Appends serialise per tenant on a transaction-scoped advisory lock, so the
 * chain has exactly one successor per entry even with several consumers or replicas appending.
 */
@ApplicationScoped
public class AuditRepository {
    static final String COLUMNS = "seq, event_id, tenant, event_type, source, subject, actor, actor_roles, purpose, justification, "
            + "outcome, occurred_at, recorded_at, data_json, chain_index, previous_hash, entry_hash";

    @Inject
    Pool pool;

    public Pool pool() {
        return pool;
    }

    /** Appends unless the event id is already recorded; the chained entry when a new one was written. Call in a transaction. */
    public Uni<ChainedEntry> append(SqlConnection conn, AuditRecord record) {
        return conn.preparedQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS locked")
                .execute(Tuple.of("synthline.audit:" + record.tenant()))
                .chain(() -> conn.preparedQuery("SELECT 1 FROM audit_entry WHERE event_id = $1").execute(Tuple.of(record.eventId())))
                .chain(existing -> existing.size() > 0 ? Uni.createFrom().nullItem() : conn.preparedQuery(
                                "SELECT chain_index, entry_hash FROM audit_entry WHERE tenant = $1 AND chain_index IS NOT NULL "
                                        + "ORDER BY chain_index DESC LIMIT 1")
                        .execute(Tuple.of(record.tenant()))
                        .chain(head -> {
                            long index = 1;
                            String previous = ChainedEntry.GENESIS;
                            if (head.size() > 0) {
                                Row h = head.iterator().next();
                                index = h.getLong("chain_index") + 1;
                                previous = h.getString("entry_hash");
                            }
                            ChainedEntry entry = ChainedEntry.of(index, record, Instant.now(), previous);
                            return insert(conn, entry).replaceWith(entry);
                        }));
    }

    public Uni<Boolean> isRecorded(SqlConnection conn, String eventId) {
        return conn.preparedQuery("SELECT 1 FROM audit_entry WHERE event_id = $1").execute(Tuple.of(eventId)).map(rows -> rows.size() > 0);
    }

    /** Whether the tenant's trail has an entry of one of the cause's types about its subject. */
    public Uni<Boolean> hasEntry(SqlConnection conn, String tenant, CausalOrder.Cause cause) {
        return conn.preparedQuery("SELECT 1 FROM audit_entry WHERE tenant = $1 AND subject = $2 AND event_type = ANY($3) LIMIT 1")
                .execute(Tuple.of(tenant, cause.subject(), cause.eventTypes().toArray(String[]::new)))
                .map(rows -> rows.size() > 0);
    }

    /** Parks an event until its cause is appended (idempotent per event id). */
    public Uni<Void> defer(SqlConnection conn, AuditRecord record, CausalOrder.Cause cause, String eventJson) {
        return conn.preparedQuery("INSERT INTO audit_deferred (event_id, tenant, cause_subject, cause_types, event_json, received_at) "
                        + "VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (event_id) DO NOTHING")
                .execute(Tuple.of(record.eventId(), record.tenant(), cause.subject(), String.join(",", cause.eventTypes()), eventJson))
                .replaceWithVoid();
    }

    /** Removes and returns (oldest first) the events that waited for an entry of this type about this subject. */
    public Uni<List<String>> takeDeferred(SqlConnection conn, String tenant, String subject, String eventType) {
        return conn.preparedQuery("DELETE FROM audit_deferred WHERE event_id IN (SELECT event_id FROM audit_deferred "
                        + "WHERE tenant = $1 AND cause_subject = $2 AND $3 = ANY(string_to_array(cause_types, ',')) FOR UPDATE) "
                        + "RETURNING event_json, received_at")
                .execute(Tuple.of(tenant, subject, eventType))
                .map(AuditRepository::oldestFirst);
    }

    /** Removes and returns (oldest first) the events that waited longer than {@code wait}; replicas take disjoint sets. */
    public Uni<List<String>> takeOverdue(SqlConnection conn, java.time.Duration wait) {
        return conn.preparedQuery("DELETE FROM audit_deferred WHERE event_id IN (SELECT event_id FROM audit_deferred "
                        + "WHERE received_at < now() - $1::bigint * interval '1 millisecond' ORDER BY received_at LIMIT 100 "
                        + "FOR UPDATE SKIP LOCKED) RETURNING event_json, received_at")
                .execute(Tuple.of(wait.toMillis()))
                .map(AuditRepository::oldestFirst);
    }

    private static List<String> oldestFirst(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        list.sort(java.util.Comparator.comparing((Row r) -> r.getOffsetDateTime("received_at")));
        return list.stream().map(r -> r.getString("event_json")).toList();
    }

    private Uni<Void> insert(SqlConnection conn, ChainedEntry e) {
        return conn.preparedQuery("INSERT INTO audit_entry (event_id, tenant, event_type, source, subject, actor, actor_roles, purpose, "
                        + "justification, outcome, occurred_at, recorded_at, data_json, chain_index, previous_hash, entry_hash) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
                .execute(Tuple.from(Arrays.asList(e.eventId(), e.tenant(), e.eventType(), e.source(), e.subject(), e.actor(),
                        String.join(",", e.actorRoles()), e.purpose(), e.justification(), e.outcome(), utc(e.occurredAt()),
                        utc(e.recordedAt()), e.data() == null ? null : CanonicalJson.write(e.data()), e.chainIndex(),
                        e.previousHash(), e.entryHash())))
                .replaceWithVoid();
    }

    public record Filter(String tenant, String subject, String eventType, String actor, String outcome, Instant from,
            Instant to, Long afterChainIndex, int limit) {
    }

    /** Entries of one tenant, in chain order. */
    public Uni<List<AuditEntryView>> find(Filter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = selectWhere(f, params);
        condition(sql, params, "occurred_at >= $", f.from() == null ? null : utc(f.from()));
        condition(sql, params, "occurred_at < $", f.to() == null ? null : utc(f.to()));
        condition(sql, params, "chain_index > $", f.afterChainIndex());
        sql.append(" ORDER BY chain_index NULLS FIRST, seq LIMIT ").append(f.limit());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<AuditEntryView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    /**
     * The dashboard's page of entries: the filter's conditions, newest first, below {@code beforeSequence}
     * (null: from the newest).
     */
    public Uni<List<AuditEntryView>> newestFirst(Filter f, Long beforeSequence) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = selectWhere(f, params);
        condition(sql, params, "seq < $", beforeSequence);
        sql.append(" ORDER BY seq DESC LIMIT ").append(f.limit());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<AuditEntryView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    /** The SELECT of a tenant's entries with the filter's subject, type, actor and outcome. */
    private static StringBuilder selectWhere(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE tenant = $1");
        params.add(f.tenant());
        condition(sql, params, "subject = $", f.subject());
        condition(sql, params, "event_type = $", f.eventType());
        condition(sql, params, "actor = $", f.actor());
        condition(sql, params, "outcome = $", f.outcome());
        return sql;
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return;
        }
        params.add(value);
        sql.append(" AND ").append(clause).append(params.size());
    }

    /** The chain of a tenant in order, page by page (constant memory for any length). */
    public Multi<ChainedEntry> chain(String tenant, Long fromIndex, Long toIndex) {
        int page = 1000;
        long start = fromIndex == null ? 0 : fromIndex - 1;
        long end = toIndex == null ? Long.MAX_VALUE : toIndex;
        return Multi.createBy().repeating()
                .uni(() -> new long[] {start}, cursor -> pool.preparedQuery("SELECT " + COLUMNS + " FROM audit_entry "
                                + "WHERE tenant = $1 AND chain_index > $2 AND chain_index <= $3 ORDER BY chain_index LIMIT " + page)
                        .execute(Tuple.of(tenant, cursor[0], end))
                        .map(rows -> {
                            List<ChainedEntry> batch = new ArrayList<>();
                            rows.forEach(r -> batch.add(chained(r)));
                            if (!batch.isEmpty()) {
                                cursor[0] = batch.getLast().chainIndex();
                            }
                            return batch;
                        }))
                .until(List::isEmpty)
                .onItem().disjoint();
    }

    /** Chain positions of entries whose occurrence falls in [from, to). */
    public Uni<long[]> indexRange(String tenant, Instant from, Instant to) {
        return pool.preparedQuery("SELECT min(chain_index) AS lo, max(chain_index) AS hi FROM audit_entry WHERE tenant = $1 "
                        + "AND chain_index IS NOT NULL AND occurred_at >= $2 AND occurred_at < $3")
                .execute(Tuple.of(tenant, utc(from), utc(to)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return r.getLong("lo") == null ? null : new long[] {r.getLong("lo"), r.getLong("hi")};
                });
    }

    public Uni<Long> unchainedCount(String tenant) {
        return pool.preparedQuery("SELECT count(*) AS n FROM audit_entry WHERE tenant = $1 AND chain_index IS NULL")
                .execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<List<String>> tenants() {
        return pool.query("SELECT DISTINCT tenant FROM audit_entry WHERE chain_index IS NOT NULL ORDER BY tenant").execute()
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("tenant")));
                    return out;
                });
    }

    // ------------------------------------------------------------------------------------- checkpoints

    /** Heads of the chains that moved since their last checkpoint: (tenant, chain_index, entry_hash). */
    public Uni<List<Row>> headsWithoutCheckpoint() {
        return pool.query("SELECT h.tenant, h.chain_index, h.entry_hash FROM ("
                        + " SELECT DISTINCT ON (tenant) tenant, chain_index, entry_hash FROM audit_entry"
                        + " WHERE chain_index IS NOT NULL ORDER BY tenant, chain_index DESC) h"
                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint c WHERE c.tenant = h.tenant AND c.chain_index >= h.chain_index)")
                .execute()
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
    }

    public Uni<Void> insertCheckpoint(Checkpoint c) {
        return pool.preparedQuery("INSERT INTO audit_checkpoint (tenant, chain_index, entry_hash, signed_at, key_id, signature) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant, chain_index) DO NOTHING")
                .execute(Tuple.from(List.of(c.tenant(), c.chainIndex(), c.entryHash(), utc(c.signedAt()), c.keyId(), c.signature())))
                .replaceWithVoid();
    }

    public Uni<List<Checkpoint>> checkpoints(String tenant, Long fromIndex, Long toIndex) {
        return pool.preparedQuery("SELECT tenant, chain_index, entry_hash, signed_at, key_id, signature FROM audit_checkpoint "
                        + "WHERE tenant = $1 AND chain_index >= $2 AND chain_index <= $3 ORDER BY chain_index")
                .execute(Tuple.of(tenant, fromIndex == null ? 0L : fromIndex, toIndex == null ? Long.MAX_VALUE : toIndex))
                .map(rows -> {
                    List<Checkpoint> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Checkpoint(r.getString("tenant"), r.getLong("chain_index"),
                            r.getString("entry_hash"), r.getOffsetDateTime("signed_at").toInstant(), r.getString("key_id"),
                            r.getString("signature"))));
                    return out;
                });
    }

    // ------------------------------------------------------------------------------------- mapping

    static ChainedEntry chained(Row r) {
        return new ChainedEntry(r.getLong("chain_index"), r.getString("tenant"), r.getString("event_id"),
                r.getString("event_type"), r.getString("source"), r.getString("subject"), r.getString("actor"),
                roles(r.getString("actor_roles")), r.getString("purpose"), r.getString("justification"), r.getString("outcome"),
                r.getOffsetDateTime("occurred_at").toInstant(), r.getOffsetDateTime("recorded_at").toInstant(),
                json(r.getString("data_json")), r.getString("previous_hash"), r.getString("entry_hash"));
    }

    static AuditEntryView view(Row r) {
        return new AuditEntryView(r.getLong("seq"), r.getString("event_id"), r.getString("event_type"), r.getString("source"),
                r.getString("subject"), r.getString("actor"), r.getOffsetDateTime("occurred_at").toInstant(),
                r.getOffsetDateTime("recorded_at").toInstant(), json(r.getString("data_json")), r.getString("tenant"),
                r.getLong("chain_index"), roles(r.getString("actor_roles")), r.getString("purpose"), r.getString("justification"),
                r.getString("outcome"), r.getString("previous_hash"), r.getString("entry_hash"));
    }

    private static List<String> roles(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // a row whose JSON no longer parses was tampered with: keep it verifiable (the hash will not match)
            return Json.mapper().getNodeFactory().textNode(text);
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
