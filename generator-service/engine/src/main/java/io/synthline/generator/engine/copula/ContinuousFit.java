package io.synthline.generator.engine.copula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * Chooses the distribution of a continuous stretch of values by fit: parametric families
 * (normal, log-normal, uniform; truncated to the observed range), a Gaussian kernel density
 * estimate (Silverman's bandwidth), and the empirical quantile function. A candidate is
 * acceptable when its Kolmogorov-Smirnov distance to the data stays below the 5% critical value
 * 1.358/sqrt(n); the simplest acceptable one wins (parametric, then KDE), and the empirical
 * quantiles are the fallback that always fits. The result is a quantile function on [0, 1].
 */
final class ContinuousFit {
    private static final int KDE_GRID = 2048;
    private static final int KS_POINTS = 2048;

    record Choice(String family, DoubleUnaryOperator quantile, double ks) {
    }

    private ContinuousFit() {
    }

    /** @param sorted the values, ascending, at least two distinct */
    static Choice choose(double[] sorted, boolean allowParametric) {
        int n = sorted.length;
        double min = sorted[0];
        double max = sorted[n - 1];
        double critical = 1.358 / Math.sqrt(n);
        List<Choice> candidates = new ArrayList<>();
        if (allowParametric) {
            double mean = Arrays.stream(sorted).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
            if (sd > 0) {
                candidates.add(truncated("normal", NormalDistribution.of(mean, sd), min, max, sorted));
            }
            if (min > 0) {
                double lm = Arrays.stream(sorted).map(Math::log).average().orElse(0);
                double ls = Math.sqrt(Arrays.stream(sorted).map(v -> (Math.log(v) - lm) * (Math.log(v) - lm)).sum() / (n - 1));
                if (ls > 0) {
                    candidates.add(truncated("lognormal", LogNormalDistribution.of(lm, ls), min, max, sorted));
                }
            }
            candidates.add(truncated("uniform", UniformContinuousDistribution.of(min, max), min, max, sorted));
            Choice best = candidates.stream().min((a, b) -> Double.compare(a.ks, b.ks)).orElse(null);
            if (best != null && best.ks <= critical) {
                return best;
            }
            Choice kde = kde(sorted);
            if (kde != null && kde.ks <= critical) {
                return kde;
            }
        }
        return new Choice("empirical", u -> empiricalQuantile(sorted, u), 0);
    }

    static double empiricalQuantile(double[] sorted, double u) {
        double t = Math.min(Math.max(u, 0), 1) * (sorted.length - 1);
        int i = (int) t;
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (t - i) * (sorted[i + 1] - sorted[i]);
    }

    private static Choice truncated(String family, ContinuousDistribution d, double min, double max, double[] sorted) {
        double fMin = d.cumulativeProbability(min);
        double fMax = d.cumulativeProbability(max);
        double mass = fMax - fMin;
        if (!(mass > 0)) {
            return new Choice(family, u -> min, Double.POSITIVE_INFINITY);
        }
        DoubleUnaryOperator cdf = x -> (d.cumulativeProbability(x) - fMin) / mass;
        DoubleUnaryOperator quantile = u -> Math.min(max, Math.max(min, d.inverseCumulativeProbability(
                Math.min(fMax, Math.max(fMin, fMin + u * mass)))));
        return new Choice(family, quantile, ks(sorted, cdf));
    }

    /** Gaussian KDE with Silverman's rule, truncated to the observed range, tabulated on a grid. */
    private static Choice kde(double[] sorted) {
        int n = sorted.length;
        double min = sorted[0];
        double max = sorted[n - 1];
        double mean = Arrays.stream(sorted).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        double iqr = sorted[(int) (0.75 * (n - 1))] - sorted[(int) (0.25 * (n - 1))];
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        double h = 0.9 * spread * Math.pow(n, -0.2);
        if (!(h > 0)) {
            return null;
        }
        double step = (max - min) / (KDE_GRID - 1);
        double[] weight = new double[KDE_GRID];
        for (double v : sorted) {
            weight[(int) Math.min(KDE_GRID - 1, Math.round((v - min) / step))]++;
        }
        // CDF on the grid: each bin's mass spread by the kernel, cut at 5 bandwidths
        double[] cdf = new double[KDE_GRID];
        int reach = (int) Math.ceil(5 * h / step) + 1;
        double[] kernel = new double[2 * reach + 1];
        for (int k = -reach; k <= reach; k++) {
            kernel[k + reach] = ZMarginal.STANDARD.cumulativeProbability(k * step / h);
        }
        for (int b = 0; b < KDE_GRID; b++) {
            if (weight[b] == 0) {
                continue;
            }
            for (int g = Math.max(0, b - reach); g < KDE_GRID; g++) {
                int k = g - b;
                cdf[g] += weight[b] * (k > reach ? 1.0 : kernel[k + reach]);
            }
        }
        double lo = cdf[0];
        double hi = cdf[KDE_GRID - 1];
        for (int g = 0; g < KDE_GRID; g++) {
            cdf[g] = (cdf[g] - lo) / (hi - lo);
        }
        DoubleUnaryOperator cdfFn = x -> {
            double t = (x - min) / step;
            if (t <= 0) {
                return 0;
            }
            if (t >= KDE_GRID - 1) {
                return 1;
            }
            int i = (int) t;
            return cdf[i] + (t - i) * (cdf[i + 1] - cdf[i]);
        };
        DoubleUnaryOperator quantile = u -> {
            int i = Arrays.binarySearch(cdf, u);
            if (i >= 0) {
                return min + i * step;
            }
            int j = -i - 1;
            if (j <= 0) {
                return min;
            }
            if (j >= KDE_GRID) {
                return max;
            }
            double f = (u - cdf[j - 1]) / (cdf[j] - cdf[j - 1]);
            return min + (j - 1 + f) * step;
        };
        return new Choice("kde", quantile, ks(sorted, cdfFn));
    }

    /** Kolmogorov-Smirnov distance at up to {@value #KS_POINTS} order statistics. */
    static double ks(double[] sorted, DoubleUnaryOperator cdf) {
        int n = sorted.length;
        int stride = Math.max(1, n / KS_POINTS);
        double d = 0;
        for (int i = 0; i < n; i += stride) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double f = cdf.applyAsDouble(sorted[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) (j + 1) / n), Math.abs(f - (double) i / n)));
        }
        return d;
    }
}
