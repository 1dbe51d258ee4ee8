package io.synthline.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay ({@code synthline.outbox.*}). */
@ConfigMapping(prefix = "synthline.outbox")
public interface OutboxConfig {
    /** How often pending events are relayed; the scheduler reads it through its {@code every} expression. */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** How long one send to Kafka may take before the batch is tried again. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long sent records are kept. */
    @WithDefault("7d")
    Duration retention();

    /** How often (once per period across replicas) sent records past the retention are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();
}
