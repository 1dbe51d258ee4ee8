package io.synthline.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The job workers ({@code synthline.jobs.*}); each job kind may set its own {@code synthline.jobs.<kind>.*}. */
@ConfigMapping(prefix = "synthline.jobs")
public interface JobsConfig {
    Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    /** How often an idle worker looks for a job (a local enqueue wakes it at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a claimed job stays a worker's without renewal; renewed every third of it. */
    @WithDefault("30s")
    Duration lease();

    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt, doubling after each further one. */
    @WithDefault("10s")
    Duration retryBackoff();

    /** How long finished and given-up jobs are kept. */
    @WithDefault("7d")
    Duration retention();

    /** This process's name in the queue; the replica's id when unset. */
    Optional<String> workerId();

    /** Per job kind ({@code generation}, {@code evaluation}, ...). */
    @WithParentName
    Map<String, Kind> kinds();

    /** {@code synthline.jobs.<kind>.*} */
    interface Kind {
        /** Worker threads for this kind on each replica. */
        @WithDefault("1")
        int concurrency();

        /** A job of this kind running longer than this (per attempt) is given up. */
        @WithDefault("1h")
        Duration timeout();
    }

    default int concurrency(String kind) {
        Kind k = kinds().get(kind);
        return k == null ? 1 : k.concurrency();
    }

    default Duration timeout(String kind) {
        Kind k = kinds().get(kind);
        return k == null ? DEFAULT_TIMEOUT : k.timeout();
    }
}
