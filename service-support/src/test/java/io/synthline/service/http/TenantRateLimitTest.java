package io.synthline.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;

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

    @Test
    void aTenantsLimitSetAtRuntimeHoldsBackOnlyThatTenant() {
        TenantRateLimit limits = new TenantRateLimit();
        limits.limit("acme", 1);
        limits.limit("globex", 2);
        limits.acquire("acme");
        assertThatThrownBy(() -> limits.acquire("acme")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at most 1 per minute");
        limits.acquire("globex");
        limits.acquire("globex");
    }
}
