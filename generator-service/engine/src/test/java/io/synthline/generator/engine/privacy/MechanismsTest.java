package io.synthline.generator.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.generator.engine.privacy.noise.RandomBits;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class MechanismsTest {
    private static Mechanisms mechanisms(double epsilon, long seed) {
        PrivacyAccountant accountant = new PrivacyAccountant(new PrivacyGuarantee(epsilon, 1e-6), 1e-7);
        return new Mechanisms(accountant, RandomBits.seededNotPrivate(seed));
    }

    @Test
    void exponentialMechanismSelectsWithTheExactProbabilities() {
        double[] scores = {10, 9.5, 7, 3.25, 10};
        double epsilon = 0.8;
        double sensitivity = 2;
        RandomBits bits = RandomBits.seededNotPrivate(1);
        int draws = 40_000;
        long[] counts = new long[scores.length];
        for (int i = 0; i < draws; i++) {
            counts[Mechanisms.sampleExponential(scores, sensitivity, epsilon, bits)]++;
        }
        double z = 0;
        for (double s : scores) {
            z += Math.exp(epsilon * s / (2 * sensitivity));
        }
        double chi2 = 0;
        for (int i = 0; i < scores.length; i++) {
            double expected = draws * Math.exp(epsilon * scores[i] / (2 * sensitivity)) / z;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        assertThat(ChiSquaredDistribution.of(scores.length - 1).survivalProbability(chi2)).isGreaterThan(1e-4);
    }

    @Test
    void exponentialMechanismChargesEpsilonSquaredOverEight() {
        Mechanisms m = mechanisms(1, 2);
        m.exponential(new double[] {1, 2, 3}, 1, 0.1, "selection", "pick");
        assertThat(m.accountant().rhoSpent()).isCloseTo(0.1 * 0.1 / 8, within(1e-15));
        assertThat(m.accountant().spends().getFirst().mechanism()).isEqualTo(Mechanism.EXPONENTIAL);
    }

    @Test
    void gaussianChargesAndAddsIntegerNoiseOfTheRightScale() {
        Mechanisms m = mechanisms(1, 3);
        long[] counts = new long[20_000];
        long[] noisy = m.gaussian(counts, 5, 1, "stage", "zeros");
        assertThat(m.accountant().rhoSpent()).isCloseTo(1.0 / 50, within(1e-15));
        double variance = 0;
        for (long v : noisy) {
            variance += (double) v * v;
        }
        variance /= noisy.length;
        assertThat(variance).isCloseTo(25, within(5 * 25 * Math.sqrt(2.0 / noisy.length)));
    }

    @Test
    void frequentValuesKeepsCommonValuesAndDropsRareOnes() {
        Mechanisms m = mechanisms(1, 4);
        double rho = 0.01;
        double delta = 1e-8;
        List<String> kept = m.frequentValues(Map.of("common", 5_000L, "also-common", 800L, "rare", 2L, "unique", 1L),
                rho, delta, "domain", "categories of x");
        assertThat(kept).containsExactly("also-common", "common");
        PrivacySpend spend = m.accountant().spends().getFirst();
        assertThat(spend.mechanism()).isEqualTo(Mechanism.THRESHOLDED_GAUSSIAN);
        assertThat(spend.delta()).isEqualTo(delta);
        assertThat(spend.rho()).isEqualTo(rho);
    }

    @Test
    void aValueSeenOnceAlmostNeverPassesTheThreshold() {
        // The delta part of the thresholded histogram: with a loose delta (1e-2) a count of 1 passes
        // at most 1 % of the time (the bound is sub-Gaussian, so the true rate is lower).
        RandomBits bits = RandomBits.seededNotPrivate(5);
        double delta = 1e-2;
        int passed = 0;
        int trials = 40_000;
        for (int i = 0; i < trials; i++) {
            passed += Mechanisms.sampleFrequentValues(Map.of("x", 1L), 1, delta, bits).size();
        }
        assertThat((double) passed / trials).isLessThanOrEqualTo(delta);
        // and the threshold is not absurdly conservative: a count of 1 + 2 sigma passes sometimes
        int strong = 0;
        for (int i = 0; i < 10_000; i++) {
            strong += Mechanisms.sampleFrequentValues(Map.of("x", 3L), 1, delta, bits).size();
        }
        assertThat(strong).isGreaterThan(100);
    }
}
