package io.synthline.generator.engine.dp;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import io.synthline.generator.engine.privacy.domain.DomainPolicy;
import io.synthline.generator.engine.privacy.noise.RandomBits;
import java.util.function.Supplier;

/**
 * How a differentially private synthesizer runs.
 *
 * @param privacy             the (epsilon, delta) guarantee for the whole run
 * @param schema              the public domain declaration, or null (then everything is learned or refused)
 * @param domainPolicy        learn undeclared domains privately, or refuse
 * @param domainShare         share of rho spent learning undeclared domains (only when something is undeclared)
 * @param thresholdDeltaShare share of delta reserved for learning category sets (only when one is undeclared)
 * @param discretisationShare share of rho spent on fine histograms of numeric columns (only for columns that need one)
 * @param numericBins         about how many bins a numeric column gets in the model
 * @param noise               the random source; {@link RandomBits#secure()} unless testing
 */
public record DpSettings(PrivacyGuarantee privacy, DeclaredSchema schema, DomainPolicy domainPolicy, double domainShare,
        double thresholdDeltaShare, double discretisationShare, int numericBins, Supplier<RandomBits> noise) {
    public static final double DEFAULT_DOMAIN_SHARE = 0.15;
    public static final double DEFAULT_THRESHOLD_DELTA_SHARE = 0.1;
    public static final double DEFAULT_DISCRETISATION_SHARE = 0.25;
    public static final int DEFAULT_NUMERIC_BINS = 16;

    public DpSettings {
        if (privacy == null) {
            throw new BadInputException("missing-privacy", "differentially private models need epsilon and delta");
        }
        requireShare(domainShare, "domain budget share");
        requireShare(thresholdDeltaShare, "threshold delta share");
        requireShare(discretisationShare, "discretisation budget share");
        if (domainShare + discretisationShare >= 0.9) {
            throw new BadInputException("invalid-budget-split", "domain learning and discretisation together may use at most 90 % of the budget");
        }
        if (numericBins < 2 || numericBins > 256) {
            throw new BadInputException("invalid-bins", "numeric bins must be in [2, 256], got " + numericBins);
        }
        if (domainPolicy == null) {
            domainPolicy = DomainPolicy.LEARN_PRIVATELY;
        }
        if (noise == null) {
            noise = RandomBits::secure;
        }
    }

    /** Secure noise, default shares. */
    public static DpSettings of(PrivacyGuarantee privacy, DeclaredSchema schema) {
        return new DpSettings(privacy, schema, DomainPolicy.LEARN_PRIVATELY, DEFAULT_DOMAIN_SHARE,
                DEFAULT_THRESHOLD_DELTA_SHARE, DEFAULT_DISCRETISATION_SHARE, DEFAULT_NUMERIC_BINS, RandomBits::secure);
    }

    /**
     * The settings a request's privacy block asks for: (epsilon, delta), the public domain it
     * declares, the domain budget share and whether open domains are refused. Secure noise.
     */
    public static DpSettings of(PrivacySpec spec) {
        if (spec == null || spec.epsilon() == null || spec.delta() == null) {
            throw new BadInputException("missing-privacy", "differentially private models (" + PrivateSynthesizers.NAMES
                    + ") need a privacy block with epsilon and delta");
        }
        DpSettings settings = of(new PrivacyGuarantee(spec.epsilon(), spec.delta()),
                spec.domain() == null || spec.domain().isEmpty() ? null : new DeclaredSchema(spec.domain()))
                .withDomainPolicy(Boolean.TRUE.equals(spec.requireDeclaredDomain()) ? DomainPolicy.REFUSE : DomainPolicy.LEARN_PRIVATELY);
        return spec.domainBudgetShare() == null ? settings : settings.withDomainShare(spec.domainBudgetShare());
    }

    public DpSettings withDomainPolicy(DomainPolicy policy) {
        return new DpSettings(privacy, schema, policy, domainShare, thresholdDeltaShare, discretisationShare, numericBins, noise);
    }

    public DpSettings withDomainShare(double share) {
        return new DpSettings(privacy, schema, domainPolicy, share, thresholdDeltaShare, discretisationShare, numericBins, noise);
    }

    public DpSettings withNumericBins(int bins) {
        return new DpSettings(privacy, schema, domainPolicy, domainShare, thresholdDeltaShare, discretisationShare, bins, noise);
    }

    public DpSettings withDiscretisationShare(double share) {
        return new DpSettings(privacy, schema, domainPolicy, domainShare, thresholdDeltaShare, share, numericBins, noise);
    }

    /** Reproducible, NOT PRIVATE noise: for tests only; every report of the run says so. */
    public DpSettings withSeededNoiseNotPrivate(long seed) {
        return new DpSettings(privacy, schema, domainPolicy, domainShare, thresholdDeltaShare, discretisationShare, numericBins,
                () -> RandomBits.seededNotPrivate(seed));
    }

    private static void requireShare(double share, String name) {
        if (!(share > 0 && share < 1)) {
            throw new BadInputException("invalid-budget-split", name + " must be in (0, 1), got " + share);
        }
    }
}
