package io.synthline.generator.engine.privacy;

import io.synthline.generator.engine.privacy.noise.DiscreteGaussian;
import io.synthline.generator.engine.privacy.noise.ExactBernoulli;
import io.synthline.generator.engine.privacy.noise.RandomBits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mechanisms of one run: every call charges the accountant first and draws its noise from
 * the run's random bits. This is the only place where private data meets noise; callers hand in
 * exact counts (or scores) whose sensitivity they state.
 */
public final class Mechanisms {
    private final PrivacyAccountant accountant;
    private final RandomBits bits;

    public Mechanisms(PrivacyAccountant accountant, RandomBits bits) {
        this.accountant = accountant;
        this.bits = bits;
    }

    public PrivacyAccountant accountant() {
        return accountant;
    }

    public RandomBits bits() {
        return bits;
    }

    /**
     * Adds discrete Gaussian noise N_Z(0, sigma^2) to each count. The counts must form a query of
     * L2 sensitivity {@code sensitivity} under adding or removing one row.
     */
    public long[] gaussian(long[] counts, double sigma, double sensitivity, String stage, String purpose) {
        accountant.charge(new PrivacySpend(Mechanism.DISCRETE_GAUSSIAN, stage, purpose,
                ZeroConcentratedDp.gaussianRho(sensitivity, sigma), 0, sigma));
        DiscreteGaussian noise = DiscreteGaussian.withSigmaAtLeast(sigma);
        long[] noisy = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            noisy[i] = counts[i] + noise.sample(bits);
        }
        return noisy;
    }

    /** {@link #gaussian} for a sensitivity-1 query, with sigma chosen to cost exactly {@code rho}. */
    public long[] gaussianWithRho(long[] counts, double rho, String stage, String purpose) {
        return gaussian(counts, ZeroConcentratedDp.gaussianSigma(1, rho), 1, stage, purpose);
    }

    /**
     * The exponential mechanism: returns index i with probability proportional to
     * exp(epsilon * score[i] / (2 sensitivity)). Sampled exactly by rejection (pick i uniformly,
     * accept with probability exp(-epsilon (max - score[i]) / (2 sensitivity)), an exact
     * Bernoulli), so floating-point rounding cannot leak. Costs epsilon^2 / 8 (bounded range).
     */
    public int exponential(double[] scores, double sensitivity, double epsilon, String stage, String purpose) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no candidates to select from");
        }
        if (!(sensitivity > 0) || !(epsilon > 0)) {
            throw new IllegalArgumentException("sensitivity and epsilon must be positive");
        }
        accountant.charge(new PrivacySpend(Mechanism.EXPONENTIAL, stage, purpose,
                ZeroConcentratedDp.exponentialRho(epsilon), 0, epsilon));
        return sampleExponential(scores, sensitivity, epsilon, bits);
    }

    /** The exponential mechanism's sampling, without accounting (tests check its distribution). */
    static int sampleExponential(double[] scores, double sensitivity, double epsilon, RandomBits bits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("scores must be finite");
            }
            max = Math.max(max, s);
        }
        // epsilon / (2 sensitivity), rounded down: a smaller epsilon only strengthens the guarantee.
        BigDecimal rate = new BigDecimal(epsilon).divide(new BigDecimal(sensitivity).multiply(BigDecimal.TWO),
                new MathContext(34, RoundingMode.FLOOR));
        BigDecimal top = new BigDecimal(max);
        BigInteger[] numerators = new BigInteger[scores.length];
        BigInteger[] denominators = new BigInteger[scores.length];
        for (int i = 0; i < scores.length; i++) {
            BigDecimal gamma = top.subtract(new BigDecimal(scores[i])).multiply(rate);
            if (gamma.scale() <= 0) {
                numerators[i] = gamma.toBigIntegerExact();
                denominators[i] = BigInteger.ONE;
            } else {
                numerators[i] = gamma.unscaledValue();
                denominators[i] = BigInteger.TEN.pow(gamma.scale());
            }
        }
        while (true) {
            int i = (int) bits.nextLong(scores.length);
            if (ExactBernoulli.withExpMinus(numerators[i], denominators[i], bits)) {
                return i;
            }
        }
    }

    /**
     * Learns which values occur often enough to publish: discrete Gaussian noise on the count of
     * every value that occurs, keeping those whose noisy count reaches 1 + sigma sqrt(2 ln(1/delta)).
     * Each row adds to one value's count, so a value present in only one of two neighbouring
     * datasets has count 1 and passes with probability at most delta (the discrete Gaussian is
     * sigma^2-subgaussian, Canonne, Kamath and Steinke 2020); otherwise this is a Gaussian
     * mechanism of sensitivity 1 followed by post-processing. Returns the kept values sorted, so
     * that not even the order of first appearance in the data leaks.
     */
    public List<String> frequentValues(Map<String, Long> counts, double rho, double delta, String stage, String purpose) {
        double sigma = ZeroConcentratedDp.gaussianSigma(1, rho);
        accountant.charge(new PrivacySpend(Mechanism.THRESHOLDED_GAUSSIAN, stage, purpose, rho, delta, sigma));
        return sampleFrequentValues(counts, sigma, delta, bits);
    }

    /** The thresholded histogram's sampling, without accounting (tests check its failure probability). */
    static List<String> sampleFrequentValues(Map<String, Long> counts, double sigma, double delta, RandomBits bits) {
        double threshold = 1 + sigma * Math.sqrt(2 * Math.log(1 / delta));
        DiscreteGaussian noise = DiscreteGaussian.withSigmaAtLeast(sigma);
        List<String> kept = new ArrayList<>();
        // Iterate in sorted order so that the noise each value gets does not depend on hashing.
        for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > 0 && e.getValue() + noise.sample(bits) >= threshold) {
                kept.add(e.getKey());
            }
        }
        return kept;
    }
}
