package io.synthline.commons.profile;

import java.util.List;

/**
 * Pairwise associations, computed on all rows or on a uniform row sample.
 *
 * @param sampled        true when rows were sampled (the dataset had more rows than the configured limit)
 * @param sampleSize     rows the coefficients were computed on
 * @param seed           seed of the row sample (reservoir sampling), so the run can be repeated
 * @param columns        columns that took part; others are listed in {@code skipped} with a reason
 */
public record Correlations(boolean sampled, long sampleSize, long seed, List<String> columns,
        List<SkippedColumn> skipped, List<PairCorrelation> pairs) {
    public Correlations {
        columns = columns == null ? List.of() : List.copyOf(columns);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    public Double value(String first, String second, CorrelationMeasure measure) {
        for (PairCorrelation p : pairs) {
            if (p.measure() == measure && ((p.first().equals(first) && p.second().equals(second))
                    || (measure != CorrelationMeasure.CORRELATION_RATIO && p.first().equals(second) && p.second().equals(first)))) {
                return p.value();
            }
        }
        return null;
    }

    /**
     * @param n rows where both values were present
     */
    public record PairCorrelation(String first, String second, CorrelationMeasure measure, double value, long n) {
    }

    public record SkippedColumn(String column, String reason) {
    }
}
