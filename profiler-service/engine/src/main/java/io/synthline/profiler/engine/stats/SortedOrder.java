package io.synthline.profiler.engine.stats;

/**
 * The row indices of a numeric column in ascending value order, and average ranks read off it.
 * Sorting once per column and ranking any subset of rows by one linear walk is what keeps
 * pairwise Spearman with missing values linear per pair; the sort is an LSD radix sort on the
 * values' order-preserving bit patterns, which carries the indices along without boxing.
 */
public final class SortedOrder {
    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private SortedOrder() {
    }

    /** Indices {@code i < n} with a non-NaN value, sorted by value; equal values keep index order. */
    public static int[] of(double[] values, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                m++;
            }
        }
        long[] keys = new long[m];
        int[] index = new int[m];
        for (int i = 0, k = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                keys[k] = sortableBits(v);
                index[k] = i;
                k++;
            }
        }
        long[] keyBuffer = new long[m];
        int[] indexBuffer = new int[m];
        int[] counts = new int[BUCKETS];
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int k = 0; k < m; k++) {
                counts[(int) (keys[k] >>> shift) & (BUCKETS - 1)]++;
            }
            if (m == 0 || counts[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == m) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            for (int b = 0, start = 0; b < BUCKETS; b++) {
                int c = counts[b];
                counts[b] = start;
                start += c;
            }
            for (int k = 0; k < m; k++) {
                int slot = counts[(int) (keys[k] >>> shift) & (BUCKETS - 1)]++;
                keyBuffer[slot] = keys[k];
                indexBuffer[slot] = index[k];
            }
            long[] tk = keys;
            keys = keyBuffer;
            keyBuffer = tk;
            int[] ti = index;
            index = indexBuffer;
            indexBuffer = ti;
        }
        return index;
    }

    /**
     * Average ranks (1-based) of the rows in {@code include} (all rows with a value when null),
     * ranked among themselves; NaN for every other row.
     *
     * @param order {@link #of} for the same values
     */
    public static double[] ranks(double[] values, int[] order, boolean[] include, int n) {
        double[] ranks = new double[n];
        java.util.Arrays.fill(ranks, Double.NaN);
        int rank = 0;
        int k = 0;
        while (k < order.length) {
            // one run of equal values: its included rows share the mean of their ranks
            double v = values[order[k]];
            int end = k;
            int included = 0;
            while (end < order.length && values[order[end]] == v) {
                if (include == null || include[order[end]]) {
                    included++;
                }
                end++;
            }
            if (included > 0) {
                double average = rank + (included + 1) / 2.0;
                for (int j = k; j < end; j++) {
                    if (include == null || include[order[j]]) {
                        ranks[order[j]] = average;
                    }
                }
                rank += included;
            }
            k = end;
        }
        return ranks;
    }

    /** A long whose unsigned order is the double's numeric order (-0.0 and 0.0 alike). */
    private static long sortableBits(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        // negative doubles order backwards by their bits and below the positives: flip all their bits;
        // positives go above them by setting the sign bit
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }
}
