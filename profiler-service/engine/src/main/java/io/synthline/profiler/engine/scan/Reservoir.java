package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A uniform sample of a column's non-missing values, seeded, so it repeats exactly. Li's
 * algorithm L (ACM TOMS 20(4), 1994): once full, it draws the gap to the next replaced value
 * instead of a random number per value, so a long column costs O(k log(n/k)) random draws.
 *
 * <p>A value its owner can name by a dictionary code is kept as that code, not as a string (a
 * small file replaces thousands of values per column); the owner turns codes into text with
 * {@link #resolveCodes} before its dictionary goes away.
 */
final class Reservoir {
    private final String[] slots;
    /** A slot's dictionary code plus one while it holds the value by code, 0 when it holds the text. */
    private final int[] codes;
    private final SplittableRandom random;
    private long seen;
    private double w;
    private long next;

    Reservoir(int capacity, long seed) {
        this.slots = new String[capacity];
        this.codes = new int[capacity];
        this.random = new SplittableRandom(seed);
    }

    /** Takes part in the draw; the text is copied only when it is drawn. */
    void offer(CharSequence value) {
        offer(value, -1);
    }

    /** {@link #offer(CharSequence)}, keeping the value by {@code code} (when not negative) instead of copying its text. */
    void offer(CharSequence value, int code) {
        long i = seen++;
        if (i < slots.length) {
            keep((int) i, value, code);
            if (i == slots.length - 1) {
                w = Math.exp(Math.log(uniform()) / slots.length);
                next = i + 1 + skip();
            }
        } else if (i == next) {
            keep(random.nextInt(slots.length), value, code);
            w *= Math.exp(Math.log(uniform()) / slots.length);
            next = i + 1 + skip();
        }
    }

    private void keep(int slot, CharSequence value, int code) {
        if (code >= 0) {
            codes[slot] = code + 1;
            slots[slot] = null;
        } else {
            codes[slot] = 0;
            slots[slot] = value.toString();
        }
    }

    /** Replaces every value kept by code with its text. */
    void resolveCodes(IntFunction<String> valueOfCode) {
        for (int s = 0; s < slots.length; s++) {
            if (codes[s] != 0) {
                slots[s] = valueOfCode.apply(codes[s] - 1);
                codes[s] = 0;
            }
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

    /** The sample, in slot order; every value kept by code must have been resolved. */
    List<String> values() {
        int n = (int) Math.min(seen, slots.length);
        for (int s = 0; s < n; s++) {
            if (codes[s] != 0) {
                throw new IllegalStateException("the sample still holds dictionary codes: resolve them first");
            }
        }
        return new ArrayList<>(Arrays.asList(slots).subList(0, n));
    }
}
