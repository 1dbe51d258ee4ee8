package io.synthline.generator.engine.copula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** The copula fit's numeric building blocks against references: Commons Math's Pearson correlation, a boxed stable sort. */
class CopulaFitTest {
    @Test
    void pearsonEqualsCommonsMath() {
        // a row count that is neither a multiple of the block nor of the unrolling, a constant column, strong and weak correlations
        int n = 2 * 1024 + 503;
        int m = 7;
        SplittableRandom random = new SplittableRandom(5);
        double[][] columns = new double[m][n];
        for (int i = 0; i < n; i++) {
            double factor = random.nextGaussian();
            for (int c = 0; c < m; c++) {
                columns[c][i] = c == 3 ? 2.5 : (0.15 * c) * factor + random.nextGaussian() + 10 * c;
            }
        }
        double[][] ours = CorrelationMatrices.pearson(columns);
        double[][] rows = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m; c++) {
                rows[i][c] = columns[c][i];
            }
        }
        double[][] reference = new PearsonsCorrelation(rows).getCorrelationMatrix().getData();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a == b) {
                    assertThat(ours[a][b]).isEqualTo(1.0);
                } else if (a == 3 || b == 3) {
                    assertThat(ours[a][b]).as("constant column").isZero();
                } else {
                    assertThat(ours[a][b]).as("r[%d][%d]", a, b).isCloseTo(reference[a][b], within(1e-12));
                }
            }
        }
        assertThat(ours[5][6]).isGreaterThan(0.3);
    }

    @Test
    void rowsSortAscendingWithMissingFirstAndTiesByIndexLikeAStableBoxedSort() {
        double[] values = {3, Double.NaN, -0.0, 0.0, 1.5, Double.NEGATIVE_INFINITY, 3, Double.NaN, 0.0, -0.0, 1.5, 2, -7.25, 3};
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble(i -> Double.isNaN(values[i]) ? Double.NEGATIVE_INFINITY : values[i]));
        assertThat(GaussianCopulaSynthesizer.ascending(values)).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        SplittableRandom random = new SplittableRandom(9);
        double[] many = random.doubles(50_000).map(v -> v < 0.05 ? Double.NaN : Math.floor(v * 300) / 7).toArray();
        Integer[] order = new Integer[many.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(many[i]) ? Double.NEGATIVE_INFINITY : many[i]));
        assertThat(GaussianCopulaSynthesizer.ascending(many)).containsExactly(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
    }
}
