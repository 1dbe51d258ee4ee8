package io.synthline.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How event consumers retry a handler that failed ({@code synthline.consumer.*}). */
@ConfigMapping(prefix = "synthline.consumer")
public interface ConsumerConfig {
    Retry retry();

    /** {@code synthline.consumer.retry.*}: backoff doubling from {@code initial-backoff} up to {@code max-backoff}. */
    interface Retry {
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** After this the event goes to the dead-letter topic. */
        @WithDefault("1h")
        Duration giveUpAfter();
    }
}
