package io.synthline.profiler.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.profile.TableSummary;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Duplicate rows counted from row hashes: exactly while the distinct rows fit, and once they do not,
 * exactly what a sample of the hashes with {@code level} leading zero bits gives, scaled up.
 */
class DuplicateRowTrackerTest {
    @Test
    void countsExactlyWhileTheRowsFit() {
        DuplicateRowTracker tracker = new DuplicateRowTracker(100_000);
        Map<Long, Integer> seen = feed(tracker, 60_000, 20_000, 1);
        TableSummary.DuplicateRows result = tracker.result();
        assertThat(result.exact()).isTrue();
        assertThat(result.count()).isEqualTo(60_000 - seen.size()).isGreaterThan(15_000);
    }

    @Test
    void beyondItsCapacityItScalesUpTheDuplicatesOfAHashSample() {
        DuplicateRowTracker tracker = new DuplicateRowTracker(4_096);
        int rows = 150_000;
        Map<Long, Integer> seen = feed(tracker, rows, 100_000, 2);
        TableSummary.DuplicateRows result = tracker.result();
        assertThat(result.exact()).isFalse();
        int level = Long.numberOfTrailingZeros((long) (1 / result.sampleFraction()));
        assertThat(level).isBetween(4, 7);
        long sampledDuplicates = 0;
        long trueDuplicates = 0;
        for (Map.Entry<Long, Integer> e : seen.entrySet()) {
            trueDuplicates += e.getValue() - 1;
            if (Long.numberOfLeadingZeros(e.getKey()) >= level) {
                sampledDuplicates += e.getValue() - 1;
            }
        }
        assertThat(result.count()).isEqualTo(Math.min(rows - 1, Math.round(sampledDuplicates * Math.pow(2, level))));
        // and the estimate is near the truth: about 2,000 duplicates in the sample, four standard errors
        assertThat((double) result.count()).isCloseTo(trueDuplicates, org.assertj.core.data.Percentage.withPercentage(12));
    }

    /** Adds {@code rows} row hashes drawn from {@code distinct} random ones; returns how often each was added. */
    private static Map<Long, Integer> feed(DuplicateRowTracker tracker, int rows, int distinct, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] pool = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            pool[i] = random.nextLong() | 1;
        }
        Map<Long, Integer> seen = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            long h = pool[random.nextInt(distinct)];
            tracker.add(h);
            seen.merge(h, 1, Integer::sum);
        }
        return seen;
    }
}
