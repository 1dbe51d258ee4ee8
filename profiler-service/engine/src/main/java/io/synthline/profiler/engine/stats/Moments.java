package io.synthline.profiler.engine.stats;

/**
 * Count, mean and central moments up to the fourth in one pass (Terriberry's update of Welford's
 * method), plus min, max and a compensated sum. Stable for large n; the derived statistics match
 * pandas' definitions.
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
