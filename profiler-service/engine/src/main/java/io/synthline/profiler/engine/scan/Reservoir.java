package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform sample of a column's non-missing values, seeded, so it repeats exactly. Li's
 * algorithm L (ACM TOMS 20(4), 1994): once full, it draws the gap to the next replaced value
 * instead of a random number per value, so a long column costs O(k log(n/k)) random draws.
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

    private long skip() {
        double gap = Math.floor(Math.log(uniform()) / Math.log(1 - w));
        return gap >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) gap;
    }

    /** Uniform on the open interval (0, 1). */
    private double uniform() {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    List<String> values() {
        int n = (int) Math.min(seen, slots.length);
        return new ArrayList<>(Arrays.asList(slots).subList(0, n));
    }
}
