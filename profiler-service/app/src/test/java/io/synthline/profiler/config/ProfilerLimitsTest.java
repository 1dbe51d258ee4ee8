package io.synthline.profiler.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import org.junit.jupiter.api.Test;

class ProfilerLimitsTest {
    static final ProfilerConfig.Limits LIMITS = new ProfilerConfig.Limits(1000, 10, 100, 50, 5000);

    @Test
    void uploadsWithinTheQuotasPass() {
        assertThatCode(() -> LIMITS.checkQuota(50, 1000, 4000)).doesNotThrowAnyException();
    }

    @Test
    void tooManyRowsOrTooManyStoredBytesAre413() {
        assertThatThrownBy(() -> LIMITS.checkQuota(51, 10, 0)).isInstanceOf(BadInputException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((BadInputException) e).status()).isEqualTo(413))
                .hasMessageContaining("at most 50");
        assertThatThrownBy(() -> LIMITS.checkQuota(10, 1001, 4000)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("over its quota of 5000");
    }
}
