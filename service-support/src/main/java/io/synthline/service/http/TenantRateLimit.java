package io.synthline.service.http;

import io.synthline.commons.api.BadInputException;
import io.synthline.service.config.LimitsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many jobs (uploads, generation requests) one tenant may start per minute on one replica: a
 * token bucket per tenant, {@code synthline.limits.jobs-per-minute} (default 60), per tenant
 * {@code synthline.limits.tenants."<tenant>".jobs-per-minute}. Every attempt counts, also one that
 * is refused later as bad input. Over it the answer is 429 with the seconds to wait (problem detail
 * {@code retryAfterSeconds} and the {@code Retry-After} header); nothing is started. Replicas count
 * separately, so the platform-wide allowance is the limit times the replicas.
 */
@ApplicationScoped
public class TenantRateLimit {
    @Inject
    LimitsConfig config;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one job from {@code tenant}'s allowance or refuses with 429. */
    public void acquire(String tenant) {
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(perMinute(t)));
        long waitMillis = bucket.take(System.nanoTime());
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            throw new BadInputException("rate-limited", 429, "too many jobs started by this tenant: at most " + bucket.perMinute
                    + " per minute; try again in " + seconds + " s").detail("retryAfterSeconds", seconds);
        }
    }

    /** Gives {@code tenant} a full minute's allowance again, read afresh from the configuration. */
    public void reset(String tenant) {
        buckets.remove(tenant);
    }

    /**
     * Sets {@code tenant}'s allowance to {@code perMinute} jobs a minute, full at once, until the next
     * {@link #reset}: lets an operator (or a test) tighten one tenant without a restart.
     */
    public void limit(String tenant, int perMinute) {
        buckets.put(tenant, new Bucket(perMinute));
    }

    private int perMinute(String tenant) {
        return config.jobsPerMinute(tenant);
    }

    /** Holds up to a minute's allowance, refilled continuously. */
    static final class Bucket {
        final int perMinute;
        private double tokens;
        private long last;

        Bucket(int perMinute) {
            this.perMinute = perMinute;
            this.tokens = perMinute;
            this.last = System.nanoTime();
        }

        /** 0 when a token was taken, otherwise the milliseconds until one is there. */
        synchronized long take(long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return perMinute <= 0 ? 60_000 : (long) Math.ceil((1 - tokens) / perNano / 1e6);
        }
    }
}
