package io.synthline.governance.engine.policy;

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
     * @param minFidelity    fidelity (see ScoreNames.FIDELITY) must be at least this; null = not checked
     * @param maxPrivacyRisk privacy-attack risk must be at most this; null = not checked
     * @param maxFairnessGap fairness gap must be at most this; null = not checked
     */
    public record ReleaseThresholds(Double minFidelity, Double maxPrivacyRisk, Double maxFairnessGap) {
    }
}
