package io.synthline.generator.engine.model;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.ValueFormatter;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.disclosure.NumericCells;
import java.util.List;

/**
 * What values one column of a model can take. In a sampled row ({@code double[]}) a categorical
 * cell holds the index into {@link #categories()} and a numeric cell the value itself; NaN is a
 * missing value in both.
 *
 * @param categories for categorical columns, in code order; empty for numeric ones
 * @param min        smallest value the model may produce (numeric columns)
 * @param max        largest value the model may produce (numeric columns)
 * @param resolution numeric values are rounded to multiples of this (1 for integers, 0.01 for
 *                   two decimals, a day for dates); 0 means no rounding
 */
public record ColumnDomain(ColumnSchema schema, List<String> categories, double min, double max, double resolution) {
    private static final double[] TIME_UNITS = {86_400_000, 3_600_000, 60_000, 1_000, 1};
    private static final int MAX_DECIMALS = 9;

    public ColumnDomain {
        categories = List.copyOf(categories);
    }

    public static ColumnDomain categorical(ColumnSchema schema, List<String> categories) {
        return new ColumnDomain(schema, categories, Double.NaN, Double.NaN, 0);
    }

    public static ColumnDomain numeric(ColumnSchema schema, double min, double max, double resolution) {
        return new ColumnDomain(schema, List.of(), min, max, resolution);
    }

    /**
     * The domain observed in a training column: its categories, or its precision and a range that
     * does not reveal its most extreme rows (the outer edges of its {@link NumericCells} under
     * the default {@link DisclosureLimits}).
     */
    public static ColumnDomain of(Column column) {
        return of(column, DisclosureLimits.DEFAULT);
    }

    /** As {@link #of(Column)}, the range coded under the given limits. */
    public static ColumnDomain of(Column column, DisclosureLimits limits) {
        return switch (column) {
            case CategoricalColumn c -> categorical(c.schema(), c.categories());
            case NumericColumn n -> observed(n, limits);
        };
    }

    private static ColumnDomain observed(NumericColumn column, DisclosureLimits limits) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int decimals = 0;
        double unit = column.type() == ColumnType.DATETIME ? TIME_UNITS[0] : 0;
        int unitIndex = 0;
        for (double v : column.values()) {
            if (Double.isNaN(v)) {
                continue;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (column.type() == ColumnType.DECIMAL) {
                while (decimals < MAX_DECIMALS && !isMultiple(v, decimals)) {
                    decimals++;
                }
            } else if (column.type() == ColumnType.DATETIME) {
                while (unitIndex < TIME_UNITS.length - 1 && Math.rint(v / TIME_UNITS[unitIndex]) * TIME_UNITS[unitIndex] != v) {
                    unitIndex++;
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        } else {
            NumericCells cells = NumericCells.of(column.values(), limits.minGroup(), limits.maxIntervals());
            min = cells.min();
            max = cells.max();
        }
        double resolution = switch (column.type()) {
            case INTEGER -> 1;
            case DECIMAL -> decimals >= MAX_DECIMALS ? 0 : Math.pow(10, -decimals);
            case DATETIME -> TIME_UNITS[unitIndex];
            default -> 0;
        };
        return numeric(column.schema(), min, max, resolution);
    }

    private static boolean isMultiple(double v, int decimals) {
        double scaled = v * Math.pow(10, decimals);
        return Math.abs(scaled - Math.rint(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
    }

    public String name() {
        return schema.name();
    }

    public boolean isCategorical() {
        return !schema.type().isNumeric();
    }

    public int cardinality() {
        return categories.size();
    }

    /** The value rounded to the column's precision and clamped to its range (NaN stays NaN). */
    public double conform(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        if (v < min) {
            v = min;
        } else if (v > max) {
            v = max;
        }
        if (resolution > 0) {
            if (resolution < 1) {
                double scale = Math.rint(1 / resolution);
                v = Math.rint(v * scale) / scale;
            } else {
                v = Math.rint(v / resolution) * resolution;
            }
        }
        return v;
    }

    /**
     * The value conformed to the column and kept inside [lo, hi] on its precision grid (rounding
     * alone could step just outside a range a condition asks for).
     */
    public double conformWithin(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return v;
        }
        v = conform(v);
        double r = resolution;
        if (v < lo) {
            v = r > 0 ? Math.ceil(lo / r - 1e-9) * r : lo;
        }
        if (v > hi) {
            v = r > 0 ? Math.floor(hi / r + 1e-9) * r : hi;
        }
        return v < lo || v > hi ? lo : v;
    }

    /** Index of a category, or -1. */
    public int code(String category) {
        return categories.indexOf(category);
    }

    /** The cell as text (null when missing). */
    public String text(double cell) {
        if (Double.isNaN(cell)) {
            return null;
        }
        return isCategorical() ? categories.get((int) cell) : ValueFormatter.forSchema(schema).format(cell);
    }
}
