package io.synthline.commons.profile;

/**
 * Number of distinct non-missing values. Exact while a column has few distinct values; above
 * that an Apache DataSketches HLL estimate with bounds at about 95% confidence (2 standard errors).
 */
public record DistinctCount(long estimate, long lowerBound, long upperBound, boolean exact) {
    public static DistinctCount exact(long n) {
        return new DistinctCount(n, n, n, true);
    }
}
