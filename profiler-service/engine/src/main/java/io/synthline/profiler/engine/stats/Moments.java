package io.synthline.profiler.engine.stats;

/**
 * Count, mean and central moments up to the fourth in one pass (Terriberry's update of Welford's
 * method), plus min, max and a compensated sum. Stable for large n; the derived statistics match
 * pandas' definitions. Blocks of values ({@link #addAll}) take a cheaper route with the same
 * stability: exact two-pass moments of the block, merged in with Pébay's pairwise formulas.
 */
public final class Moments {
    private long n;
    private double mean;
    private double m2;
    private double m3;
    private double m4;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;
    private double sumCompensation;

    /**
     * Adds {@code values[0..count)}: their mean and central sums in two passes (no division per
     * value, unlike {@link #add}), merged with the moments so far (P. P&eacute;bay, Formulas for robust,
     * one-pass parallel computation of covariances and arbitrary-order statistical moments, Sandia
     * report SAND2008-6212, eq. 3.1).
     */
    public void addAll(double[] values, int count) {
        if (count == 0) {
            return;
        }
        double blockSum = 0;
        for (int i = 0; i < count; i++) {
            double x = values[i];
            blockSum += x;
            track(x);
        }
        double blockMean = blockSum / count;
        double deviations = 0;
        double b2 = 0;
        double b3 = 0;
        double b4 = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - blockMean;
            double d2 = d * d;
            deviations += d;
            b2 += d2;
            b3 += d2 * d;
            b4 += d2 * d2;
        }
        // the corrected two-pass algorithm: removes what rounding of the block mean left in the squares
        b2 -= deviations * deviations / count;
        if (n == 0) {
            n = count;
            mean = blockMean;
            m2 = b2;
            m3 = b3;
            m4 = b4;
            return;
        }
        double na = n;
        double nb = count;
        double total = na + nb;
        double delta = blockMean - mean;
        double deltaN = delta / total;
        m4 += b4 + delta * deltaN * deltaN * deltaN * na * nb * (na * na - na * nb + nb * nb)
                + 6 * deltaN * deltaN * (na * na * b2 + nb * nb * m2) + 4 * deltaN * (na * b3 - nb * m3);
        m3 += b3 + delta * deltaN * deltaN * na * nb * (na - nb) + 3 * deltaN * (na * b2 - nb * m2);
        m2 += b2 + delta * deltaN * na * nb;
        mean += deltaN * nb;
        n += count;
    }

    public void add(double x) {
        long n1 = n;
        n++;
        double delta = x - mean;
        double deltaN = delta / n;
        double deltaN2 = deltaN * deltaN;
        double term1 = delta * deltaN * n1;
        mean += deltaN;
        m4 += term1 * deltaN2 * ((double) n * n - 3.0 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
        m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
        m2 += term1;
        track(x);
    }

    /** Min, max and the sum, the same for single values and blocks. */
    private void track(double x) {
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
        // Kahan-Babuska summation: the reported sum stays exact for integer columns far beyond 2^53 / n
        double t = sum + x;
        sumCompensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    public long count() {
        return n;
    }

    public double mean() {
        return mean;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double sum() {
        return sum + sumCompensation;
    }

    /** Sample variance (n - 1); null below two values. */
    public Double variance() {
        return n < 2 ? null : m2 / (n - 1);
    }

    public Double stdDev() {
        Double v = variance();
        return v == null ? null : Math.sqrt(v);
    }

    /** Adjusted Fisher-Pearson skewness G1 (pandas {@code skew}); null below three values, 0 for a constant. */
    public Double skewness() {
        if (n < 3) {
            return null;
        }
        if (m2 == 0) {
            return 0.0;
        }
        double g1 = Math.sqrt(n) * m3 / Math.pow(m2, 1.5);
        return g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
    }

    /** Unbiased excess kurtosis G2 (pandas {@code kurt}); null below four values, 0 for a constant. */
    public Double kurtosis() {
        if (n < 4) {
            return null;
        }
        if (m2 == 0) {
            return 0.0;
        }
        double g2 = n * m4 / (m2 * m2) - 3;
        return ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
    }
}
