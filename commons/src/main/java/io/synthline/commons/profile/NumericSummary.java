package io.synthline.commons.profile;

/**
 * Moments are exact (streaming, numerically stable); quantiles and the histogram come from a KLL
 * sketch unless {@link Quantiles#exact()} says otherwise.
 *
 * @param stdDev   sample standard deviation (n - 1), as pandas reports it
 * @param skewness adjusted Fisher-Pearson coefficient (pandas' {@code skew()}); NaN-free: null when n < 3
 * @param kurtosis excess kurtosis, unbiased (pandas' {@code kurt()}); null when n < 4
 * @param outliers values outside the Tukey fences [Q1 - 3 IQR, Q3 + 3 IQR] ("far out")
 */
public record NumericSummary(
        double min,
        double max,
        double mean,
        double sum,
        Double stdDev,
        Double variance,
        Double skewness,
        Double kurtosis,
        long zeros,
        long negatives,
        long outliers,
        Quantiles quantiles,
        Histogram histogram) {
}
