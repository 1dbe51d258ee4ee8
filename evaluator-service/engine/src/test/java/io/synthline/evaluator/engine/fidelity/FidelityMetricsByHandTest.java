package io.synthline.evaluator.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FidelityMetricsByHandTest {
    @Test
    void ksComplement() {
        // ECDFs of {1,2,3} and {2,3,4}: largest gap 1/3
        assertThat(KsComplement.compute(new double[] {1, 2, 3}, new double[] {2, 3, 4})).isCloseTo(2.0 / 3, within(1e-15));
        // NaN dropped: F(1) 2/3 vs 1/3
        assertThat(KsComplement.compute(new double[] {1, 1, 2}, new double[] {1, 2, 2, Double.NaN})).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(KsComplement.compute(new double[] {0, 1}, new double[] {5, 6})).isEqualTo(0.0);
        assertThat(KsComplement.compute(new double[] {Double.NaN}, new double[] {1})).isNaN();
        // rounded to 14 decimals first, as SDMetrics does: these two samples are then identical
        assertThat(KsComplement.compute(new double[] {0.1 + 0.2}, new double[] {0.3})).isEqualTo(1.0);
    }

    @Test
    void tvComplementWithSdmetricsRegularisationOfUnseenCategories() {
        // real a,a,b (2/3, 1/3); synthetic a,b,c,c: c unseen gets a real count of 1e-6 (also in the real total)
        double realTotal = 3 + 1e-6;
        double tv = Math.abs(0.25 - 2 / realTotal) + Math.abs(0.25 - 1 / realTotal) + Math.abs(0.5 - 1e-6 / realTotal);
        assertThat(TvComplement.compute(new int[] {0, 0, 1, -1}, new int[] {0, 1, 2, 2}, 3)).isCloseTo(1 - tv / 2, within(1e-15));
    }

    @Test
    void histogramBinsAsNumpy() {
        double[] edges = Discretizer.histogramBinEdges(new double[] {0, 10, Double.NaN}, 10);
        assertThat(edges).hasSize(11).startsWith(0.0, 1.0).endsWith(10.0);
        // digitize: below the first edge 0, the maximum gets bin 11 of its own, NaN too
        assertThat(Discretizer.digitize(new double[] {-1, 0, 0.5, 9.99, 10, 11, Double.NaN}, edges))
                .containsExactly(0, 1, 1, 10, 11, 11, 11);
        assertThat(Discretizer.histogramBinEdges(new double[] {5, 5}, 10)).startsWith(4.5).endsWith(5.5);
    }

    @Test
    void contingencySimilarityAndCramersV() {
        // real pairs (a,x) (a,x) (b,y) (b,y): V = 1; synthetic (a,x) (a,y) (b,x) (b,y)
        int[] r1 = {0, 0, 1, 1};
        int[] r2 = {0, 0, 1, 1};
        int[] s1 = {0, 0, 1, 1};
        int[] s2 = {0, 1, 0, 1};
        ContingencySimilarity.Breakdown b = ContingencySimilarity.compute(r1, r2, s1, s2, 2, 2, 0.3);
        assertThat(b.realAssociation()).isCloseTo(1.0, within(1e-15));
        // |.5-.25| + |0-.25| + |0-.25| + |.5-.25| = 1 -> 1 - 1/2
        assertThat(b.score()).isCloseTo(0.5, within(1e-15));
        // independent real table: V = 0, below the threshold, so no score
        ContingencySimilarity.Breakdown none = ContingencySimilarity.compute(s1, s2, s1, s2, 2, 2, 0.3);
        assertThat(none.realAssociation()).isCloseTo(0.0, within(1e-15));
        assertThat(none.score()).isNaN();
        // missing values are a category of their own
        assertThat(ContingencySimilarity.compute(new int[] {-1, 0}, new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0}, 1, 1, 0).score())
                .isCloseTo(0.5, within(1e-15));
    }

    @Test
    void correlationSimilarityThresholdAndConstantColumns() {
        double[] x = {1, 2, 3, 4};
        double[] y = {2, 4, 6, 8.5};
        CorrelationSimilarity.Breakdown b = CorrelationSimilarity.compute("x", "y", x, y, x, new double[] {4, 3, 2, 1}, 0);
        assertThat(b.synthetic()).isCloseTo(-1, within(1e-15));
        assertThat(b.score()).isCloseTo(1 - Math.abs(b.real() + 1) / 2, within(1e-15));
        CorrelationSimilarity.Breakdown weak = CorrelationSimilarity.compute("x", "y", x, new double[] {1, -1, -1, 1}, x, y, 0.5);
        assertThat(weak.real()).isCloseTo(0.0, within(1e-15));
        assertThat(weak.score()).isNaN();
        assertThat(weak.synthetic()).isNaN();
        assertThat(CorrelationSimilarity.compute("x", "y", x, new double[] {1, 1, 1, Double.NaN}, x, y, 0).error())
                .startsWith("ConstantInputError: The real data in column 'y' contains a constant value");
    }
}
