package io.synthline.commons.evaluation;

import java.util.List;

/**
 * MOSTLY AI-style accuracy: 1 - total variation distance between the real and synthetic
 * distributions of discretised marginals (numeric and datetime columns in {@code bins} quantile
 * bins of the real data, categorical columns by their {@code bins} most frequent real values plus
 * one bin for the rest, missing values in a bin of their own), averaged per order. Trivariate
 * marginals are a seeded random sample of {@code trivariateEvaluated} of the
 * {@code trivariateTotal} column triples.
 *
 * @param distributions per column, the real and synthetic bin frequencies (the report's overlays)
 * @param correlations  pairwise association matrices of the real and the synthetic data
 */
public record Accuracy(Double overall, Double univariate, Double bivariate, Double trivariate, int bins,
        int trivariateEvaluated, int trivariateTotal, List<Marginal> univariateDetails, List<Marginal> bivariateDetails,
        List<ColumnBins> distributions, Correlations correlations) {

    public record Marginal(List<String> columns, double accuracy) {
    }

    /** Non-empty bins only; frequencies are shares of all rows (missing included). */
    public record ColumnBins(String column, List<String> bins, List<Double> real, List<Double> synthetic) {
    }

    /**
     * Symmetric matrices in {@code columns} order, diagonal 1: Pearson's r for two continuous
     * columns, else Cramér's V of the binned columns (in [0, 1]); null where undefined.
     */
    public record Correlations(String measure, List<String> columns, List<List<Double>> real,
            List<List<Double>> synthetic) {
    }
}
