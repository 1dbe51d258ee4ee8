package io.synthline.profiler.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ReservoirTest {
    @Test
    void everyPositionIsEquallyLikelyToBeSampled() {
        int n = 10_000;
        int k = 100;
        int runs = 2_000;
        int bins = 10;
        long[] hits = new long[bins];
        for (int seed = 0; seed < runs; seed++) {
            Reservoir r = new Reservoir(k, seed);
            for (int i = 0; i < n; i++) {
                r.offer(Integer.toString(i));
            }
            var sample = r.values();
            assertThat(sample).hasSize(k);
            assertThat(new HashSet<>(sample)).hasSize(k);
            for (String v : sample) {
                hits[Integer.parseInt(v) * bins / n]++;
            }
        }
        double expected = (double) runs * k / bins; // 20,000 per bin; binomial sd about 134
        for (long h : hits) {
            assertThat((double) h).isCloseTo(expected, within(6 * Math.sqrt(expected)));
        }
    }

    @Test
    void keepsEverythingUntilFullAndRepeatsForTheSameSeed() {
        Reservoir a = new Reservoir(5, 1);
        Reservoir b = new Reservoir(5, 1);
        for (int i = 0; i < 3; i++) {
            a.offer("v" + i);
        }
        assertThat(a.values()).containsExactly("v0", "v1", "v2");
        for (int i = 3; i < 1000; i++) {
            a.offer("v" + i);
        }
        for (int i = 0; i < 1000; i++) {
            b.offer("v" + i);
        }
        assertThat(a.values()).isEqualTo(b.values());
    }

    /** Values kept by dictionary code come out as the same sample as values kept as text, once resolved. */
    @Test
    void valuesKeptByCodeResolveToTheSameSample() {
        Reservoir byText = new Reservoir(50, 7);
        Reservoir byCode = new Reservoir(50, 7);
        java.util.List<String> dictionary = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String v = "v" + (i * 7919 % 300);
            int code = dictionary.indexOf(v);
            if (code < 0) {
                dictionary.add(v);
                code = dictionary.size() - 1;
            }
            byText.offer(v);
            // the second half as text, as after the owner's dictionary overflowed
            byCode.offer(v, i < 10_000 ? code : -1);
            if (i == 9_999) {
                byCode.resolveCodes(dictionary::get);
            }
        }
        assertThat(byCode.values()).isEqualTo(byText.values());

        Reservoir unresolved = new Reservoir(5, 1);
        unresolved.offer("x", 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(unresolved::values).isInstanceOf(IllegalStateException.class);
    }
}
