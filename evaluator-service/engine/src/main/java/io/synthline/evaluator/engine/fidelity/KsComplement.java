package io.synthline.evaluator.engine.fidelity;

import java.util.Arrays;

/**
 * SDMetrics' KSComplement: 1 - the two-sample Kolmogorov-Smirnov statistic (largest distance
 * between the empirical CDFs, as scipy's {@code ks_2samp}). Missing values are dropped and values
 * are rounded to 14 decimals first, as SDMetrics does ({@code sys.float_info.dig - 1}).
 */
public final class KsComplement {
    public static final String NAME = "KSComplement";
    private static final double ROUNDING = 1e14;

    private KsComplement() {
    }

    /** Integer-valued columns spanning at most this many values are counted instead of sorted. */
    private static final int COUNTING_SPAN = 1 << 21;

    /** NaN when either side has no values. */
    public static double compute(double[] real, double[] synthetic) {
        double counted = countingStatistic(real, synthetic);
        if (!Double.isNaN(counted)) {
            return 1.0 - counted;
        }
        double[] x = sortedRounded(real);
        double[] y = sortedRounded(synthetic);
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        return 1.0 - statistic(x, y);
    }

    /** The KS statistic of two sorted samples without NaNs. */
    public static double statistic(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * The same statistic by counting, for integer values of a moderate span (ages, hours, amounts):
     * the cumulative counts at each distinct value are exactly what the sorted walk sees. NaN when
     * the data do not qualify.
     */
    static double countingStatistic(double[] real, double[] synthetic) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] side : new double[][] {real, synthetic}) {
            for (double v : side) {
                if (Double.isNaN(v)) {
                    continue;
                }
                if (v != Math.rint(v)) {
                    return Double.NaN;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi || hi - lo >= COUNTING_SPAN) {
            return Double.NaN;
        }
        int span = (int) (hi - lo) + 1;
        int[] cx = new int[span];
        int[] cy = new int[span];
        int nx = count(real, lo, cx);
        int ny = count(synthetic, lo, cy);
        if (nx == 0 || ny == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        double d = 0;
        for (int v = 0; v < span; v++) {
            if (cx[v] == 0 && cy[v] == 0) {
                continue;
            }
            i += cx[v];
            j += cy[v];
            d = Math.max(d, Math.abs((double) i / nx - (double) j / ny));
        }
        return d;
    }

    private static int count(double[] values, double lo, int[] counts) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts[(int) (v - lo)]++;
                n++;
            }
        }
        return n;
    }

    static double[] sortedRounded(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        boolean integral = true;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
                integral &= v == Math.rint(v);
            }
        }
        out = Arrays.copyOf(out, n);
        if (!integral) {
            // numpy's round(x, 14): rint(x * 1e14) / 1e14; integers are unchanged by it
            for (int k = 0; k < n; k++) {
                double scaled = out[k] * ROUNDING;
                out[k] = Double.isInfinite(scaled) ? out[k] : Math.rint(scaled) / ROUNDING;
            }
        }
        Arrays.sort(out);
        return out;
    }
}
