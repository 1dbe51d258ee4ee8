package io.synthline.governance.engine.policy;

import java.util.Set;

/**
 * What governance demands of generations from datasets of one classification.
 *
 * @param dpRequired      only differentially private models (a {@code privacy} block) are allowed
 * @param maxEpsilon      largest epsilon one generation may spend; null = no limit
 * @param maxDelta        largest delta one generation may spend; null = no limit
 * @param piiReplaced     every PII column must be replaced by synthetic values
 * @param ownerApproval   when the data owner must approve
 * @param release         thresholds the evaluation must meet before the output is downloadable
 */
public record ClassificationPolicy(boolean dpRequired, Double maxEpsilon, Double maxDelta, boolean piiReplaced,
        OwnerApproval ownerApproval, ReleaseThresholds release) {

    public enum OwnerApproval {
        /** approved by policy */
        NEVER,
        /** approved by policy when the requester owns the dataset or holds an active access grant */
        UNLESS_GRANTED,
        /** every generation waits for the data owner */
        ALWAYS
    }

    /**
     * Thresholds of the release gate (each null = not checked) and which of their metrics must be
     * measured. A checked metric the evaluation could not measure (no holdout for the privacy
     * attacks, no label for ML utility, no protected groups for fairness) stops the release when it
     * is {@code required}; otherwise the check is shown as not measured, with the evaluation's
     * reason, and does not stop it. A measured value beyond its threshold always stops it.
     *
     * @param minFidelity     fidelity (ScoreNames.FIDELITY) must be at least this
     * @param maxPrivacyRisk  privacy-attack risk (ScoreNames.PRIVACY_RISK) must be at most this
     * @param maxFairnessGap  fairness gap (ScoreNames.FAIRNESS_GAP) must be at most this
     * @param maxUtilityGap   TRTR - TSTR ROC AUC gap (ScoreNames.UTILITY_GAP) must be at most this
     * @param maxDetectionAuc real-vs-synthetic classifier AUC (ScoreNames.DETECTION_AUC) must be at most this
     * @param maxPiiRealValues replaced PII values equal to a real one (ScoreNames.PII_REAL_VALUES) must be at most this
     * @param required        ScoreNames keys that must be measured
     */
    public record ReleaseThresholds(Double minFidelity, Double maxPrivacyRisk, Double maxFairnessGap, Double maxUtilityGap,
            Double maxDetectionAuc, Double maxPiiRealValues, Set<String> required) {
        public ReleaseThresholds {
            required = required == null ? Set.of() : Set.copyOf(required);
        }
    }
}
