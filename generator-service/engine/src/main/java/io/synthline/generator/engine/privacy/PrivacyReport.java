package io.synthline.generator.engine.privacy;

import java.util.List;
import java.util.Locale;

/**
 * What a differentially private run guarantees, in the form the audit trail records it.
 *
 * @param epsilon       the requested (and reserved) epsilon
 * @param delta         the requested (and reserved) delta
 * @param rho           the zCDP budget the request granted
 * @param rhoSpent      zCDP actually spent (at most {@code rho})
 * @param epsilonSpent  the run is (epsilonSpent, deltaSpent)-DP
 * @param deltaSpent    see epsilonSpent
 * @param privateNoise  false when noise came from a seeded generator: then the output is NOT private
 * @param noiseSource   the random source, e.g. {@code SecureRandom (NativePRNG)}
 * @param mechanisms    what was spent where, aggregated by stage and mechanism
 * @param domain        per column, where its domain came from
 */
public record PrivacyReport(double epsilon, double delta, double rho, double rhoSpent, double epsilonSpent,
        double deltaSpent, boolean privateNoise, String noiseSource, List<MechanismUse> mechanisms,
        List<DomainProvenance> domain) {

    /**
     * Uses of one mechanism in one stage of a run.
     *
     * @param minScale smallest sigma (Gaussian) or epsilon (exponential) used
     */
    public record MechanismUse(String stage, String mechanism, int uses, double rho, double delta, double minScale,
            double maxScale) {
        static MechanismUse of(PrivacySpend s) {
            return new MechanismUse(s.stage(), s.mechanism().wireName(), 1, s.rho(), s.delta(), s.scale(), s.scale());
        }

        MechanismUse plus(MechanismUse o) {
            return new MechanismUse(stage, mechanism, uses + o.uses, rho + o.rho, delta + o.delta,
                    Math.min(minScale, o.minScale), Math.max(maxScale, o.maxScale));
        }
    }

    /** One line for logs and the CLI. */
    public String summary() {
        String s = String.format(Locale.ROOT, "(epsilon=%.4g, delta=%.3g)-DP, rho=%.5g of %.5g spent", epsilonSpent,
                deltaSpent, rhoSpent, rho);
        return privateNoise ? s : "NOT PRIVATE (seeded noise, tests only): " + s;
    }
}
