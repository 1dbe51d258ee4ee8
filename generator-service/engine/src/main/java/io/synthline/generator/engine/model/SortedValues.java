package io.synthline.generator.engine.model;

import java.util.Arrays;

/** Helpers for columns of numbers sorted with {@link Arrays#sort(double[])} (so equal means {@link Double#compare} equal). */
public final class SortedValues {
    private SortedValues() {
    }

    /** The present (non-NaN) values, ascending. */
    public static double[] present(double[] values) {
        double[] sorted = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[n++] = v;
            }
        }
        sorted = n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The distinct values of an ascending array, in one pass (a stream's distinct() would box and hash every value). */
    public static double[] distinct(double[] sorted) {
        double[] distinct = new double[sorted.length];
        int n = 0;
        for (double v : sorted) {
            if (n == 0 || Double.compare(distinct[n - 1], v) != 0) {
                distinct[n++] = v;
            }
        }
        return Arrays.copyOf(distinct, n);
    }
}
