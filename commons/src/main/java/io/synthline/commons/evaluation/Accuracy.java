package io.synthline.commons.evaluation;

import java.util.List;

/**
 * MOSTLY AI-style accuracy: 1 - total variation distance between the real and synthetic
 * distributions of discretised marginals (numeric and datetime columns in {@code bins} quantile
 * bins of the real data, categorical columns by their {@code bins} most frequent real values plus
 * one bin for the rest), averaged per order. Trivariate marginals are a seeded random sample of
 * all column triples when there are more than {@code trivariateSampled}.
 */
public record Accuracy(Double overall, Double univariate, Double bivariate, Double trivariate, int bins,
        int trivariateEvaluated, int trivariateTotal, List<Marginal> univariateDetails, List<Marginal> bivariateDetails) {

    public record Marginal(List<String> columns, double accuracy) {
    }
}
