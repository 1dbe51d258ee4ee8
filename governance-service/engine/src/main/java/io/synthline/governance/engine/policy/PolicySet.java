package io.synthline.governance.engine.policy;

import io.synthline.commons.events.ScoreNames;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The policy of every classification. */
public record PolicySet(Map<Classification, ClassificationPolicy> policies) {
    public PolicySet {
        for (Classification c : Classification.values()) {
            if (!policies.containsKey(c)) {
                throw new IllegalArgumentException("no policy for classification " + c.wireName());
            }
        }
        policies = Map.copyOf(policies);
    }

    public ClassificationPolicy of(Classification c) {
        return policies.get(c);
    }

    /**
     * The defaults documented in docs/governance-protocol.md (why these numbers: docs/governance.md).
     * Fidelity is required everywhere; privacy risk from confidential on (the platform holds out rows
     * for it by default). Fairness needs a label and protected groups, ML utility a label, and the
     * PII check replaced columns: where a dataset has none of these they are shown as not measured
     * and do not stop the release; where they are measured they must pass. Utility gap and detection
     * AUC were set from Adult (20 % holdout): tree 0.030 / 0.53, copula 0.055 / 0.87, mst at
     * epsilon 1 0.100 / 0.79 pass, independent 0.445 / 0.990 does not; restricted data must be DP,
     * whose noise costs utility, hence its gap of 0.15.
     */
    public static PolicySet defaults() {
        Map<Classification, ClassificationPolicy> p = new EnumMap<>(Classification.class);
        Set<String> fidelity = Set.of(ScoreNames.FIDELITY);
        Set<String> fidelityAndPrivacy = Set.of(ScoreNames.FIDELITY, ScoreNames.PRIVACY_RISK);
        p.put(Classification.PUBLIC, new ClassificationPolicy(false, null, null, false, ClassificationPolicy.OwnerApproval.NEVER,
                new ClassificationPolicy.ReleaseThresholds(0.5, null, null, null, null, null, fidelity)));
        p.put(Classification.INTERNAL, new ClassificationPolicy(false, null, null, false, ClassificationPolicy.OwnerApproval.NEVER,
                new ClassificationPolicy.ReleaseThresholds(0.7, null, null, 0.15, 0.95, null, fidelity)));
        p.put(Classification.CONFIDENTIAL, new ClassificationPolicy(false, 5.0, 1e-5, true,
                ClassificationPolicy.OwnerApproval.UNLESS_GRANTED, new ClassificationPolicy.ReleaseThresholds(0.8, 0.3, 0.2,
                        0.10, 0.90, 0.0, fidelityAndPrivacy)));
        p.put(Classification.RESTRICTED, new ClassificationPolicy(true, 1.0, 1e-6, true, ClassificationPolicy.OwnerApproval.ALWAYS,
                new ClassificationPolicy.ReleaseThresholds(0.8, 0.2, 0.1, 0.15, 0.90, 0.0, fidelityAndPrivacy)));
        return new PolicySet(p);
    }
}
