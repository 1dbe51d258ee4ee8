package io.synthline.profiler.engine.stats;

import java.util.Arrays;

/**
 * Pairwise association measures over rows where both values are present (pairwise deletion, as
 * pandas does). Missing numbers are NaN, missing category codes are negative. Each returns NaN
 * when the measure is undefined (fewer than two rows, or a constant side).
 */
public final class Associations {
    private Associations() {
    }

    /** Result and the number of rows it used. */
    public record Value(double value, long n) {
    }

    /** Pearson's r, two-pass (means first) for accuracy. */
    public static Value pearson(double[] x, double[] y, int n) {
        double sx = 0;
        double sy = 0;
        long m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                m++;
            }
        }
        if (m < 2) {
            return new Value(Double.NaN, m);
        }
        double mx = sx / m;
        double my = sy / m;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return new Value(Double.NaN, m);
        }
        return new Value(clamp(sxy / Math.sqrt(sxx * syy)), m);
    }

    /**
     * Spearman's rho over the rows where both are present: Pearson's r of average ranks computed
     * within those rows (ties share the mean of their ranks), as pandas does with pairwise deletion.
     */
    public static Value spearman(double[] x, double[] y, int n) {
        return spearman(x, SortedOrder.of(x, n), y, SortedOrder.of(y, n), n);
    }

    /**
     * {@link #spearman(double[], double[], int)} with each side's sorted order computed once per
     * column, so a pair costs linear time instead of two sorts.
     */
    public static Value spearman(double[] x, int[] xOrder, double[] y, int[] yOrder, int n) {
        boolean[] both = new boolean[n];
        for (int i = 0; i < n; i++) {
            both[i] = !Double.isNaN(x[i]) && !Double.isNaN(y[i]);
        }
        return pearson(SortedOrder.ranks(x, xOrder, both, n), SortedOrder.ranks(y, yOrder, both, n), n);
    }

    /** Average ranks (1-based), as R's and pandas' default tie method; NaN where the value is NaN. */
    public static double[] ranks(double[] values) {
        return SortedOrder.ranks(values, SortedOrder.of(values, values.length), null, values.length);
    }

    /**
     * Cramér's V from Pearson's chi-squared of the contingency table (no continuity correction):
     * sqrt(chi2 / (n * (min(r, c) - 1))), over categories that occur in the paired rows.
     */
    public static Value cramersV(int[] a, int categoriesA, int[] b, int categoriesB, int n) {
        // one flat table, in LANES copies for the reason given at correlationRatio; the margins are
        // summed from it afterwards instead of being counted per row
        int cells = categoriesA * categoriesB;
        int[] laneTable = new int[cells * LANES];
        for (int i = 0; i < n; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                laneTable[(a[i] * categoriesB + b[i]) * LANES + (i & (LANES - 1))]++;
            }
        }
        long[][] table = new long[categoriesA][categoriesB];
        long[] rowSums = new long[categoriesA];
        long[] colSums = new long[categoriesB];
        long m = 0;
        for (int i = 0; i < categoriesA; i++) {
            for (int j = 0; j < categoriesB; j++) {
                int at = (i * categoriesB + j) * LANES;
                long count = 0;
                for (int lane = 0; lane < LANES; lane++) {
                    count += laneTable[at + lane];
                }
                table[i][j] = count;
                rowSums[i] += count;
                colSums[j] += count;
                m += count;
            }
        }
        int r = (int) Arrays.stream(rowSums).filter(v -> v > 0).count();
        int c = (int) Arrays.stream(colSums).filter(v -> v > 0).count();
        if (m < 2 || r < 2 || c < 2) {
            return new Value(Double.NaN, m);
        }
        double chi2 = 0;
        for (int i = 0; i < categoriesA; i++) {
            if (rowSums[i] == 0) {
                continue;
            }
            for (int j = 0; j < categoriesB; j++) {
                if (colSums[j] == 0) {
                    continue;
                }
                double expected = (double) rowSums[i] * colSums[j] / m;
                double d = table[i][j] - expected;
                chi2 += d * d / expected;
            }
        }
        return new Value(clamp(Math.sqrt(chi2 / (m * (double) (Math.min(r, c) - 1)))), m);
    }

    /**
     * The correlation ratio eta: sqrt(between-category sum of squares / total sum of squares) of y by category.
     * Per-category sums are kept in {@link #LANES} copies, row i in copy i % LANES: with few
     * categories, consecutive rows mostly add to the same sum, and one copy would make each addition
     * wait for the previous one's store.
     */
    public static Value correlationRatio(int[] categories, int categoryCount, double[] y, int n) {
        double[] laneSums = new double[categoryCount * LANES];
        long[] laneCounts = new long[categoryCount * LANES];
        for (int i = 0; i < n; i++) {
            int c = categories[i];
            if (c >= 0 && !Double.isNaN(y[i])) {
                int k = c * LANES + (i & (LANES - 1));
                laneSums[k] += y[i];
                laneCounts[k]++;
            }
        }
        double[] sums = new double[categoryCount];
        long[] counts = new long[categoryCount];
        double total = 0;
        long m = 0;
        for (int c = 0; c < categoryCount; c++) {
            for (int lane = 0; lane < LANES; lane++) {
                sums[c] += laneSums[c * LANES + lane];
                counts[c] += laneCounts[c * LANES + lane];
            }
            total += sums[c];
            m += counts[c];
        }
        if (m < 2) {
            return new Value(Double.NaN, m);
        }
        double mean = total / m;
        double[] means = new double[categoryCount];
        for (int k = 0; k < categoryCount; k++) {
            means[k] = counts[k] == 0 ? 0 : sums[k] / counts[k];
        }
        double between = 0;
        for (int k = 0; k < categoryCount; k++) {
            if (counts[k] > 0) {
                double d = means[k] - mean;
                between += counts[k] * d * d;
            }
        }
        double totalSquares = 0;
        for (int i = 0; i < n; i++) {
            if (categories[i] >= 0 && !Double.isNaN(y[i])) {
                double d = y[i] - mean;
                totalSquares += d * d;
            }
        }
        if (totalSquares == 0) {
            return new Value(Double.NaN, m);
        }
        return new Value(clamp(Math.sqrt(between / totalSquares)), m);
    }

    /** Copies of per-category accumulators (a power of two). */
    private static final int LANES = 4;

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
