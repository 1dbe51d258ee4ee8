package io.synthline.generator.engine.privacy.domain;

import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Learns a numeric column's range under DP. Values are counted in a fixed, data-independent grid
 * of logarithmic buckets (one per power of two, both signs, from 2^-10 to 2^63, plus one bucket
 * around zero); the counts get discrete Gaussian noise (sensitivity 1: a row is in one bucket).
 * The buckets holding data are found by {@link NoisySupport} (anchors that an empty bucket
 * crosses with probability 1e-3 overall, extended over neighbours above half a sigma), and the
 * bounds take one bucket more on each side: these bounds only need to contain the data, the fine
 * histogram measured inside them ({@link PrivateHistogram}) finds where it lies. All of this is
 * post-processing, so it costs nothing beyond the one histogram; values outside the learned range
 * are later clamped.
 */
public final class PrivateBounds {
    static final int STEPS_PER_OCTAVE = 1;
    static final int MIN_EXPONENT = -10 * STEPS_PER_OCTAVE;
    static final int MAX_EXPONENT = 63 * STEPS_PER_OCTAVE;
    static final int MAGNITUDES = MAX_EXPONENT - MIN_EXPONENT;
    static final int BUCKETS = 2 * MAGNITUDES + 1;
    static final int ZERO = MAGNITUDES;
    private static final double NEAR_ZERO = Math.pow(2, (double) MIN_EXPONENT / STEPS_PER_OCTAVE);

    private PrivateBounds() {
    }

    /** Extension threshold of the bounds, in sigmas (see {@link NoisySupport}). */
    static final double EXTENSION_SIGMAS = 0.5;

    /**
     * [min, max] of the column, learned with zCDP cost {@code rho}. For integer columns only the
     * buckets that can hold an integer are measured (the others are empty whatever the data), and
     * the bounds are the smallest and largest integers of the outer buckets.
     */
    public static double[] learn(String column, double[] values, boolean integer, double rho, Mechanisms mechanisms,
            String stage) {
        int[] measured = measuredBuckets(integer);
        int[] slot = new int[BUCKETS];
        Arrays.fill(slot, -1);
        for (int i = 0; i < measured.length; i++) {
            slot[measured[i]] = i;
        }
        long[] counts = new long[measured.length];
        for (double v : values) {
            if (!Double.isNaN(v)) {
                int s = slot[bucket(v)];
                if (s >= 0) {
                    counts[s]++;
                }
            }
        }
        long[] noisy = mechanisms.gaussianWithRho(counts, rho, stage, "bounds of " + column);
        double sigma = ZeroConcentratedDp.gaussianSigma(1, rho);
        int[] support = NoisySupport.of(noisy, NoisySupport.anchorThreshold(sigma, measured.length), EXTENSION_SIGMAS * sigma, 0);
        if (support == null) {
            throw new BadInputException("domain-not-learnable", "column '" + column
                    + "': no value range stands out from the privacy noise at this budget; declare its min and max in the schema");
        }
        // one bucket more on each side: a thin edge below the noise is likely next to the bulk, and
        // the fine histogram measured later finds where inside these bounds the data ends
        int lowest = measured[Math.max(0, support[0] - 1)];
        int highest = measured[Math.min(measured.length - 1, support[1] + 1)];
        double min = integer ? smallestInteger(lowest) : lowerEdge(lowest);
        double max = integer ? largestInteger(highest) : upperEdge(highest);
        if (!(min < max)) {
            max = min + 1;
        }
        return new double[] {min, max};
    }

    /** The buckets a value of the column can fall in, ascending: all of them, or for integers those holding an integer. */
    static int[] measuredBuckets(boolean integer) {
        return IntStream.range(0, BUCKETS).filter(b -> !integer || smallestInteger(b) <= largestInteger(b)).toArray();
    }

    /** The smallest integer in a bucket (buckets are [lo, hi) above zero and (-hi, -lo] below). */
    static double smallestInteger(int bucket) {
        if (bucket == ZERO) {
            return 0;
        }
        return bucket > ZERO ? Math.ceil(lowerEdge(bucket)) : Math.floor(lowerEdge(bucket)) + 1;
    }

    /** The largest integer in a bucket; smaller than {@link #smallestInteger} when it holds none. */
    static double largestInteger(int bucket) {
        if (bucket == ZERO) {
            return 0;
        }
        return bucket > ZERO ? Math.ceil(upperEdge(bucket)) - 1 : Math.floor(upperEdge(bucket));
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
