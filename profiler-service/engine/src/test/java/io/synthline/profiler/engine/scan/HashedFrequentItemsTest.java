package io.synthline.profiler.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.table.ValueHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HashedFrequentItemsTest {
    private static final int MAP_SIZE = 256;

    /**
     * A few heavy values in a stream of singletons and of values repeated a handful of times, so
     * the sketch purges often and the side table is pruned many times over.
     */
    @Test
    void namesEveryReportedValueAndBoundsItsTrueCount() {
        SplittableRandom random = new SplittableRandom(11);
        HashedFrequentItems sketch = new HashedFrequentItems(MAP_SIZE);
        Map<String, Long> truth = new HashMap<>();
        long total = 0;
        for (int i = 0; i < 400_000; i++) {
            int kind = random.nextInt(10);
            String v = kind == 0 ? "heavy-" + random.nextInt(8)
                    : kind < 4 ? "repeated-" + random.nextInt(20_000)
                    : "single-" + i;
            sketch.update(ValueHash.of(v), v);
            truth.merge(v, 1L, Long::sum);
            total++;
        }
        // seeded counts, as when a dictionary hands over to the sketch
        for (int k = 0; k < 50; k++) {
            String v = "seeded-" + k;
            sketch.update(ValueHash.of(v), v, 1000 + k);
            truth.merge(v, 1000L + k, Long::sum);
            total += 1000 + k;
        }
        List<HashedFrequentItems.Row> rows = sketch.frequentItems();
        assertThat(rows).isNotEmpty();
        for (HashedFrequentItems.Row r : rows) {
            long actual = truth.getOrDefault(r.value(), 0L);
            assertThat(actual).as(r.value()).isBetween(r.lowerBound(), r.upperBound());
            assertThat(r.estimate()).as(r.value()).isBetween(r.lowerBound(), r.upperBound());
        }
        // the sketch's guarantee: a count of at least twice the maximum error is always reported
        long maxError = rows.stream().mapToLong(r -> r.upperBound() - r.lowerBound()).max().orElseThrow();
        assertThat(maxError).isPositive().isLessThan(total * 4 / MAP_SIZE);
        List<String> reported = rows.stream().map(HashedFrequentItems.Row::value).toList();
        truth.forEach((value, count) -> {
            if (count >= 2 * maxError) {
                assertThat(reported).as("count " + count + ", max error " + maxError).contains(value);
            }
        });
        for (int k = 0; k < 8; k++) {
            assertThat(reported).contains("heavy-" + k);
        }
    }

    @Test
    void exactWhileTheSketchHasNotPurged() {
        HashedFrequentItems sketch = new HashedFrequentItems(MAP_SIZE);
        Map<String, Long> truth = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String v = "v" + (i % 100);
            sketch.update(ValueHash.of(v), v);
            truth.merge(v, 1L, Long::sum);
        }
        List<HashedFrequentItems.Row> rows = sketch.frequentItems();
        assertThat(rows).hasSize(100);
        rows.forEach(r -> {
            assertThat(r.lowerBound()).isEqualTo(truth.get(r.value()));
            assertThat(r.upperBound()).isEqualTo(truth.get(r.value()));
        });
    }

    /** After one purge of singletons the maximum error is 1, and values seen once are reported too. */
    @Test
    void namesValuesSeenOnceWhenTheErrorIsOne() {
        HashedFrequentItems sketch = new HashedFrequentItems(MAP_SIZE);
        for (int i = 0; i < MAP_SIZE; i++) {
            sketch.update(ValueHash.of("id-" + i), "id-" + i);
        }
        List<HashedFrequentItems.Row> rows = sketch.frequentItems();
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.value()).startsWith("id-");
            assertThat(r.upperBound() - r.lowerBound()).isEqualTo(1);
        });
    }
}
