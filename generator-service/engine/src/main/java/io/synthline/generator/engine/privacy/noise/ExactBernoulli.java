package io.synthline.generator.engine.privacy.noise;

import java.math.BigInteger;

/**
 * Bernoulli trials with rational parameters, sampled exactly from uniform integers (no floating
 * point anywhere), as in Canonne, Kamath and Steinke (2020), Algorithm 1. Floating-point
 * samplers leak through their rounding pattern (Mironov 2012); these do not.
 */
public final class ExactBernoulli {
    private ExactBernoulli() {
    }

    /** True with probability {@code numerator / denominator} (0 <= numerator <= denominator). */
    public static boolean withProbability(BigInteger numerator, BigInteger denominator, RandomBits bits) {
        if (numerator.signum() < 0 || denominator.signum() <= 0 || numerator.compareTo(denominator) > 0) {
            throw new IllegalArgumentException("not a probability: " + numerator + "/" + denominator);
        }
        if (denominator.bitLength() < 63) {
            return bits.nextLong(denominator.longValueExact()) < numerator.longValueExact();
        }
        return bits.nextBigInteger(denominator).compareTo(numerator) < 0;
    }

    /** True with probability {@code numerator / denominator}, for small parameters. */
    public static boolean withProbability(long numerator, long denominator, RandomBits bits) {
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("not a probability: " + numerator + "/" + denominator);
        }
        return bits.nextLong(denominator) < numerator;
    }

    /**
     * True with probability exp(-gamma) for the rational gamma = {@code numerator / denominator} >= 0.
     * For gamma <= 1 it draws Bernoulli(gamma/k) for k = 1, 2, ... until the first failure and
     * answers whether that k is odd; larger gamma is split into exp(-1) trials and a remainder.
     */
    public static boolean withExpMinus(BigInteger numerator, BigInteger denominator, RandomBits bits) {
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("gamma must be a non-negative rational: " + numerator + "/" + denominator);
        }
        if (numerator.compareTo(denominator) <= 0) {
            return expMinusAtMostOne(numerator, denominator, bits);
        }
        BigInteger[] split = numerator.divideAndRemainder(denominator);
        // Each of the floor(gamma) factors exp(-1) must succeed; stop at the first failure.
        for (BigInteger i = BigInteger.ZERO; i.compareTo(split[0]) < 0; i = i.add(BigInteger.ONE)) {
            if (!expMinusOne(bits)) {
                return false;
            }
        }
        return expMinusAtMostOne(split[1], denominator, bits);
    }

    /** True with probability exp(-gamma) for gamma = numerator / denominator given as longs. */
    public static boolean withExpMinus(long numerator, long denominator, RandomBits bits) {
        return withExpMinus(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), bits);
    }

    /** exp(-1), the most frequent case, without BigInteger. */
    static boolean expMinusOne(RandomBits bits) {
        long k = 1;
        while (bits.nextLong(k) < 1) {
            k++;
        }
        return (k & 1) == 1;
    }

    private static boolean expMinusAtMostOne(BigInteger numerator, BigInteger denominator, RandomBits bits) {
        if (numerator.signum() == 0) {
            return true;
        }
        if (denominator.bitLength() < 40) {
            long n = numerator.longValueExact();
            long d = denominator.longValueExact();
            long k = 1;
            // d * k stays far below 2^63: k exceeds a few dozen with negligible probability, and we
            // fall back to BigInteger long before it could overflow.
            while (k < (1L << 22)) {
                if (bits.nextLong(d * k) < n) {
                    k++;
                } else {
                    return (k & 1) == 1;
                }
            }
            return expMinusAtMostOneBig(numerator, denominator, BigInteger.valueOf(k), bits);
        }
        return expMinusAtMostOneBig(numerator, denominator, BigInteger.ONE, bits);
    }

    private static boolean expMinusAtMostOneBig(BigInteger numerator, BigInteger denominator, BigInteger startK,
            RandomBits bits) {
        BigInteger k = startK;
        while (bits.nextBigInteger(denominator.multiply(k)).compareTo(numerator) < 0) {
            k = k.add(BigInteger.ONE);
        }
        return k.testBit(0);
    }
}
