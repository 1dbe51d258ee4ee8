package io.synthline.generator.engine.privacy.domain;

import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;

/**
 * Learns a numeric column's range under DP. Values are counted in a fixed, data-independent grid
 * of logarithmic buckets (four per power of two, both signs, from 2^-10 to 2^63, plus one bucket
 * around zero); the counts get discrete Gaussian noise (sensitivity 1: a row is in one bucket),
 * and the bounds are the outer edges of the lowest and highest buckets whose noisy count clears
 * a threshold that an empty bucket crosses with probability below 5 % overall. The threshold is
 * post-processing, so it costs nothing; values outside the learned range are later clamped.
 */
public final class PrivateBounds {
    static final int STEPS_PER_OCTAVE = 4;
    static final int MIN_EXPONENT = -10 * STEPS_PER_OCTAVE;
    static final int MAX_EXPONENT = 63 * STEPS_PER_OCTAVE;
    static final int MAGNITUDES = MAX_EXPONENT - MIN_EXPONENT;
    static final int BUCKETS = 2 * MAGNITUDES + 1;
    static final int ZERO = MAGNITUDES;
    private static final double NEAR_ZERO = Math.pow(2, (double) MIN_EXPONENT / STEPS_PER_OCTAVE);
    private static final double FALSE_POSITIVE_RATE = 0.05;

    private PrivateBounds() {
    }

    /** [min, max] of the column, learned with zCDP cost {@code rho}. */
    public static double[] learn(String column, double[] values, boolean integer, double rho, Mechanisms mechanisms,
            String stage) {
        long[] counts = new long[BUCKETS];
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts[bucket(v)]++;
            }
        }
        long[] noisy = mechanisms.gaussianWithRho(counts, rho, stage, "bounds of " + column);
        double sigma = ZeroConcentratedDp.gaussianSigma(1, rho);
        double threshold = sigma * Math.sqrt(2 * Math.log(BUCKETS / FALSE_POSITIVE_RATE));
        int lowest = -1;
        int highest = -1;
        for (int b = 0; b < BUCKETS; b++) {
            if (noisy[b] >= threshold) {
                if (lowest < 0) {
                    lowest = b;
                }
                highest = b;
            }
        }
        if (lowest < 0) {
            throw new BadInputException("domain-not-learnable", "column '" + column
                    + "': no value range stands out from the privacy noise at this budget; declare its min and max in the schema");
        }
        double min = lowerEdge(lowest);
        double max = upperEdge(highest);
        if (integer) {
            min = Math.floor(min);
            max = Math.ceil(max);
        }
        if (!(min < max)) {
            max = min + 1;
        }
        return new double[] {min, max};
    }

    static int bucket(double v) {
        double m = Math.abs(v);
        if (m < NEAR_ZERO) {
            return ZERO;
        }
        int k = (int) Math.floor(STEPS_PER_OCTAVE * (Math.log(m) / Math.log(2)));
        // guard against log rounding right at an edge
        if (Math.pow(2, (double) k / STEPS_PER_OCTAVE) > m) {
            k--;
        } else if (Math.pow(2, (double) (k + 1) / STEPS_PER_OCTAVE) <= m) {
            k++;
        }
        int magnitude = Math.clamp(k - MIN_EXPONENT, 0, MAGNITUDES - 1);
        return v > 0 ? ZERO + 1 + magnitude : ZERO - 1 - magnitude;
    }

    /** The bucket around zero has both edges at 0: a column of non-negative values gets min 0, not a tiny negative. */
    static double lowerEdge(int bucket) {
        if (bucket == ZERO) {
            return 0;
        }
        if (bucket > ZERO) {
            return magnitude(bucket - ZERO - 1);
        }
        return -magnitude(ZERO - 1 - bucket + 1);
    }

    static double upperEdge(int bucket) {
        if (bucket == ZERO) {
            return 0;
        }
        if (bucket > ZERO) {
            return magnitude(bucket - ZERO - 1 + 1);
        }
        return -magnitude(ZERO - 1 - bucket);
    }

    private static double magnitude(int index) {
        return Math.pow(2, (double) (index + MIN_EXPONENT) / STEPS_PER_OCTAVE);
    }
}
