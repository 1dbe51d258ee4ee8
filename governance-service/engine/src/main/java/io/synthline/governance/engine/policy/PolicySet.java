package io.synthline.governance.engine.policy;

import java.util.EnumMap;
import java.util.Map;

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

    /** The defaults documented in docs/governance-protocol.md. */
    public static PolicySet defaults() {
        Map<Classification, ClassificationPolicy> p = new EnumMap<>(Classification.class);
        p.put(Classification.PUBLIC, new ClassificationPolicy(false, null, null, false, ClassificationPolicy.OwnerApproval.NEVER,
                new ClassificationPolicy.ReleaseThresholds(0.5, null, null)));
        p.put(Classification.INTERNAL, new ClassificationPolicy(false, null, null, false, ClassificationPolicy.OwnerApproval.NEVER,
                new ClassificationPolicy.ReleaseThresholds(0.7, null, null)));
        p.put(Classification.CONFIDENTIAL, new ClassificationPolicy(false, 5.0, 1e-5, true,
                ClassificationPolicy.OwnerApproval.UNLESS_GRANTED, new ClassificationPolicy.ReleaseThresholds(0.8, 0.3, 0.2)));
        p.put(Classification.RESTRICTED, new ClassificationPolicy(true, 1.0, 1e-6, true, ClassificationPolicy.OwnerApproval.ALWAYS,
                new ClassificationPolicy.ReleaseThresholds(0.8, 0.2, 0.1)));
        return new PolicySet(p);
    }
}
