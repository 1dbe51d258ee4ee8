package io.synthline.stack;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Outcome of {@link LocalStack#up()}.
 *
 * @param status       status after up (every component running)
 * @param started      components this call started (callers that own the stack stop exactly these)
 * @param reused       components that were already running and healthy
 * @param startupTimes per started component: launch-to-ready time, including one-time preparation
 *                     such as unpacking or building a distribution
 * @param elapsed      wall time of the whole call
 */
public record UpResult(StackStatus status, Set<Component> started, Set<Component> reused,
                       Map<Component, Duration> startupTimes, Duration elapsed) {

    public UpResult {
        started = Set.copyOf(started);
        reused = Set.copyOf(reused);
        startupTimes = Map.copyOf(startupTimes);
    }
}
