package io.synthline.service.scheduling;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a scheduled task once per period across all replicas of a service: every replica's
 * scheduler fires, the first to claim the period in the {@code scheduler_run} table runs the task,
 * the others skip it. A period is claimed when the last run started at least 90 % of a period ago
 * (a replica's own next tick, a little early, still finds its period over).
 */
@ApplicationScoped
public class OncePerPeriod {
    @Inject
    Pool pool;

    /** True when this replica claimed the current period of {@code task}. */
    public Uni<Boolean> claim(String task, Duration period) {
        return pool.preparedQuery("INSERT INTO scheduler_run (name, last_run_at, owner) VALUES ($1, now(), $3) "
                        + "ON CONFLICT (name) DO UPDATE SET last_run_at = now(), owner = $3 "
                        + "WHERE scheduler_run.last_run_at <= now() - $2::bigint * interval '1 millisecond' RETURNING name")
                .execute(Tuple.of(task, period.toMillis() * 9 / 10, Replica.id()))
                .map(rows -> rows.size() == 1);
    }

    /** Runs {@code work} when this replica claimed the period; an empty item otherwise. */
    public <T> Uni<T> run(String task, Duration period, Supplier<Uni<T>> work) {
        return claim(task, period).chain(claimed -> claimed ? work.get() : Uni.createFrom().nullItem());
    }
}
