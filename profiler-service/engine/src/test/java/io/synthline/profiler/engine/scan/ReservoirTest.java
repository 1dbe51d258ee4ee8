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

    /**
     * A dictionary's counts offered in one step are sampled like the values offered one by one:
     * each value in proportion to its count, and a column that carries on value by value after
     * them (its dictionary overflowed) keeps every position equally likely. That needs the right
     * threshold after the counted values (the k-th smallest of n uniform keys): too high and the
     * later values crowd out the counted ones, too low and they are under-sampled.
     */
    @Test
    void countedValuesThenValuesOneByOneKeepEveryPositionEquallyLikely() {
        int counted = 3_000;
        int n = 10_000;
        int k = 100;
        int runs = 2_000;
        int bins = 10;
        long[] counts = new long[30];
        java.util.Arrays.fill(counts, counted / counts.length);
        long[] hits = new long[bins];
        long[] perValue = new long[counts.length];
        for (int seed = 0; seed < runs; seed++) {
            Reservoir r = new Reservoir(k, seed);
            r.offerCounted(counts, code -> "c" + code);
            for (int i = counted; i < n; i++) {
                r.offer(Integer.toString(i));
            }
            var sample = r.values();
            assertThat(sample).hasSize(k);
            for (String v : sample) {
                if (v.startsWith("c")) {
                    perValue[Integer.parseInt(v.substring(1))]++;
                } else {
                    hits[Integer.parseInt(v) * bins / n]++;
                }
            }
        }
        long countedHits = java.util.Arrays.stream(perValue).sum();
        double expected = (double) runs * k / bins;
        assertThat((double) countedHits).isCloseTo(3 * expected, within(6 * Math.sqrt(3 * expected)));
        for (int b = 3; b < bins; b++) {
            assertThat((double) hits[b]).isCloseTo(expected, within(6 * Math.sqrt(expected)));
        }
        double perValueExpected = (double) runs * k * counts[0] / n; // 2,000 each
        for (long h : perValue) {
            assertThat((double) h).isCloseTo(perValueExpected, within(6 * Math.sqrt(perValueExpected)));
        }
    }

    @Test
    void countedValuesAreSampledInProportionToTheirCounts() {
        long[] counts = {5_000, 3_000, 0, 1_500, 500};
        int k = 100;
        int runs = 1_000;
        long[] perValue = new long[counts.length];
        for (int seed = 0; seed < runs; seed++) {
            Reservoir r = new Reservoir(k, seed);
            r.offerCounted(counts, code -> "v" + code);
            var sample = r.values();
            assertThat(sample).hasSize(k);
            for (String v : sample) {
                perValue[Integer.parseInt(v.substring(1))]++;
            }
        }
        for (int code = 0; code < counts.length; code++) {
            double p = counts[code] / 10_000.0;
            double expected = runs * k * p;
            // drawn without replacement: the variance is below the binomial's
            assertThat((double) perValue[code]).isCloseTo(expected, within(6 * Math.sqrt(runs * k * p * (1 - p)) + 1e-9));
        }
    }

    @Test
    void fewerCountedValuesThanSlotsAreAllKeptAndTheSampleFillsUpAfterThem() {
        Reservoir r = new Reservoir(5, 3);
        r.offerCounted(new long[] {2, 0, 1}, code -> "v" + code);
        assertThat(r.values()).containsExactly("v0", "v0", "v2");
        r.offer("x");
        r.offer("y");
        assertThat(r.values()).containsExactly("v0", "v0", "v2", "x", "y");
        for (int i = 0; i < 1_000; i++) {
            r.offer("z" + i);
        }
        assertThat(r.values()).hasSize(5);

        Reservoir a = new Reservoir(50, 11);
        Reservoir b = new Reservoir(50, 11);
        for (Reservoir x : java.util.List.of(a, b)) {
            x.offerCounted(new long[] {700, 300, 25}, code -> "v" + code);
            for (int i = 0; i < 5_000; i++) {
                x.offer("u" + i);
            }
        }
        assertThat(a.values()).isEqualTo(b.values());
    }

    @Test
    void countedValuesMustComeFirst() {
        Reservoir r = new Reservoir(5, 1);
        r.offer("x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.offerCounted(new long[] {1}, code -> "v"))
                .isInstanceOf(IllegalStateException.class);
    }
}
