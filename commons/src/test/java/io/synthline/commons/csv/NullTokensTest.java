package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NullTokensTest {
    @Test
    void everyPandasTokenIsNullAndNearMissesAreNot() {
        NullTokens nulls = new NullTokens(CsvOptions.defaults());
        for (String t : CsvOptions.PANDAS_NULL_TOKENS) {
            assertThat(nulls.isNull(t)).as(t).isTrue();
        }
        assertThat(nulls.isNull(null)).isTrue();
        assertThat(nulls.isNull("")).isTrue();
        for (String v : new String[] {"NAN", "nan1", "Nancy", "1.5", "-1", "#N/A ", " NA", "Null", "n", "1.#INF", "-NaNa"}) {
            assertThat(nulls.isNull(v)).as(v).isFalse();
        }
    }

    @Test
    void customTokensIncludingNonAsciiAndLongOnes() {
        String longToken = "x".repeat(70);
        NullTokens nulls = new NullTokens(CsvOptions.defaults().withNullTokens(Set.of("—", "?", longToken))
                .withEmptyAsNull(false));
        assertThat(nulls.isNull("—")).isTrue();
        assertThat(nulls.isNull("?")).isTrue();
        assertThat(nulls.isNull(longToken)).isTrue();
        assertThat(nulls.isNull("x".repeat(71))).isFalse();
        assertThat(nulls.isNull("")).isFalse();
        assertThat(nulls.isNull("NA")).isFalse();
    }
}
