package io.synthline.generator.engine.pgm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Belief propagation, marginal queries and estimation against brute force on small random models. */
class InferenceTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(2024);

    private record RandomModel(AttributeDomain domain, List<int[]> cliques) {
    }

    private static RandomModel randomModel() {
        int d = 4 + RANDOM.nextInt(3);
        int[] sizes = new int[d];
        for (int i = 0; i < d; i++) {
            sizes[i] = 2 + RANDOM.nextInt(3);
        }
        List<int[]> cliques = new ArrayList<>();
        int k = 2 + RANDOM.nextInt(4);
        for (int c = 0; c < k; c++) {
            int a = RANDOM.nextInt(d);
            int b = RANDOM.nextInt(d);
            int e = RANDOM.nextInt(d);
            cliques.add(RANDOM.nextBoolean() ? Attributes.of(a, b) : Attributes.of(a, b, e));
        }
        return new RandomModel(new AttributeDomain(sizes), cliques);
    }

    private static Factor randomFactor(AttributeDomain domain, int[] attrs) {
        double[] v = new double[Math.toIntExact(domain.cells(attrs))];
        for (int i = 0; i < v.length; i++) {
            v[i] = RANDOM.nextGaussian() * 1.5;
        }
        return new Factor(domain, attrs, v);
    }

    @RepeatedTest(20)
    void junctionTreeHasRunningIntersectionAndCoversEveryMeasuredSet() {
        RandomModel m = randomModel();
        JunctionTree tree = JunctionTree.build(m.domain(), m.cliques());
        for (int[] c : m.cliques()) {
            assertThat(tree.cliqueContaining(c)).isGreaterThanOrEqualTo(0);
        }
        for (int a = 0; a < m.domain().attributes(); a++) {
            assertThat(tree.cliqueContaining(new int[] {a})).isGreaterThanOrEqualTo(0);
            // the cliques containing a form a connected subtree: exactly one of them has a parent without a
            List<Integer> holding = new ArrayList<>();
            for (int c = 0; c < tree.cliqueCount(); c++) {
                if (Attributes.contains(tree.clique(c), a)) {
                    holding.add(c);
                }
            }
            int a2 = a;
            long tops = holding.stream().filter(c -> tree.parent(c) < 0 || !Attributes.contains(tree.clique(tree.parent(c)), a2)).count();
            assertThat(tops).isEqualTo(1);
        }
        assertThat(JunctionTree.size(m.domain(), m.cliques())).isEqualTo(tree.size());
    }

    @RepeatedTest(20)
    void beliefPropagationGivesExactMarginals() {
        RandomModel m = randomModel();
        JunctionTree tree = JunctionTree.build(m.domain(), m.cliques());
        Factor[] potentials = new Factor[tree.cliqueCount()];
        for (int c = 0; c < potentials.length; c++) {
            potentials[c] = randomFactor(m.domain(), tree.clique(c));
        }
        double[] joint = BruteForce.joint(m.domain(), potentials);
        CliqueMarginals marginals = new GraphicalModel(tree, potentials, 1000).marginals();
        for (int c = 0; c < tree.cliqueCount(); c++) {
            assertThat(marginals.cliqueProbabilities(c).values())
                    .containsExactly(BruteForce.marginal(m.domain(), joint, tree.clique(c)), within(1e-10));
        }
        // any set of up to three attributes, inside a clique or not
        int d = m.domain().attributes();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                int[] pair = {i, j};
                assertThat(marginals.probability(pair).values())
                        .containsExactly(BruteForce.marginal(m.domain(), joint, pair), within(1e-10));
                int k = (j + 1) % d;
                int[] triple = Attributes.of(i, j, k);
                if (triple.length == 3) {
                    assertThat(marginals.probability(triple).values())
                            .containsExactly(BruteForce.marginal(m.domain(), joint, triple), within(1e-10));
                }
            }
        }
        assertThat(marginals.marginal(new int[] {0}).sum()).isCloseTo(1000, within(1e-8));
    }

    @RepeatedTest(10)
    void evidenceAndReweightingGiveExactConditionals() {
        RandomModel m = randomModel();
        JunctionTree tree = JunctionTree.build(m.domain(), m.cliques());
        Factor[] potentials = new Factor[tree.cliqueCount()];
        for (int c = 0; c < potentials.length; c++) {
            potentials[c] = randomFactor(m.domain(), tree.clique(c));
        }
        GraphicalModel model = new GraphicalModel(tree, potentials, 1);
        int a = RANDOM.nextInt(m.domain().attributes());
        double[] weights = new double[m.domain().size(a)];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i == 0 ? 0 : RANDOM.nextDouble(); // value 0 is ruled out: -infinity potentials
        }
        CliqueMarginals conditioned = model.reweighted(a, weights).marginals();
        double[] joint = BruteForce.joint(m.domain(), potentials);
        int d = m.domain().attributes();
        int[] all = new int[d];
        for (int i = 0; i < d; i++) {
            all[i] = i;
        }
        Factor expected = new Factor(m.domain(), all, joint);
        expected.multiplyBroadcast(new Factor(m.domain(), new int[] {a}, weights));
        double z = expected.sum();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                int[] pair = {i, j};
                double[] want = expected.sumTo(pair).values();
                for (int k = 0; k < want.length; k++) {
                    want[k] /= z;
                }
                assertThat(conditioned.probability(pair).values()).containsExactly(want, within(1e-10));
            }
        }
        assertThat(conditioned.probability(new int[] {a}).values()[0]).isZero();
    }

    @Test
    void estimationRecoversExactMarginalsOfATreeModel() {
        // A chain a - b - c with exact (noise-free) 2-way counts: the estimate must reproduce them.
        AttributeDomain domain = new AttributeDomain(new int[] {3, 4, 2});
        int[] ab = {0, 1};
        int[] bc = {1, 2};
        Factor[] truth = {randomFactor(domain, ab), randomFactor(domain, bc)};
        JunctionTree tree = JunctionTree.build(domain, List.of(ab, bc));
        Factor[] ordered = new Factor[tree.cliqueCount()];
        for (int c = 0; c < ordered.length; c++) {
            ordered[c] = java.util.Arrays.equals(tree.clique(c), ab) ? truth[0] : truth[1];
        }
        double[] joint = BruteForce.joint(domain, ordered);
        double n = 50_000;
        List<Measurement> measurements = new ArrayList<>();
        for (int[] attrs : List.of(new int[] {0}, new int[] {1}, new int[] {2}, ab, bc)) {
            double[] p = BruteForce.marginal(domain, joint, attrs);
            for (int i = 0; i < p.length; i++) {
                p[i] *= n;
            }
            measurements.add(new Measurement(attrs, p, 10));
        }
        MarginalEstimator estimator = new MarginalEstimator(domain, measurements);
        assertThat(estimator.total()).isCloseTo(n, within(1e-6));
        CliqueMarginals fitted = estimator.estimate(new MarginalEstimator.Options(3000, 1e-14)).marginals();
        double[] expected = BruteForce.marginal(domain, joint, new int[] {0, 2});
        double[] actual = fitted.probability(new int[] {0, 2}).values();
        assertThat(actual).containsExactly(expected, within(2e-3));
        assertThat(fitted.marginal(ab).values()).containsExactly(measurements.get(3).values(), within(n * 2e-3));
    }

    @Test
    void estimationFromNoisyMeasurementsIsConsistentAndNonNegative() {
        AttributeDomain domain = new AttributeDomain(new int[] {5, 3});
        double[] a = {100, -20, 40, 3, 500};
        double[] b = {300, 200, 150};
        double[] ab = new double[15];
        for (int i = 0; i < 15; i++) {
            ab[i] = RANDOM.nextGaussian() * 30 + 40;
        }
        List<Measurement> ms = List.of(new Measurement(new int[] {0}, a, 20), new Measurement(new int[] {1}, b, 20),
                new Measurement(new int[] {0, 1}, ab, 30));
        CliqueMarginals m = new MarginalEstimator(domain, ms).estimate(MarginalEstimator.Options.defaults()).marginals();
        double[] joint = m.marginal(new int[] {0, 1}).values();
        double[] rowSums = m.marginal(new int[] {0}).values();
        for (double v : joint) {
            assertThat(v).isGreaterThanOrEqualTo(0);
        }
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += joint[i * 3 + j];
            }
            assertThat(s).isCloseTo(rowSums[i], within(1e-6));
        }
    }

    @RepeatedTest(10)
    void contractionEqualsProductThenSum() {
        AttributeDomain domain = new AttributeDomain(new int[] {2, 3, 4, 2, 3});
        int[] x = Attributes.of(RANDOM.nextInt(5), RANDOM.nextInt(5), RANDOM.nextInt(5));
        int[] y = Attributes.of(RANDOM.nextInt(5), RANDOM.nextInt(5));
        Factor f = new Factor(domain, x, RANDOM.doubles(domain.cells(x), 0, 1).toArray());
        Factor g = new Factor(domain, y, RANDOM.doubles(domain.cells(y), 0, 1).toArray());
        int[] union = Attributes.union(x, y);
        int[] scope = Attributes.of(union[RANDOM.nextInt(union.length)], union[RANDOM.nextInt(union.length)]);
        assertThat(f.contract(g, scope).values()).containsExactly(f.times(g).sumTo(scope).values(), within(1e-12));
    }

    @Test
    void factorOperationsByHand() {
        AttributeDomain domain = new AttributeDomain(new int[] {2, 3});
        Factor f = new Factor(domain, new int[] {0, 1}, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(f.sumTo(new int[] {0}).values()).containsExactly(6, 15);
        assertThat(f.sumTo(new int[] {1}).values()).containsExactly(5, 7, 9);
        assertThat(f.logSumExpTo(new int[] {0}).values()[0]).isCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), within(1e-12));
        Factor g = new Factor(domain, new int[] {1}, new double[] {10, 20, 30});
        f.addBroadcast(g, 1);
        assertThat(f.values()).containsExactly(11, 22, 33, 14, 25, 36);
        Factor h = new Factor(domain, new int[] {0}, new double[] {2, 0});
        Factor p = new Factor(domain, new int[] {1}, new double[] {1, 2, 3}).times(h);
        assertThat(p.attrs()).containsExactly(0, 1);
        assertThat(p.values()).containsExactly(2, 4, 6, 0, 0, 0);
        p.divideBroadcast(h);
        assertThat(p.values()).containsExactly(1, 2, 3, 0, 0, 0);
    }
}
