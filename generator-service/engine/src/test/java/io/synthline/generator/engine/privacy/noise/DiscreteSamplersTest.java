package io.synthline.generator.engine.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.function.LongSupplier;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistical tests of the exact samplers against their exact distributions: chi-square
 * goodness of fit over many draws, and mean, variance and tail mass within 5 standard errors.
 * Fixed seeds make them reproducible; at the 1e-4 significance level used, a correct sampler
 * fails with probability 1e-4 per seed, and a sampler with the wrong scale fails every time.
 */
class DiscreteSamplersTest {
    private static final int DRAWS = 200_000;

    /** Unnormalised exact pmfs. */
    private static LongToDoubleFunction gaussianPmf(double variance) {
        return x -> Math.exp(-(double) x * x / (2 * variance));
    }

    private static LongToDoubleFunction laplacePmf(double scale) {
        return x -> Math.exp(-Math.abs(x) / scale);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 3, 10.7})
    void discreteGaussianMatchesItsDistribution(double sigma) {
        DiscreteGaussian gaussian = DiscreteGaussian.withSigmaAtLeast(sigma);
        RandomBits bits = RandomBits.seededNotPrivate(42);
        check(() -> gaussian.sample(bits), gaussianPmf(gaussian.variance()), sigma);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 20})
    void discreteLaplaceMatchesItsDistribution(long scale) {
        DiscreteLaplace laplace = DiscreteLaplace.withScale(scale);
        RandomBits bits = RandomBits.seededNotPrivate(7);
        check(() -> laplace.sample(bits), laplacePmf(scale), scale);
    }

    @Test
    void discreteLaplaceWithRationalScale() {
        DiscreteLaplace laplace = new DiscreteLaplace(5, 2);
        RandomBits bits = RandomBits.seededNotPrivate(11);
        check(() -> laplace.sample(bits), laplacePmf(2.5), 2.5);
        assertThat(laplace.variance()).isCloseTo(exactMoments(laplacePmf(2.5), 100)[1],
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aWrongScaleIsRejected() {
        // The same test fails for a sampler whose sigma is 5 % off: the tests have power.
        DiscreteGaussian wrong = DiscreteGaussian.withSigmaAtLeast(3.15);
        RandomBits bits = RandomBits.seededNotPrivate(42);
        long[] draws = draw(() -> wrong.sample(bits));
        assertThat(chiSquarePValue(draws, gaussianPmf(9), 3)).isLessThan(1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/2", "1/1", "5/2", "0/3", "7/3"})
    void bernoulliOfExpMinusGamma(String gamma) {
        String[] parts = gamma.split("/");
        BigInteger n = new BigInteger(parts[0]);
        BigInteger d = new BigInteger(parts[1]);
        double p = Math.exp(-n.doubleValue() / d.doubleValue());
        RandomBits bits = RandomBits.seededNotPrivate(3);
        int hits = 0;
        for (int i = 0; i < DRAWS; i++) {
            hits += ExactBernoulli.withExpMinus(n, d, bits) ? 1 : 0;
        }
        double se = Math.sqrt(p * (1 - p) / DRAWS);
        assertThat((double) hits / DRAWS).isCloseTo(p, org.assertj.core.api.Assertions.within(5 * se + 1e-12));
    }

    @Test
    void uniformIntegersAreUniform() {
        RandomBits bits = RandomBits.seededNotPrivate(5);
        int k = 37;
        long[] counts = new long[k];
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) bits.nextLong(k)]++;
        }
        double expected = (double) DRAWS / k;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertThat(ChiSquaredDistribution.of(k - 1).survivalProbability(chi2)).isGreaterThan(1e-4);
        BigInteger big = BigInteger.ONE.shiftLeft(100).add(BigInteger.valueOf(12345));
        for (int i = 0; i < 1000; i++) {
            BigInteger v = bits.nextBigInteger(big);
            assertThat(v.signum()).isGreaterThanOrEqualTo(0);
            assertThat(v).isLessThan(big);
        }
    }

    @Test
    void onlyTheSecureSourceClaimsPrivacy() {
        assertThat(RandomBits.secure().isPrivate()).isTrue();
        RandomBits seeded = RandomBits.seededNotPrivate(1);
        assertThat(seeded.isPrivate()).isFalse();
        assertThat(seeded.description()).contains("NOT PRIVATE");
        // seeded is reproducible, which is exactly why it is not private
        RandomBits again = RandomBits.seededNotPrivate(1);
        DiscreteGaussian g = DiscreteGaussian.withSigmaAtLeast(4);
        for (int i = 0; i < 100; i++) {
            assertThat(g.sample(seeded)).isEqualTo(g.sample(again));
        }
    }

    @Test
    void varianceIsRoundedUpNeverDown() {
        for (double sigma : new double[] {0.01, 0.3, 1.7, 39.4760003, 1234.5}) {
            DiscreteGaussian g = DiscreteGaussian.withSigmaAtLeast(sigma);
            assertThat(g.sigma()).isGreaterThanOrEqualTo(sigma).isLessThan(sigma * (1 + 1e-3) + 1e-3);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static long[] draw(LongSupplier sampler) {
        long[] draws = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = sampler.getAsLong();
        }
        return draws;
    }

    private static void check(LongSupplier sampler, LongToDoubleFunction pmf, double scale) {
        long[] draws = draw(sampler);
        long range = (long) Math.ceil(60 * scale) + 60;
        double[] moments = exactMoments(pmf, range);
        double mean = 0;
        for (long x : draws) {
            mean += x;
        }
        mean /= DRAWS;
        double variance = 0;
        double fourth = 0;
        for (long x : draws) {
            variance += (x - mean) * (x - mean);
        }
        variance /= DRAWS - 1;
        for (long x : draws) {
            fourth += Math.pow(x, 4);
        }
        fourth /= DRAWS;
        assertThat(mean).as("mean").isCloseTo(0, org.assertj.core.api.Assertions.within(5 * Math.sqrt(moments[1] / DRAWS)));
        double varianceSe = Math.sqrt((moments[2] - moments[1] * moments[1]) / DRAWS);
        assertThat(variance).as("variance").isCloseTo(moments[1], org.assertj.core.api.Assertions.within(5 * varianceSe));
        // tail mass beyond two standard deviations
        long cut = Math.max(1, Math.round(2 * Math.sqrt(moments[1])));
        double tail = tailMass(pmf, range, cut);
        long inTail = 0;
        for (long x : draws) {
            if (Math.abs(x) >= cut) {
                inTail++;
            }
        }
        assertThat((double) inTail / DRAWS).as("tail mass").isCloseTo(tail,
                org.assertj.core.api.Assertions.within(5 * Math.sqrt(tail * (1 - tail) / DRAWS) + 1e-9));
        assertThat(chiSquarePValue(draws, pmf, scale)).as("chi-square p-value").isGreaterThan(1e-4);
    }

    /** [normaliser, variance, fourth moment] of the symmetric pmf on [-range, range]. */
    private static double[] exactMoments(LongToDoubleFunction pmf, long range) {
        double z = 0;
        double second = 0;
        double fourth = 0;
        for (long x = -range; x <= range; x++) {
            double p = pmf.applyAsDouble(x);
            z += p;
            second += p * x * x;
            fourth += p * Math.pow(x, 4);
        }
        return new double[] {z, second / z, fourth / z};
    }

    private static double tailMass(LongToDoubleFunction pmf, long range, long cut) {
        double z = 0;
        double tail = 0;
        for (long x = -range; x <= range; x++) {
            double p = pmf.applyAsDouble(x);
            z += p;
            if (Math.abs(x) >= cut) {
                tail += p;
            }
        }
        return tail / z;
    }

    /** Chi-square over the values with expected count >= 5 each, the rest pooled into two tails. */
    private static double chiSquarePValue(long[] draws, LongToDoubleFunction pmf, double scale) {
        long range = (long) Math.ceil(60 * scale) + 60;
        double z = 0;
        for (long x = -range; x <= range; x++) {
            z += pmf.applyAsDouble(x);
        }
        long limit = 0;
        while (DRAWS * pmf.applyAsDouble(limit + 1) / z >= 5) {
            limit++;
        }
        int bins = (int) (2 * limit + 3);
        double[] expected = new double[bins];
        long[] observed = new long[bins];
        for (long x = -range; x <= range; x++) {
            expected[bin(x, limit)] += DRAWS * pmf.applyAsDouble(x) / z;
        }
        for (long x : draws) {
            observed[bin(x, limit)]++;
        }
        double chi2 = 0;
        int used = 0;
        for (int b = 0; b < bins; b++) {
            if (expected[b] > 0) {
                chi2 += (observed[b] - expected[b]) * (observed[b] - expected[b]) / expected[b];
                used++;
            }
        }
        return ChiSquaredDistribution.of(used - 1).survivalProbability(chi2);
    }

    private static int bin(long x, long limit) {
        if (x < -limit) {
            return 0;
        }
        if (x > limit) {
            return (int) (2 * limit + 2);
        }
        return (int) (x + limit + 1);
    }
}
