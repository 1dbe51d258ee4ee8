package io.synthline.generator.engine.pgm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelSamplerTest {
    @Test
    void controlledRoundingGivesExactCountsUpToOne() {
        SplittableRandom random = new SplittableRandom(1);
        double[] weights = {0.1, 0.25, 0.0, 0.65};
        for (int n : new int[] {1, 7, 100, 12345}) {
            int[] values = ModelSampler.allocate(weights, n, random);
            assertThat(values).hasSize(n);
            int[] counts = new int[weights.length];
            for (int v : values) {
                counts[v]++;
            }
            for (int i = 0; i < weights.length; i++) {
                assertThat((double) counts[i]).isCloseTo(n * weights[i], within(1.0));
            }
        }
    }

    @Test
    void samplesFollowTheModelsMarginals() {
        AttributeDomain domain = new AttributeDomain(new int[] {3, 4, 2});
        SplittableRandom r = new SplittableRandom(3);
        Factor ab = new Factor(domain, new int[] {0, 1}, r.doubles(12, -1, 1).toArray());
        Factor bc = new Factor(domain, new int[] {1, 2}, r.doubles(8, -1, 1).toArray());
        JunctionTree tree = JunctionTree.build(domain, List.of(ab.attrs(), bc.attrs()));
        Factor[] potentials = new Factor[tree.cliqueCount()];
        for (int c = 0; c < potentials.length; c++) {
            potentials[c] = java.util.Arrays.equals(tree.clique(c), ab.attrs()) ? ab : bc;
        }
        CliqueMarginals marginals = new GraphicalModel(tree, potentials, 1).marginals();
        int n = 60_000;
        int[][] codes = new ModelSampler(marginals).sample(n, new SplittableRandom(9));
        for (int[] attrs : List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2})) {
            double[] expected = marginals.probability(attrs).values();
            double[] observed = new double[expected.length];
            for (int row = 0; row < n; row++) {
                int index = 0;
                for (int a : attrs) {
                    index = index * domain.size(a) + codes[a][row];
                }
                observed[index] += 1.0 / n;
            }
            // controlled rounding: far below the 1/sqrt(n) ~ 0.004 of independent draws for in-clique pairs
            double tolerance = attrs[0] == 0 && attrs[1] == 2 ? 0.01 : 0.002;
            assertThat(observed).containsExactly(expected, within(tolerance));
        }
    }
}
