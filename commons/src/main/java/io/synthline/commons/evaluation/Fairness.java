package io.synthline.commons.evaluation;

import java.util.List;

/**
 * Group fairness of the label in real versus synthetic data, per sensitive attribute and for
 * their intersection. Rates are the share of the {@code favourable} label value.
 * {@code effect} says whether the synthetic data amplifies, reduces or preserves each real gap
 * (preserves: within {@code tolerance}).
 */
public record Fairness(String label, String favourable, List<String> sensitive, double tolerance,
        List<GroupRate> groups, List<Gap> gaps, List<EqualizedOdds> equalizedOdds) {
    public static final String DEMOGRAPHIC_PARITY_DIFFERENCE = "demographic_parity_difference";
    public static final String DISPARATE_IMPACT_RATIO = "disparate_impact_ratio";

    /** @param attribute a sensitive column, or several joined by " x " for an intersection */
    public record GroupRate(String attribute, String group, long realCount, long syntheticCount, Double realRate,
            Double syntheticRate) {
    }

    /**
     * @param metric {@code demographic_parity_difference} (max - min group rate, 0 is fair) or
     *               {@code disparate_impact_ratio} (min / max group rate, 1 is fair)
     */
    public record Gap(String attribute, String metric, Double real, Double synthetic, String effect) {
    }

    /**
     * Equalized-odds difference (the larger of the TPR and FPR ranges across groups) on real test
     * rows of a model trained on synthetic data (TSTR) versus one trained on real data (TRTR).
     */
    public record EqualizedOdds(String attribute, String model, Double trtr, Double tstr, String effect) {
    }
}
