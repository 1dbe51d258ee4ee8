package io.synthline.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantRateLimitTest {
    @Test
    void aMinutesAllowanceThenOneJobPerShareOfAMinute() {
        TenantRateLimit.Bucket b = new TenantRateLimit.Bucket(3);
        long t = System.nanoTime();
        assertThat(b.take(t)).isZero();
        assertThat(b.take(t)).isZero();
        assertThat(b.take(t)).isZero();
        // the fourth waits a third of a minute
        assertThat(b.take(t)).isBetween(19_000L, 20_001L);
        assertThat(b.take(t + 20_000_000_000L)).isZero();
        assertThat(b.take(t + 20_000_000_000L)).isPositive();
    }
}
