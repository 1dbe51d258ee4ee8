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

    /** Spearman's rho: Pearson's r of average ranks (ties share the mean of their ranks). */
    public static Value spearman(double[] x, double[] y, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                m++;
            }
        }
        double[] a = new double[m];
        double[] b = new double[m];
        for (int i = 0, k = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[k] = x[i];
                b[k] = y[i];
                k++;
            }
        }
        return pearson(ranks(a), ranks(b), m);
    }

    /** Average ranks (1-based), as R's and pandas' default tie method. NaN-free input. */
    public static double[] ranks(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            int first = firstIndexOf(sorted, values[i]);
            int last = firstIndexOf(sorted, Math.nextUp(values[i])) - 1;
            ranks[i] = (first + last) / 2.0 + 1;
        }
        return ranks;
    }

    /** Index of the first element >= v in a sorted array. */
    private static int firstIndexOf(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Cramér's V from Pearson's chi-squared of the contingency table (no continuity correction):
     * sqrt(chi2 / (n * (min(r, c) - 1))), over categories that occur in the paired rows.
     */
    public static Value cramersV(int[] a, int categoriesA, int[] b, int categoriesB, int n) {
        long[][] table = new long[categoriesA][categoriesB];
        long[] rowSums = new long[categoriesA];
        long[] colSums = new long[categoriesB];
        long m = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                table[a[i]][b[i]]++;
                rowSums[a[i]]++;
                colSums[b[i]]++;
                m++;
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

    /** The correlation ratio eta: sqrt(between-category sum of squares / total sum of squares) of y by category. */
    public static Value correlationRatio(int[] categories, int categoryCount, double[] y, int n) {
        double[] sums = new double[categoryCount];
        long[] counts = new long[categoryCount];
        double total = 0;
        long m = 0;
        for (int i = 0; i < n; i++) {
            if (categories[i] >= 0 && !Double.isNaN(y[i])) {
                sums[categories[i]] += y[i];
                counts[categories[i]]++;
                total += y[i];
                m++;
            }
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

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
