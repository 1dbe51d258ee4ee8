package io.synthline.commons.profile;

/** How a pair's association is measured; every value is in [-1, 1] (signed) or [0, 1]. */
public enum CorrelationMeasure {
    /** Numeric pair, linear, signed. */
    PEARSON,
    /** Numeric pair, rank (average ranks for ties), signed. */
    SPEARMAN,
    /** Categorical pair, from Pearson's chi-squared without continuity correction, in [0, 1]. */
    CRAMERS_V,
    /** Categorical (first) and numeric (second) column: eta, the share of the numeric spread the categories explain, in [0, 1]. */
    CORRELATION_RATIO
}
