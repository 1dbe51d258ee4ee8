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
}
