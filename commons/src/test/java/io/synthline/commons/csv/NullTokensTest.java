package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NullTokensTest {
    /** The cell read in place from the middle of a larger buffer, as the reader does. */
    private static boolean isNull(NullTokens nulls, String cell) {
        char[] buffer = ("x," + cell + ",y").toCharArray();
        return nulls.isNull(buffer, 2, cell.length());
    }

    @Test
    void everyPandasTokenIsNullAndNearMissesAreNot() {
        NullTokens nulls = new NullTokens(CsvOptions.defaults());
        for (String t : CsvOptions.PANDAS_NULL_TOKENS) {
            assertThat(isNull(nulls, t)).as(t).isTrue();
        }
        assertThat(isNull(nulls, "")).isTrue();
        for (String v : new String[] {"NAN", "nan1", "Nancy", "1.5", "-1", "#N/A ", " NA", "Null", "n", "1.#INF", "-NaNa"}) {
            assertThat(isNull(nulls, v)).as(v).isFalse();
        }
    }

    @Test
    void customTokensIncludingNonAsciiAndLongOnes() {
        String longToken = "x".repeat(70);
        NullTokens nulls = new NullTokens(CsvOptions.defaults().withNullTokens(Set.of("—", "?", longToken))
                .withEmptyAsNull(false));
        assertThat(isNull(nulls, "—")).isTrue();
        assertThat(isNull(nulls, "?")).isTrue();
        assertThat(isNull(nulls, longToken)).isTrue();
        assertThat(isNull(nulls, "x".repeat(71))).isFalse();
        assertThat(isNull(nulls, "")).isFalse();
        assertThat(isNull(nulls, "NA")).isFalse();
    }
}
