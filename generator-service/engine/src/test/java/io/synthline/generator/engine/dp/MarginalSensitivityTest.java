package io.synthline.generator.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.privacy.domain.Binning;
import io.synthline.generator.engine.privacy.domain.PublicDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every marginal query the synthesizers measure has L2 sensitivity 1 under adding or removing one
 * row, checked on neighbouring datasets: the encoded counts of D and of D with one row removed
 * (or one row added) differ in exactly one cell, by exactly one, for every attribute set - or not
 * at all when that row has no place in the domain and is left out of all measurements.
 */
class MarginalSensitivityTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(99);
    private static final List<String> CATEGORIES = List.of("a", "b", "c");

    private record Rows(List<String> category, List<Double> integer, List<Double> decimal) {
        Rows copy() {
            return new Rows(new ArrayList<>(category), new ArrayList<>(integer), new ArrayList<>(decimal));
        }

        void add(String c, double i, double d) {
            category.add(c);
            integer.add(i);
            decimal.add(d);
        }

        void remove(int row) {
            category.remove(row);
            integer.remove(row);
            decimal.remove(row);
        }

        Table table() {
            List<String> seen = new ArrayList<>();
            int[] codes = new int[category.size()];
            for (int r = 0; r < codes.length; r++) {
                String v = category.get(r);
                if (v == null) {
                    codes[r] = CategoricalColumn.NULL_CODE;
                } else {
                    if (!seen.contains(v)) {
                        seen.add(v);
                    }
                    codes[r] = seen.indexOf(v);
                }
            }
            List<Column> columns = List.of(
                    new CategoricalColumn(ColumnSchema.of("category", ColumnType.CATEGORICAL), codes, seen),
                    new NumericColumn(ColumnSchema.of("integer", ColumnType.INTEGER), integer.stream().mapToDouble(Double::doubleValue).toArray()),
                    new NumericColumn(ColumnSchema.of("decimal", ColumnType.DECIMAL), decimal.stream().mapToDouble(Double::doubleValue).toArray()));
            return new Table(columns);
        }
    }

    private static void addRandomRow(Rows rows) {
        // includes values outside the declared domains and missing values
        String[] categories = {"a", "b", "c", "unknown", null};
        double[] integers = {0, 3, 17, 50, 75, -4, Double.NaN};
        rows.add(categories[RANDOM.nextInt(categories.length)], integers[RANDOM.nextInt(integers.length)],
                RANDOM.nextInt(8) == 0 ? Double.NaN : RANDOM.nextDouble(-2, 2));
    }

    private static List<AttributeCodec> codecs() {
        PublicDomain.Categorical category = new PublicDomain.Categorical(ColumnSchema.of("category", ColumnType.CATEGORICAL), CATEGORIES, true);
        PublicDomain.Numeric integer = new PublicDomain.Numeric(ColumnSchema.of("integer", ColumnType.INTEGER), 0, 50, false);
        PublicDomain.Numeric decimal = new PublicDomain.Numeric(ColumnSchema.of("decimal", ColumnType.DECIMAL), -1, 1, true);
        Binning decimalBins = Binning.fromLeaves(false, -1, 1, new double[] {-1, -0.5, 0, 0.25, 0.5}, 1,
                new double[] {1, 2, 3, 1, 1}, 3);
        return List.of(new AttributeCodec.Categorical(category),
                new AttributeCodec.Numeric(integer, Binning.fromLeaves(true, 0, 50, new double[] {0, 10, 20, 30, 40}, 51,
                        new double[] {5, 1, 1, 1, 5}, 4)),
                new AttributeCodec.Numeric(decimal, decimalBins));
    }

    private static final List<int[]> QUERIES = List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {0, 1},
            new int[] {0, 2}, new int[] {1, 2}, new int[] {0, 1, 2});

    @Test
    void everyMarginalQueryHasSensitivityOneUnderAddAndRemove() {
        List<AttributeCodec> codecs = codecs();
        List<Integer> columns = List.of(0, 1, 2);
        int changedCells = 0;
        for (int trial = 0; trial < 200; trial++) {
            Rows d = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int n = 1 + RANDOM.nextInt(60);
            for (int r = 0; r < n; r++) {
                addRandomRow(d);
            }
            Rows neighbour = d.copy();
            if (RANDOM.nextBoolean()) {
                neighbour.remove(RANDOM.nextInt(n));
            } else {
                addRandomRow(neighbour);
            }
            PrivateData a = PrivateSynthesizer.encode(d.table(), codecs, columns);
            PrivateData b = PrivateSynthesizer.encode(neighbour.table(), codecs, columns);
            boolean rowCounted = Arrays.stream(a.counts(new int[] {0})).sum() != Arrays.stream(b.counts(new int[] {0})).sum();
            for (int[] q : QUERIES) {
                long[] x = a.counts(q);
                long[] y = b.counts(q);
                double l2 = 0;
                long l1 = 0;
                for (int i = 0; i < x.length; i++) {
                    long diff = x[i] - y[i];
                    l2 += diff * diff;
                    l1 += Math.abs(diff);
                }
                assertThat(Math.sqrt(l2)).as("L2 distance of query %s", Arrays.toString(q)).isEqualTo(rowCounted ? 1.0 : 0.0);
                assertThat(l1).isEqualTo(rowCounted ? 1 : 0);
                changedCells += l1;
            }
        }
        // the test exercised real changes, not only rows that were left out
        assertThat(changedCells).isGreaterThan(500);
    }

    @Test
    void rowsWithoutAPlaceAreLeftOutOfEveryQueryAlike() {
        Rows d = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        d.add("a", Double.NaN, 0.1); // integer column is not nullable: no place
        d.add("unknown", 5, Double.NaN); // unknown category and missing decimal: both nullable, kept
        PrivateData data = PrivateSynthesizer.encode(d.table(), codecs(), List.of(0, 1, 2));
        for (int[] q : QUERIES) {
            assertThat(Arrays.stream(data.counts(q)).sum()).isEqualTo(1);
        }
        assertThat(data.counts(new int[] {0})).containsExactly(0, 0, 0, 1);
    }
}
