package io.synthline.generator.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.model.ModelDomain;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The disclosure limit k inside a leaf: no value or numeric range of a leaf's histogram counts
 * fewer than k of its rows, and values fewer than k rows of the leaf have come out with the column's weights, so a
 * leaf does not say which values its few rows have.
 */
class CartPoolingTest {
    private static final int K = 10;
    private static final Table ADULT = CsvTableReader.read(Datasets.adult());
    private static final TrainingData DATA = TrainingData.of(ADULT, ModelDomain.of(ADULT), DisclosureLimits.DEFAULT);

    private static Cart grow(TrainingData data, int target, int[] predictors, int minLeaf) {
        return new CartBuilder(data, target, predictors, TreeSynthesizer.allRows(data.rows), new CartBuilder.Limits(minLeaf, 30, 1e-8, K))
                .build();
    }

    private static int column(String name) {
        return ADULT.schema().indexOf(name).getAsInt();
    }

    @Test
    void everyEntryOfALeafCountsAtLeastKOfItsRowsAndTheEntriesCoverThemAll() {
        // small leaves (5 rows and up), so that most of their values are one or two rows'
        for (String[] tree : new String[][] {{"occupation", "age", "sex", "education"}, {"fnlwgt", "age", "race"},
                {"hours-per-week", "age", "occupation", "sex"}, {"native-country", "race", "education"}}) {
            int target = column(tree[0]);
            int[] predictors = Arrays.stream(tree, 1, tree.length).mapToInt(CartPoolingTest::column).toArray();
            Cart cart = grow(DATA, target, predictors, 5);
            int[] states = new int[DATA.columns()];
            Map<Integer, Map<Integer, Integer>> routed = new HashMap<>();
            for (int r = 0; r < DATA.rows; r++) {
                for (int c = 0; c < states.length; c++) {
                    states[c] = DATA.stateOf(c, r);
                }
                routed.computeIfAbsent(cart.leaf(states), l -> new HashMap<>()).merge(DATA.valueOf(target, r), 1, Integer::sum);
            }
            boolean numeric = DATA.numeric[target];
            int pooledLeaves = 0;
            for (int leaf = 0; leaf < cart.leaves(); leaf++) {
                Map<Integer, Integer> values = routed.get(leaf);
                int from = cart.entryStart[leaf];
                int to = cart.entryStart[leaf + 1];
                int rows = values.values().stream().mapToInt(Integer::intValue).sum();
                assertThat(cart.entryUpTo[to - 1]).as("%s leaf %d rows", tree[0], leaf).isEqualTo(rows);
                int previous = 0;
                for (int e = from; e < to; e++) {
                    int n = cart.entryUpTo[e] - previous;
                    previous = cart.entryUpTo[e];
                    // a categorical leaf's pooled entry names no value, so it may count fewer
                    if (to - from > 1 && (numeric || cart.entryValue[e] == cart.entryLast[e])) {
                        assertThat(n).as("%s leaf %d entry %d", tree[0], leaf, e).isGreaterThanOrEqualTo(K);
                    }
                    if (cart.entryValue[e] == cart.entryLast[e]) {
                        // a value of its own: exactly its rows
                        assertThat(n).isEqualTo(values.get(cart.entryValue[e]));
                    } else {
                        pooledLeaves++;
                    }
                }
                for (var v : values.entrySet()) {
                    int value = v.getKey();
                    boolean covered = false;
                    for (int e = from; e < to; e++) {
                        covered |= cart.entryValue[e] <= value && value <= cart.entryLast[e];
                    }
                    assertThat(covered).as("%s leaf %d value %d", tree[0], leaf, value).isTrue();
                    if (!numeric && v.getValue() >= K) {
                        int own = value;
                        assertThat(java.util.stream.IntStream.range(from, to)
                                .anyMatch(e -> cart.entryValue[e] == own && cart.entryLast[e] == own)).isTrue();
                    }
                }
                if (numeric) {
                    for (int e = from + 1; e < to; e++) {
                        assertThat(cart.entryValue[e]).as("ranges in value order, apart").isGreaterThan(cart.entryLast[e - 1]);
                    }
                }
            }
            assertThat(pooledLeaves).as("%s: pooling happened", tree[0]).isGreaterThan(0);
        }
    }

    @Test
    void pooledCategoriesComeWithTheColumnsWeightsAmongTheLeafsOtherValues() {
        // x = 0: a 380, d 10, b 5, c 5; x = 1: b 200, c 100, d 100. Globally b 205, c 105, d 110.
        int n = 800;
        double[] x = new double[n];
        int[] y = new int[n];
        int r = 0;
        r = fill(x, y, r, 0, 0, 380);
        r = fill(x, y, r, 0, 3, 10);
        r = fill(x, y, r, 0, 1, 5);
        r = fill(x, y, r, 0, 2, 5);
        r = fill(x, y, r, 1, 1, 200);
        r = fill(x, y, r, 1, 2, 100);
        r = fill(x, y, r, 1, 3, 100);
        Table table = new Table(List.of(new NumericColumn(ColumnSchema.of("x", ColumnType.INTEGER), x),
                new CategoricalColumn(ColumnSchema.of("y", ColumnType.CATEGORICAL), y, List.of("a", "b", "c", "d"))));
        TrainingData data = TrainingData.of(table, ModelDomain.of(table), DisclosureLimits.DEFAULT);
        Cart cart = grow(data, 1, new int[] {0}, 5);
        assertThat(cart.leaves()).isEqualTo(2);
        int leaf = cart.leaf(new int[] {data.stateOf(0, 0), 0});
        SplittableRandom random = new SplittableRandom(11);
        int draws = 2_000_000;
        int[] seen = new int[5];
        for (int i = 0; i < draws; i++) {
            seen[cart.value(leaf, random, data.codebook[1])]++;
        }
        // b and c share their 10 rows as the column weighs them (205 : 105); a and d keep their own counts
        double[] expected = {380 / 400.0, 10 / 400.0 * 205 / 310, 10 / 400.0 * 105 / 310, 10 / 400.0, 0};
        for (int v = 0; v < 5; v++) {
            double sd = Math.sqrt(draws * expected[v] * (1 - expected[v]));
            assertThat((double) seen[v]).as("value %d", v).isCloseTo(draws * expected[v], Offset.offset(5 * sd + 1));
        }
    }

    private static int fill(double[] x, int[] y, int from, int xValue, int category, int rows) {
        for (int i = 0; i < rows; i++) {
            x[from + i] = xValue;
            y[from + i] = category;
        }
        return from + rows;
    }
}
