package io.synthline.generator.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Leaves as histograms without pooling (k = 1): what they count, and that drawing from one is drawing one of its training rows uniformly. */
class CartLeavesTest {
    private static final Table ADULT = CsvTableReader.read(Datasets.adult());
    private static final TrainingData DATA = TrainingData.of(ADULT, ModelDomain.of(ADULT), DisclosureLimits.DEFAULT);

    private static Cart grow(String target, String... predictors) {
        int[] p = new int[predictors.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = ADULT.schema().indexOf(predictors[i]).getAsInt();
        }
        return new CartBuilder(DATA, ADULT.schema().indexOf(target).getAsInt(), p, TreeSynthesizer.allRows(DATA.rows),
                CartBuilder.Limits.DEFAULT).build();
    }

    /** Per leaf, value index -> rows: routing every training row through the tree, counted independently of the builder. */
    private static Map<Integer, Map<Integer, Integer>> routed(Cart cart, int target) {
        Map<Integer, Map<Integer, Integer>> byLeaf = new HashMap<>();
        int[] states = new int[DATA.columns()];
        for (int r = 0; r < DATA.rows; r++) {
            for (int c = 0; c < states.length; c++) {
                states[c] = DATA.stateOf(c, r);
            }
            byLeaf.computeIfAbsent(cart.leaf(states), k -> new HashMap<>()).merge(DATA.valueOf(target, r), 1, Integer::sum);
        }
        return byLeaf;
    }

    private static Map<Integer, Integer> histogram(Cart cart, int leaf) {
        Map<Integer, Integer> h = new HashMap<>();
        int previous = 0;
        for (int e = cart.entryStart[leaf]; e < cart.entryStart[leaf + 1]; e++) {
            h.put(cart.entryValue[e], cart.entryUpTo[e] - previous);
            previous = cart.entryUpTo[e];
        }
        return h;
    }

    @Test
    void everyLeafCountsTheTargetValuesOfTheTrainingRowsThatReachIt() {
        for (String[] tree : new String[][] {{"marital-status", "age", "sex", "relationship"}, {"fnlwgt", "age", "race"},
                {"capital-gain", "education", "occupation", "income"}}) {
            int target = ADULT.schema().indexOf(tree[0]).getAsInt();
            Cart cart = grow(tree[0], java.util.Arrays.copyOfRange(tree, 1, tree.length));
            Map<Integer, Map<Integer, Integer>> routed = routed(cart, target);
            assertThat(cart.leaves()).isGreaterThan(10);
            assertThat(routed.keySet()).hasSize(cart.leaves());
            for (int leaf = 0; leaf < cart.leaves(); leaf++) {
                assertThat(histogram(cart, leaf)).as("%s leaf %d", tree[0], leaf).isEqualTo(routed.get(leaf));
                for (int e = cart.entryStart[leaf] + 1; e < cart.entryStart[leaf + 1]; e++) {
                    assertThat(cart.entryValue[e]).isGreaterThan(cart.entryValue[e - 1]);
                }
            }
        }
    }

    @Test
    void aTreeWithoutPredictorsIsTheColumnsMarginal() {
        int target = ADULT.schema().indexOf("native-country").getAsInt();
        Cart cart = grow("native-country");
        assertThat(cart.leaves()).isOne();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int r = 0; r < DATA.rows; r++) {
            counts.merge(DATA.valueOf(target, r), 1, Integer::sum);
        }
        assertThat(histogram(cart, 0)).isEqualTo(counts);
    }

    @Test
    void valuesAreDrawnInProportionToTheirCounts() {
        // leaf 0: values 4, 7, 9 once each (drawn by index); leaf 1: value 2 once, value 5 three times (drawn by search)
        Cart cart = new Cart(new int[] {~0, 0, 0}, new long[0], new int[] {0, 3, 5}, new int[] {4, 7, 9, 2, 5}, new int[] {4, 7, 9, 2, 5},
                new int[] {1, 2, 3, 1, 4});
        SplittableRandom random = new SplittableRandom(3);
        int draws = 120_000;
        Map<Integer, Integer> first = new HashMap<>();
        Map<Integer, Integer> second = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            // single values only: the codebook (used for pooled ranges) is not consulted
            first.merge(cart.value(0, random, null), 1, Integer::sum);
            second.merge(cart.value(1, random, null), 1, Integer::sum);
        }
        double sdThird = Math.sqrt(draws / 3.0 * 2 / 3);
        double sdQuarter = Math.sqrt(draws * 0.25 * 0.75);
        assertThat(first.keySet()).containsExactlyInAnyOrder(4, 7, 9);
        first.values().forEach(n -> assertThat((double) n).isCloseTo(draws / 3.0, org.assertj.core.data.Offset.offset(5 * sdThird)));
        assertThat(second.keySet()).containsExactlyInAnyOrder(2, 5);
        assertThat((double) second.get(2)).isCloseTo(draws / 4.0, org.assertj.core.data.Offset.offset(5 * sdQuarter));
    }

    @Test
    void drawsFollowTheLeafCountsWithinSamplingError() {
        Cart cart = grow("occupation", "sex");
        SplittableRandom random = new SplittableRandom(7);
        int draws = 400_000;
        for (int leaf = 0; leaf < cart.leaves(); leaf++) {
            Map<Integer, Integer> expected = histogram(cart, leaf);
            long rows = expected.values().stream().mapToLong(Integer::longValue).sum();
            Map<Integer, Integer> seen = new HashMap<>();
            for (int i = 0; i < draws; i++) {
                seen.merge(cart.value(leaf, random, DATA.codebook[ADULT.schema().indexOf("occupation").getAsInt()]), 1, Integer::sum);
            }
            assertThat(seen.keySet()).isEqualTo(expected.keySet());
            for (var e : expected.entrySet()) {
                double p = (double) e.getValue() / rows;
                double sd = Math.sqrt(draws * p * (1 - p));
                assertThat((double) seen.get(e.getKey())).as("value %d of leaf %d", e.getKey(), leaf)
                        .isCloseTo(draws * p, org.assertj.core.data.Offset.offset(5 * sd + 1));
            }
        }
    }
}
