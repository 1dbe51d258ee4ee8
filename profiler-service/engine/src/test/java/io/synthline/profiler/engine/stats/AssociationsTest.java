package io.synthline.profiler.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;

/** Rank and correlation measures against Commons Math on data with ties, missing values and signed zeros. */
class AssociationsTest {

    /** Values drawn from a small pool (many ties), with negatives, both zeros, infinities and NaNs. */
    private static double[] column(SplittableRandom random, int n, double missingShare) {
        double[] pool = {-3.5, -1, -0.0, 0.0, 0.25, 1, 2, 2.5, 7, 1e300, -1e-300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            x[i] = u < missingShare ? Double.NaN
                    : u < 0.6 ? pool[random.nextInt(pool.length)] : random.nextGaussian() * 100;
        }
        return x;
    }

    @Test
    void ranksMatchCommonsMathAverageTies() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = column(random, 1 + random.nextInt(3000), 0);
            // Commons Math orders -0.0 below 0.0 (Double.compare); numerically, as pandas ranks, they are ties
            double[] expected = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(unsignedZeros(x));
            assertThat(Associations.ranks(x)).containsExactly(expected, within(0.0));
        }
    }

    @Test
    void sortedOrderIsStableAndSkipsMissing() {
        double[] x = {2, Double.NaN, -0.0, 2, 0.0, -5, Double.NaN, 1};
        assertThat(SortedOrder.of(x, x.length)).containsExactly(5, 2, 4, 7, 0, 3);
        assertThat(SortedOrder.of(x, 3)).containsExactly(2, 0);
    }

    @Test
    void spearmanAndPearsonUsePairwiseCompleteRowsLikeCommonsMath() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(5000);
            double[] x = column(random, n, 0.2);
            double[] y = column(random, n, 0.1);
            for (int i = 0; i < n; i++) { // some dependence, with the infinities kept out of Pearson's sums
                if (!Double.isNaN(y[i]) && !Double.isNaN(x[i]) && Double.isFinite(x[i]) && random.nextBoolean()) {
                    y[i] = x[i] * 0.5 + random.nextGaussian();
                }
            }
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                    pairs.add(new double[] {x[i], y[i]});
                }
            }
            double[] a = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
            Associations.Value rho = Associations.spearman(x, y, n);
            assertThat(rho.n()).isEqualTo(pairs.size());
            if (pairs.size() > 2) {
                assertThat(rho.value()).isCloseTo(
                        new SpearmansCorrelation().correlation(unsignedZeros(a), unsignedZeros(b)), within(1e-12));
            }
            double[] fa = finite(x);
            double[] fb = finite(y);
            Associations.Value r = Associations.pearson(fa, fb, n);
            List<double[]> finitePairs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(fa[i]) && !Double.isNaN(fb[i])) {
                    finitePairs.add(new double[] {fa[i], fb[i]});
                }
            }
            if (finitePairs.size() > 2) {
                double expected = new PearsonsCorrelation().correlation(finitePairs.stream().mapToDouble(p -> p[0]).toArray(),
                        finitePairs.stream().mapToDouble(p -> p[1]).toArray());
                assertThat(r.value()).isCloseTo(expected, within(1e-12));
            }
        }
    }

    private static double[] unsignedZeros(double[] x) {
        return java.util.Arrays.stream(x).map(v -> v == 0 ? 0.0 : v).toArray();
    }

    private static double[] finite(double[] x) {
        double[] f = x.clone();
        for (int i = 0; i < f.length; i++) {
            if (Double.isInfinite(f[i]) || Math.abs(f[i]) > 1e100) {
                f[i] = Double.NaN;
            }
        }
        return f;
    }
}
