package io.synthline.generator.engine.synthesis;

import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.PrivacySpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that decides what a model learns (as opposed to how it is sampled): the method,
 * its options, the constraints, the PII columns and, for differentially private models, the
 * privacy parameters and public domain. Part of a stored model's manifest.
 *
 * @param piiColumns column name to PII kind (null kind = guess from the name)
 * @param piiLocale  BCP 47 locale of generated PII (default en-US)
 * @param privacy    (epsilon, delta) and the public domain for the DP models; null for the others
 * @param holdout    share of the rows kept away from fitting for the evaluation ({@link HoldoutSplit});
 *                   null = none
 */
public record ModelSpec(String model, Map<String, String> options, List<ConstraintSpec> constraints,
        Map<String, String> piiColumns, String piiLocale, PrivacySpec privacy, Double holdout) {
    public ModelSpec {
        model = model == null ? Synthesizers.DEFAULT : model;
        options = options == null ? Map.of() : new TreeMap<>(options);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        piiColumns = piiColumns == null ? Map.of() : new TreeMap<>(piiColumns);
        HoldoutSplit.validate(holdout);
        holdout = holdout == null || holdout == 0 ? null : holdout;
    }

    public ModelSpec(String model, Map<String, String> options, List<ConstraintSpec> constraints, Map<String, String> piiColumns,
            String piiLocale, PrivacySpec privacy) {
        this(model, options, constraints, piiColumns, piiLocale, privacy, null);
    }

    public ModelSpec(String model, Map<String, String> options, List<ConstraintSpec> constraints, Map<String, String> piiColumns,
            String piiLocale) {
        this(model, options, constraints, piiColumns, piiLocale, null);
    }

    public static ModelSpec of(String model) {
        return new ModelSpec(model, null, null, null, null, null, null);
    }

    /** The same spec holding out {@code share} of the rows. */
    public ModelSpec withHoldout(Double share) {
        return new ModelSpec(model, options, constraints, piiColumns, piiLocale, privacy, share);
    }

    /** The same spec with its privacy block replaced (e.g. by the budget governance approved). */
    public ModelSpec withPrivacy(PrivacySpec p) {
        return new ModelSpec(model, options, constraints, piiColumns, piiLocale, p, holdout);
    }
}
