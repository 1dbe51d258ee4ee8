package io.synthline.bench;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A wide table for the generator's memory benchmark, built in memory and the same for the same
 * arguments: the first half of the columns decimals with two digits (about 1 % missing), the
 * rest categories with 8 values, every column loaded on one shared normal factor (loadings
 * 0.3 to 0.8) so that the models have relationships to learn.
 */
final class WideTable {
    static final int CATEGORIES = 8;

    private WideTable() {
    }

    static Table generate(int rows, int columns, long seed) {
        int decimals = (columns + 1) / 2;
        double[][] values = new double[decimals][rows];
        int[][] codes = new int[columns - decimals][rows];
        double[] loading = new double[columns];
        for (int c = 0; c < columns; c++) {
            loading[c] = 0.3 + 0.5 * c / Math.max(1, columns - 1);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            double factor = random.nextGaussian();
            for (int c = 0; c < columns; c++) {
                double z = loading[c] * factor + Math.sqrt(1 - loading[c] * loading[c]) * random.nextGaussian();
                if (c < decimals) {
                    values[c][r] = random.nextInt(100) == 0 ? Double.NaN : Math.round((50 + 10 * z) * 100) / 100.0;
                } else {
                    // equal-probability bins of the standard normal would need its quantiles; these bins are uneven on purpose
                    codes[c - decimals][r] = Math.clamp((int) Math.floor((z + 2) * CATEGORIES / 4), 0, CATEGORIES - 1);
                }
            }
        }
        List<String> categories = new ArrayList<>();
        for (int k = 0; k < CATEGORIES; k++) {
            categories.add("v" + k);
        }
        List<Column> table = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            table.add(c < decimals ? new NumericColumn(ColumnSchema.of(String.format("x%02d", c), ColumnType.DECIMAL), values[c])
                    : new CategoricalColumn(ColumnSchema.of(String.format("k%02d", c), ColumnType.CATEGORICAL), codes[c - decimals], categories));
        }
        return new Table(table);
    }
}
