package io.synthline.generator.engine.privacy.noise;

/**
 * The discrete Laplace distribution with scale t/s: P(X = x) proportional to exp(-|x| s / t) on
 * the integers, sampled exactly (Canonne, Kamath and Steinke 2020, Algorithm 2).
 */
public final class DiscreteLaplace {
    private final long numerator;
    private final long denominator;

    /** Scale {@code t / s}, both positive integers. */
    public DiscreteLaplace(long t, long s) {
        if (t <= 0 || s <= 0) {
            throw new IllegalArgumentException("scale must be a positive rational t/s, got " + t + "/" + s);
        }
        this.numerator = t;
        this.denominator = s;
    }

    /** Integer scale t. */
    public static DiscreteLaplace withScale(long t) {
        return new DiscreteLaplace(t, 1);
    }

    public double scale() {
        return (double) numerator / denominator;
    }

    public long sample(RandomBits bits) {
        return sample(numerator, denominator, bits);
    }

    static long sample(long t, long s, RandomBits bits) {
        while (true) {
            long u = bits.nextLong(t);
            if (!ExactBernoulli.withExpMinus(u, t, bits)) {
                continue;
            }
            long v = 0;
            while (ExactBernoulli.expMinusOne(bits)) {
                v++;
            }
            long x = Math.addExact(u, Math.multiplyExact(t, v));
            long y = x / s;
            boolean negative = bits.nextBoolean();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }

    /** Variance of the distribution, for tests: 2 e^{-1/b} / (1 - e^{-1/b})^2 with b = t/s. */
    public double variance() {
        double q = Math.exp(-1.0 / scale());
        return 2 * q / ((1 - q) * (1 - q));
    }
}
