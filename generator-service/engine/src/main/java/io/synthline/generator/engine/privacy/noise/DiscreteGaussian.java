package io.synthline.generator.engine.privacy.noise;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The discrete Gaussian N_Z(0, sigma^2): P(X = x) proportional to exp(-x^2 / (2 sigma^2)) on the
 * integers, sampled exactly by rejection from a discrete Laplace (Canonne, Kamath and Steinke
 * 2020, Algorithm 3). Adding it to an integer query of L2 sensitivity Delta gives
 * Delta^2 / (2 sigma^2)-zCDP, the same as the continuous Gaussian (their Theorem 14).
 *
 * <p>sigma^2 is held as an exact rational; {@link #withSigmaAtLeast(double)} rounds it up, so the
 * noise is never smaller than the accountant assumed.
 */
public final class DiscreteGaussian {
    /** sigma^2 is rounded up to a multiple of 2^-VARIANCE_BITS. */
    private static final int VARIANCE_BITS = 20;

    private final BigInteger varianceNumerator;
    private final BigInteger varianceDenominator;
    private final long t;
    /** 2 sigma^2 t^2 as the denominator of the rejection exponent, precomputed. */
    private final BigInteger rejectionDenominator;
    private final BigInteger tTimesDenominator;

    /** sigma^2 = numerator / denominator. */
    public DiscreteGaussian(BigInteger varianceNumerator, BigInteger varianceDenominator) {
        if (varianceNumerator.signum() <= 0 || varianceDenominator.signum() <= 0) {
            throw new IllegalArgumentException("sigma^2 must be positive");
        }
        this.varianceNumerator = varianceNumerator;
        this.varianceDenominator = varianceDenominator;
        // t = floor(sigma) + 1; floor(sqrt(a/b)) = floor(sqrt(floor(a/b))).
        this.t = varianceNumerator.divide(varianceDenominator).sqrt().longValueExact() + 1;
        BigInteger bigT = BigInteger.valueOf(t);
        // gamma = (|y| - sigma^2/t)^2 / (2 sigma^2) = (|y| t b - a)^2 / (2 a b t^2)
        this.rejectionDenominator = BigInteger.TWO.multiply(varianceNumerator).multiply(varianceDenominator)
                .multiply(bigT).multiply(bigT);
        this.tTimesDenominator = bigT.multiply(varianceDenominator);
    }

    /** The discrete Gaussian whose sigma is the smallest representable value >= {@code sigma}. */
    public static DiscreteGaussian withSigmaAtLeast(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite positive number, got " + sigma);
        }
        BigDecimal variance = new BigDecimal(sigma).multiply(new BigDecimal(sigma));
        BigInteger numerator = variance.multiply(BigDecimal.valueOf(1L << VARIANCE_BITS))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return new DiscreteGaussian(numerator, BigInteger.ONE.shiftLeft(VARIANCE_BITS));
    }

    /** sigma^2 actually used (>= the one asked for). */
    public double variance() {
        return new BigDecimal(varianceNumerator).divide(new BigDecimal(varianceDenominator), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    public double sigma() {
        return Math.sqrt(variance());
    }

    public long sample(RandomBits bits) {
        while (true) {
            long y = DiscreteLaplace.sample(t, 1, bits);
            BigInteger centred = BigInteger.valueOf(Math.abs(y)).multiply(tTimesDenominator).subtract(varianceNumerator);
            if (ExactBernoulli.withExpMinus(centred.multiply(centred), rejectionDenominator, bits)) {
                return y;
            }
        }
    }
}
