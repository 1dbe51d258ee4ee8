package io.synthline.generator.engine.pgm;

import java.util.Arrays;

/**
 * A noisy marginal: {@code values} estimates the counts of the joint values of {@code attrs}
 * (sorted; cells in {@link Factor} order) with independent noise of standard deviation
 * {@code sigma} per cell. Estimation weighs it by 1 / sigma^2.
 */
public record Measurement(int[] attrs, double[] values, double sigma) {
    public Measurement {
        if (!Arrays.equals(attrs, Attributes.of(attrs))) {
            throw new IllegalArgumentException("attributes must be sorted and distinct: " + Arrays.toString(attrs));
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be positive");
        }
    }

    public static Measurement of(int[] attrs, long[] noisyCounts, double sigma) {
        return new Measurement(attrs, Arrays.stream(noisyCounts).asDoubleStream().toArray(), sigma);
    }
}
