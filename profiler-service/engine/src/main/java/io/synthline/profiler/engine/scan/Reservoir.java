package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * A uniform sample of a column's non-missing values, seeded, so it repeats exactly. Li's
 * algorithm L (ACM TOMS 20(4), 1994): once full, it draws the gap to the next replaced value
 * instead of a random number per value, so a long column costs O(k log(n/k)) random draws.
 *
 * <p>A column counted by a dictionary offers nothing while it is exact: the sample is drawn from
 * the counts once ({@link #offerCounted}), when the pass ends or the dictionary overflows and the
 * column carries on value by value. In algorithm L's terms every value gets a uniform key and the
 * sample is the k smallest, with {@code w} the largest of them; after n values that is the k-th
 * smallest of n uniform keys, Beta(k, n - k + 1) distributed, so drawing k of the n counted values
 * without replacement and {@code w} from that Beta distribution leaves the reservoir exactly as if
 * every value had been offered (in distribution), at the cost of k draws instead of thousands of
 * replacements with their logarithms on a short column.
 */
final class Reservoir {
    private final String[] slots;
    private final SplittableRandom random;
    private long seen;
    private double w;
    private long next;

    Reservoir(int capacity, long seed) {
        this.slots = new String[capacity];
        this.random = new SplittableRandom(seed);
    }

    /** Takes part in the draw; the text is copied only when it is drawn. */
    void offer(CharSequence value) {
        long i = seen++;
        if (i < slots.length) {
            slots[(int) i] = value.toString();
            if (i == slots.length - 1) {
                w = Math.exp(Math.log(uniform()) / slots.length);
                next = i + 1 + skip();
            }
        } else if (i == next) {
            slots[random.nextInt(slots.length)] = value.toString();
            w *= Math.exp(Math.log(uniform()) / slots.length);
            next = i + 1 + skip();
        }
    }

    /**
     * Offers, in one step, the values a dictionary counted: value {@code code} {@code counts[code]}
     * times, named by {@code valueOfCode}. Only before anything else was offered.
     */
    void offerCounted(long[] counts, IntFunction<String> valueOfCode) {
        if (seen != 0) {
            throw new IllegalStateException("counted values go first, before any value is offered one by one");
        }
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        int k = slots.length;
        if (n < k) {
            int s = 0;
            for (int code = 0; code < counts.length; code++) {
                String v = counts[code] > 0 ? valueOfCode.apply(code) : null;
                for (long c = 0; c < counts[code]; c++) {
                    slots[s++] = v;
                }
            }
            seen = n;
            return;
        }
        long[] positions = distinctPositions(n, k);
        int s = 0;
        long end = 0;
        for (int code = 0; code < counts.length && s < k; code++) {
            end += counts[code];
            String v = null;
            while (s < k && positions[s] < end) {
                if (v == null) {
                    v = valueOfCode.apply(code);
                }
                slots[s++] = v;
            }
        }
        seen = n;
        w = BetaDistribution.of(k, n - k + 1).createSampler(random::nextLong).sample();
        next = n + skip();
    }

    /** {@code k} distinct numbers from [0, n), every such set equally likely (Floyd's algorithm), sorted. */
    private long[] distinctPositions(long n, int k) {
        Set<Long> chosen = new HashSet<>(2 * k);
        for (long j = n - k; j < n; j++) {
            long t = random.nextLong(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        long[] positions = chosen.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(positions);
        return positions;
    }

    private long skip() {
        double gap = Math.floor(Math.log(uniform()) / Math.log(1 - w));
        return gap >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) gap;
    }

    /** Uniform on the open interval (0, 1). */
    private double uniform() {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** The sample, in slot order. */
    List<String> values() {
        int n = (int) Math.min(seen, slots.length);
        return new ArrayList<>(Arrays.asList(slots).subList(0, n));
    }
}
