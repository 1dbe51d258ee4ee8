package io.synthline.generator.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.sampling.GivenColumns;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Drawing the other columns given cells that come from outside the model (a generated parent's attributes). */
class GivenColumnsTest {
    /** x uniform in [0, 100), group = low/high by x, y = 2x plus small noise; x missing in 10 % of rows, then group "none". */
    private static Table table() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 4000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            boolean missing = i % 10 == 0;
            x[i] = missing ? Double.NaN : r.nextInt(100);
            group[i] = missing ? 2 : x[i] < 50 ? 0 : 1;
            y[i] = missing ? -50 + r.nextInt(5) : 2 * x[i] + r.nextInt(5);
        }
        return new Table(List.of(new NumericColumn(ColumnSchema.of("x", ColumnType.INTEGER), x),
                new CategoricalColumn(ColumnSchema.of("group", ColumnType.CATEGORICAL), group, List.of("low", "high", "none")),
                new NumericColumn(ColumnSchema.of("y", ColumnType.INTEGER), y)));
    }

    @Test
    void theOtherColumnsFollowTheGivenCellsWhichAreLeftAsTheyAre() {
        FittedModel model = new TreeSynthesizer(5, 30, DisclosureLimits.DEFAULT, 1).fit(table(), 7);
        RowDrawer drawer = ((GivenColumns) model).drawerGiven(new int[] {0});
        RowRandom random = new RowRandom();
        double[] row = new double[3];
        for (double given : new double[] {3, 20.5, 77, 98}) {
            for (int i = 0; i < 200; i++) {
                row[0] = given;
                drawer.draw(random.reseed(1, i, 0), row);
                assertThat(row[0]).isEqualTo(given);
                assertThat(row[1]).as("group of x = %s", given).isEqualTo(given < 50 ? 0 : 1);
                assertThat(row[2]).as("y of x = %s", given).isBetween(2 * given - 12, 2 * given + 16);
            }
        }
        for (int i = 0; i < 200; i++) {
            row[0] = Double.NaN;
            drawer.draw(random.reseed(2, i, 0), row);
            assertThat(row[1]).isEqualTo(2);
            assertThat(row[2]).isBetween(-50.0, -46.0);
        }
    }

    @Test
    void aGivenCategoryDecidesTheNumbersAndAnUnknownOneIsRefused() {
        FittedModel model = new TreeSynthesizer(5, 30, DisclosureLimits.DEFAULT, 1).fit(table(), 7);
        RowDrawer drawer = ((GivenColumns) model).drawerGiven(new int[] {1});
        RowRandom random = new RowRandom();
        double[] row = new double[3];
        for (int i = 0; i < 300; i++) {
            row[1] = 1;
            drawer.draw(random.reseed(3, i, 0), row);
            assertThat(row[0]).isBetween(50.0, 99.0);
            assertThat(row[1]).isEqualTo(1);
        }
        row[1] = 7;
        assertThatThrownBy(() -> drawer.draw(random.reseed(3, 0, 0), row)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ((GivenColumns) model).drawerGiven(new int[] {1, 1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fittingOnlyForTheGivenColumnsDrawsExactlyWhatTheFullModelDraws() {
        Table t = table();
        TreeSynthesizer synthesizer = new TreeSynthesizer(5, 30, DisclosureLimits.DEFAULT, 1);
        RowDrawer full = ((GivenColumns) synthesizer.fit(t, 7)).drawerGiven(new int[] {0});
        FittedModel lean = synthesizer.fitGiven(t, 1, 7);
        RowDrawer given = ((GivenColumns) lean).drawerGiven(new int[] {0});
        RowRandom a = new RowRandom();
        RowRandom b = new RowRandom();
        double[] rowA = new double[3];
        double[] rowB = new double[3];
        for (int i = 0; i < 500; i++) {
            rowA[0] = rowB[0] = i % 7 == 0 ? Double.NaN : i % 100;
            full.draw(a.reseed(4, i, 0), rowA);
            given.draw(b.reseed(4, i, 0), rowB);
            assertThat(rowB).containsExactly(rowA);
        }
        // unconditionally, the given column comes from its own chain and the rest from the trees
        RowDrawer unconditional = lean.newDrawer();
        for (int i = 0; i < 200; i++) {
            unconditional.draw(a.reseed(5, i, 0), rowA);
            assertThat(Double.isNaN(rowA[0]) || rowA[0] >= 0 && rowA[0] < 100).isTrue();
            if (!Double.isNaN(rowA[0])) {
                assertThat(rowA[1]).isEqualTo(rowA[0] < 50 ? 0 : 1);
            }
        }
    }
}
