package io.synthline.governance.service;

import io.synthline.governance.engine.policy.Classification;
import io.synthline.governance.engine.policy.ClassificationPolicy;
import io.synthline.governance.engine.policy.PolicySet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

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

    public PolicyConfig() {
        this.policies = load(ConfigProvider.getConfig());
    }

    public PolicySet policies() {
        return policies;
    }

    public ClassificationPolicy of(Classification c) {
        return policies.of(c);
    }

    static PolicySet load(Config config) {
        PolicySet defaults = PolicySet.defaults();
        Map<Classification, ClassificationPolicy> out = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            ClassificationPolicy d = defaults.of(c);
            String p = "synthline.governance.policy." + c.wireName() + ".";
            ClassificationPolicy.ReleaseThresholds t = d.release();
            out.put(c, new ClassificationPolicy(
                    config.getOptionalValue(p + "dp-required", Boolean.class).orElse(d.dpRequired()),
                    number(config, p + "max-epsilon", d.maxEpsilon()),
                    number(config, p + "max-delta", d.maxDelta()),
                    config.getOptionalValue(p + "pii-replaced", Boolean.class).orElse(d.piiReplaced()),
                    config.getOptionalValue(p + "owner-approval", String.class)
                            .map(v -> ClassificationPolicy.OwnerApproval.valueOf(v.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')))
                            .orElse(d.ownerApproval()),
                    new ClassificationPolicy.ReleaseThresholds(number(config, p + "min-fidelity", t.minFidelity()),
                            number(config, p + "max-privacy-risk", t.maxPrivacyRisk()),
                            number(config, p + "max-fairness-gap", t.maxFairnessGap()),
                            number(config, p + "max-utility-gap", t.maxUtilityGap()),
                            number(config, p + "max-detection-auc", t.maxDetectionAuc()),
                            number(config, p + "max-pii-real-values", t.maxPiiRealValues()),
                            names(config, p + "required-checks", t.required()))));
        }
        return new PolicySet(out);
    }

    /** A comma-separated list of score names; "none" for the empty list. */
    private static Set<String> names(Config config, String key, Set<String> fallback) {
        Optional<String> v = config.getOptionalValue(key, String.class);
        if (v.isEmpty()) {
            return fallback;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : v.get().split(",")) {
            if (!name.isBlank() && !name.strip().equalsIgnoreCase("none")) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static Double number(Config config, String key, Double fallback) {
        Optional<String> v = config.getOptionalValue(key, String.class);
        if (v.isEmpty()) {
            return fallback;
        }
        return v.get().equalsIgnoreCase("none") ? null : Double.valueOf(v.get());
    }
}
