package io.synthline.commons.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.synthline.commons.evaluation.EvaluationDocument.Interval;
import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import java.util.List;

/**
 * Privacy risk. Distances are SDMetrics' DCR distance (numeric |x - y| / range of the reference
 * data, capped at 1; categorical 0 if equal, else 1; missing equals missing; mean over columns),
 * computed exactly over all row pairs unless {@code sampledRows} says otherwise.
 */
@JsonPropertyOrder({"distance", "DCRBaselineProtection", "DCROverfittingProtection", "dcr", "dcrShare", "nndr",
        "identicalMatch", "attacks"})
public record Privacy(String distance,
        @JsonProperty("DCRBaselineProtection") DcrBaselineProtection dcrBaselineProtection,
        @JsonProperty("DCROverfittingProtection") DcrOverfittingProtection dcrOverfittingProtection,
        Dcr dcr, Share dcrShare, Nndr nndr, IdenticalMatch identicalMatch, Attacks attacks) {

    /** SDMetrics' compute_breakdown of DCRBaselineProtection. The random baseline is seeded. */
    public record DcrBaselineProtection(Double score,
            @JsonProperty("median_DCR_to_real_data") MedianDcr medianDcrToRealData) {
    }

    public record MedianDcr(@JsonProperty("synthetic_data") double syntheticData,
            @JsonProperty("random_data_baseline") double randomDataBaseline) {
    }

    /** SDMetrics' compute_breakdown of DCROverfittingProtection (ties count as closer to holdout). */
    public record DcrOverfittingProtection(double score,
            @JsonProperty("synthetic_data_percentages") Percentages syntheticDataPercentages) {
    }

    public record Percentages(@JsonProperty("closer_to_training") double closerToTraining,
            @JsonProperty("closer_to_holdout") double closerToHoldout) {
    }

    /** Distributions of distances to the closest record (synthetic to train, synthetic to holdout, holdout to train). */
    public record Dcr(Distribution syntheticToTrain, Distribution syntheticToHoldout, Distribution holdoutToTrain) {
    }

    public record Distribution(long count, double min, double p05, double p25, double median, double mean,
            double p75, double p95, double max, Histogram histogram) {
    }

    /** {@code counts[i]} values in [edges[i], edges[i+1]); the last bin is closed. */
    public record Histogram(List<Double> edges, List<Long> counts) {
    }

    /**
     * Share of synthetic rows strictly closer to a training row than to any holdout row, with a
     * Wilson interval; {@code baseline} is the share expected when train and holdout are
     * exchangeable (holdout size / (train size + holdout size) for the complement, i.e. 0.5 for equal sizes).
     */
    public record Share(double value, Interval ci, double baseline, Double tiesShare) {
    }

    /** Nearest-neighbour distance ratio: distance to the closest record / distance to the second closest. */
    public record Nndr(Distribution syntheticToTrain, Distribution holdoutToTrain) {
    }

    /** Share of rows with an identical training row (distance 0): synthetic versus the holdout baseline. */
    public record IdenticalMatch(double syntheticShare, Interval syntheticCi, Double holdoutShare, Interval holdoutCi) {
    }

    public record Attacks(MembershipInference membershipInference, List<AttributeInference> attributeInference,
            Risk singlingOut, Risk linkability) {
    }

    /**
     * Distance-based membership inference: the attacker scores each candidate by its distance to
     * the closest synthetic row (closer = member). Members are training rows, non-members holdout
     * rows. {@code ci} is Hanley-McNeil's interval for the AUC; {@code advantage} = 2 * AUC - 1.
     */
    public record MembershipInference(double auc, Interval ci, double baseline, double advantage, int members,
            int nonMembers) {
    }

    /**
     * An attack in the Anonymeter manner: success rates of the main attack (targets: training rows),
     * of the same attack on control rows the synthesizer never saw, and of a naive baseline;
     * {@code risk} = (main - control) / (1 - control) with its propagated interval.
     */
    public record Risk(String method, int attacks, Rate main, Rate control, Rate baseline, Rate risk,
            List<String> details) {
    }

    /**
     * Attribute inference of one sensitive column from the quasi-identifiers: CAP (exact key
     * match, SDMetrics' DisclosureProtection style), a classifier trained on synthetic rows, and a
     * nearest-neighbour guess in the Anonymeter manner.
     */
    public record AttributeInference(String column, List<String> quasiIdentifiers, Cap cap, Classifier classifier,
            Risk nearestNeighbour) {
    }

    /**
     * @param attackScore  mean share of key-matching synthetic rows that reveal the true value (targets with a match)
     * @param coverage     share of targets with at least one key-matching synthetic row
     * @param baseline     1 / number of distinct real values (a uniform guess)
     * @param protection   SDMetrics DisclosureProtection: min(1, (1 - zero-CAP) / (1 - baseline))
     */
    public record Cap(double attackScore, double coverage, double zeroCapScore, double baseline, double protection,
            Double controlZeroCapScore) {
    }

    public record Classifier(String model, Rate accuracyOnTrain, Rate accuracyOnControl, double majorityBaseline) {
    }
}
