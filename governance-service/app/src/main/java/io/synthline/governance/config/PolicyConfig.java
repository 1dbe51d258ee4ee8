package io.synthline.governance.config;

import io.synthline.governance.engine.policy.Classification;
import io.synthline.governance.engine.policy.ClassificationPolicy;
import io.synthline.governance.engine.policy.PolicySet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy per classification: the documented defaults, each value overridable with
 * {@code synthline.governance.policy.<classification>.<field>} (dp-required, max-epsilon, max-delta,
 * pii-replaced, owner-approval = never|unless-granted|always, min-fidelity, max-privacy-risk,
 * max-fairness-gap, max-utility-gap, max-detection-auc, max-pii-real-values (a threshold set to
 * "none" is not checked), required-checks = score names that must be measured, comma-separated,
 * e.g. {@code fidelity,privacyRisk}, or "none").
 */
@ApplicationScoped
public class PolicyConfig {
    private final PolicySet policies;

    @Inject
    public PolicyConfig(GovernanceConfig config) {
        this.policies = load(config.policy());
    }

    public PolicySet policies() {
        return policies;
    }

    public ClassificationPolicy of(Classification c) {
        return policies.of(c);
    }

    static PolicySet load(Map<String, GovernanceConfig.Policy> overrides) {
        PolicySet defaults = PolicySet.defaults();
        Map<Classification, ClassificationPolicy> out = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            ClassificationPolicy d = defaults.of(c);
            GovernanceConfig.Policy p = overrides.get(c.wireName());
            out.put(c, p == null ? d : override(d, p));
        }
        return new PolicySet(out);
    }

    private static ClassificationPolicy override(ClassificationPolicy d, GovernanceConfig.Policy p) {
        ClassificationPolicy.ReleaseThresholds t = d.release();
        return new ClassificationPolicy(
                p.dpRequired().orElse(d.dpRequired()),
                number(p.maxEpsilon(), d.maxEpsilon()),
                number(p.maxDelta(), d.maxDelta()),
                p.piiReplaced().orElse(d.piiReplaced()),
                p.ownerApproval()
                        .map(v -> ClassificationPolicy.OwnerApproval.valueOf(v.strip().toUpperCase(Locale.ROOT).replace('-', '_')))
                        .orElse(d.ownerApproval()),
                new ClassificationPolicy.ReleaseThresholds(number(p.minFidelity(), t.minFidelity()),
                        number(p.maxPrivacyRisk(), t.maxPrivacyRisk()),
                        number(p.maxFairnessGap(), t.maxFairnessGap()),
                        number(p.maxUtilityGap(), t.maxUtilityGap()),
                        number(p.maxDetectionAuc(), t.maxDetectionAuc()),
                        number(p.maxPiiRealValues(), t.maxPiiRealValues()),
                        names(p.requiredChecks(), t.required())));
    }

    /** A comma-separated list of score names; "none" for the empty list. */
    private static Set<String> names(Optional<String> value, Set<String> fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : value.get().split(",")) {
            if (!name.isBlank() && !name.strip().equalsIgnoreCase("none")) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** A threshold; "none" for no threshold. */
    private static Double number(Optional<String> value, Double fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        return value.get().equalsIgnoreCase("none") ? null : Double.valueOf(value.get());
    }
}
