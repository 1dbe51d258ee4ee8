package io.synthline.generator.engine.privacy;

import io.synthline.commons.api.BadInputException;

/**
 * What a user asks for: an (epsilon, delta)-DP guarantee for the whole run (domain learning,
 * discretisation, measurements and selection together). Synthetic data sampled afterwards is
 * post-processing and costs nothing more.
 */
public record PrivacyGuarantee(double epsilon, double delta) {
    /** Beyond this the guarantee is meaningless in practice; refusing is kinder than pretending. */
    public static final double MAX_EPSILON = 100;
    /** delta is the probability of an outright failure; anything larger is not a privacy guarantee. */
    public static final double MAX_DELTA = 1e-3;

    public PrivacyGuarantee {
        if (!(epsilon > 0) || epsilon > MAX_EPSILON) {
            throw new BadInputException("invalid-epsilon", "epsilon must be in (0, " + (int) MAX_EPSILON + "], got " + epsilon);
        }
        if (!(delta > 0) || delta > MAX_DELTA) {
            throw new BadInputException("invalid-delta", "delta must be in (0, " + MAX_DELTA
                    + "], got " + delta + " (zCDP needs a positive delta; typical values are 1e-9 .. 1e-6, below 1/rows)");
        }
    }

    /** The zCDP budget this guarantee allows when all of delta is available to the conversion. */
    public double rho() {
        return ZeroConcentratedDp.rho(epsilon, delta);
    }
}
