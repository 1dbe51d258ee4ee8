package io.synthline.service.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code job} table (db/jobs/R__job_queue.sql). Enqueueing and recording an outcome happen in
 * the caller's Hibernate Reactive transaction (with its domain writes and outbox events); claims
 * and lease renewals are short statements of their own on the reactive pool.
 */
@ApplicationScoped
public class JobQueue {
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private static final String RETURNING = " RETURNING id, kind, job_key, tenant, payload, attempts, lease_token, last_error, created_at";

    @Inject
    Pool pool;

    /**
     * Queues a job unless one of this kind and key exists already (then nothing happens: a
     * redelivered trigger does not queue twice). Call in the trigger's Hibernate Reactive transaction;
     * true when the job was queued now.
     */
    public Uni<Boolean> enqueue(String kind, String key, String tenant, String payload) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO job (id, kind, job_key, tenant, payload, status, not_before, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, 'QUEUED', now(), now()) ON CONFLICT (kind, job_key) DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, kind)
                .setParameter(3, key)
                .setParameter(4, tenant)
                .setParameter(5, payload)
                .executeUpdate())
                .map(n -> n == 1);
    }

    /**
     * Claims the oldest job of {@code kind} that is queued and due, or running under an expired
     * lease (its worker died or stalled: the reason is kept in {@code last_error}); null when none.
     */
    Uni<Job> claim(String kind, String owner, Duration lease) {
        return pool.preparedQuery("UPDATE job SET status = 'RUNNING', owner = $1, lease_token = lease_token + 1, "
                        + "attempts = attempts + 1, lease_until = now() + $2::bigint * interval '1 millisecond', "
                        + "started_at = coalesce(started_at, now()), "
                        + "last_error = CASE WHEN status = 'RUNNING' THEN 'the worker ' || coalesce(owner, '?') "
                        + "|| ' stopped while running it (killed, out of memory or restarted)' ELSE last_error END "
                        + "WHERE id = (SELECT id FROM job WHERE kind = $3 AND ((status = 'QUEUED' AND not_before <= now()) "
                        + "OR (status = 'RUNNING' AND lease_until < now())) ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + RETURNING)
                .execute(Tuple.of(owner, lease.toMillis(), kind))
                .map(rows -> rows.size() == 0 ? null : job(rows.iterator().next()));
    }

    /** Extends the lease; false when this claim is no longer the job's current one. */
    Uni<Boolean> renew(Job job, Duration lease) {
        return pool.preparedQuery("UPDATE job SET lease_until = now() + $3::bigint * interval '1 millisecond' "
                        + "WHERE id = $1 AND lease_token = $2 AND status = 'RUNNING'")
                .execute(Tuple.of(job.id(), job.leaseToken(), lease.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Puts a failed attempt back in the queue, due after {@code delay}. */
    Uni<Boolean> retryLater(Job job, String reason, Duration delay) {
        return pool.preparedQuery("UPDATE job SET status = 'QUEUED', owner = NULL, lease_until = NULL, last_error = $3, "
                        + "not_before = now() + $4::bigint * interval '1 millisecond' "
                        + "WHERE id = $1 AND lease_token = $2 AND status = 'RUNNING'")
                .execute(Tuple.of(job.id(), job.leaseToken(), reason, delay.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Hands a job back without counting the attempt (the worker is shutting down). */
    Uni<Boolean> release(Job job) {
        return pool.preparedQuery("UPDATE job SET status = 'QUEUED', owner = NULL, lease_until = NULL, attempts = attempts - 1, "
                        + "not_before = now() WHERE id = $1 AND lease_token = $2 AND status = 'RUNNING'")
                .execute(Tuple.of(job.id(), job.leaseToken()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** In the outcome's Hibernate Reactive transaction; fails when the lease was lost. */
    Uni<Void> finish(Job job) {
        return end(job, DONE, null);
    }

    /** In the Hibernate Reactive transaction that records the give-up in the domain. */
    Uni<Void> fail(Job job, String reason) {
        return end(job, FAILED, reason);
    }

    private Uni<Void> end(Job job, String status, String reason) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE job SET status = ?3, owner = NULL, lease_until = NULL, finished_at = now(), "
                                + "last_error = coalesce(?4, last_error) WHERE id = ?1 AND lease_token = ?2 AND status = 'RUNNING'")
                .setParameter(1, job.id())
                .setParameter(2, job.leaseToken())
                .setParameter(3, status)
                .setParameter(4, reason)
                .executeUpdate())
                .invoke(n -> {
                    if (n != 1) {
                        throw new LeaseLostException(job);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Where a job stands, for the views that explain why something waits.
     *
     * @param ahead     queued jobs of the same kind that were queued before it (QUEUED only)
     * @param notBefore when a queued job becomes due (later than now after a failed attempt)
     * @param lastError why the previous attempt ended without an outcome
     */
    public record State(String status, int attempts, String owner, Instant startedAt, Instant notBefore, String lastError,
            long ahead) {
        /** Where the job stands, in words: {@code others} names the jobs of its kind ("generations"). */
        public String explain(String others) {
            if (RUNNING.equals(status)) {
                return "running on " + owner + " since " + startedAt + " (attempt " + attempts
                        + (lastError == null ? "" : "; the previous one: " + lastError) + ")";
            }
            if (!QUEUED.equals(status)) {
                return status.toLowerCase(java.util.Locale.ROOT);
            }
            if (lastError != null) {
                return "attempt " + attempts + " failed (" + lastError + "); queued again, due at " + notBefore;
            }
            return ahead == 0 ? "queued, next to run" : "queued behind " + ahead + " other " + others;
        }
    }

    /** The state of the jobs of {@code kind} with these keys (keys without a job are absent). */
    public Uni<Map<String, State>> states(String kind, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT j.job_key, j.status, j.attempts, j.owner, j.started_at, j.not_before, j.last_error, "
                        + "CASE WHEN j.status = 'QUEUED' THEN (SELECT count(*) FROM job q WHERE q.kind = j.kind "
                        + "AND q.status = 'QUEUED' AND q.created_at < j.created_at) ELSE 0 END AS ahead "
                        + "FROM job j WHERE j.kind = $1 AND j.job_key = ANY($2)")
                .execute(Tuple.of(kind, keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, State> states = new HashMap<>();
                    for (Row r : rows) {
                        states.put(r.getString("job_key"), new State(r.getString("status"), r.getInteger("attempts"),
                                r.getString("owner"), instant(r.getOffsetDateTime("started_at")),
                                instant(r.getOffsetDateTime("not_before")), r.getString("last_error"), r.getLong("ahead")));
                    }
                    return states;
                });
    }

    /** Jobs of {@code kind} by status, for metrics. */
    Uni<Map<String, Long>> counts(String kind) {
        return pool.preparedQuery("SELECT status, count(*) AS n FROM job WHERE kind = $1 AND status IN ('QUEUED', 'RUNNING') "
                        + "GROUP BY status")
                .execute(Tuple.of(kind))
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>(Map.of(QUEUED, 0L, RUNNING, 0L));
                    rows.forEach(r -> counts.put(r.getString("status"), r.getLong("n")));
                    return counts;
                });
    }

    /** Deletes finished jobs older than {@code retention}; returns how many. */
    Uni<Integer> purgeFinished(Duration retention) {
        return pool.preparedQuery("DELETE FROM job WHERE finished_at < now() - $1::bigint * interval '1 millisecond'")
                .execute(Tuple.of(retention.toMillis()))
                .map(rows -> rows.rowCount());
    }

    private static Job job(Row r) {
        return new Job(r.getUUID("id"), r.getString("kind"), r.getString("job_key"), r.getString("tenant"), r.getString("payload"),
                r.getInteger("attempts"), r.getLong("lease_token"), r.getString("last_error"),
                instant(r.getOffsetDateTime("created_at")));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
