package io.synthline.commons.table;

import java.util.Objects;

/** Integers, decimals and datetimes (epoch milliseconds, UTC) as doubles; NaN marks a missing value. */
public final class NumericColumn implements Column {
    private final ColumnSchema schema;
    private final double[] values;
    private final ValueFormatter formatter;

    public NumericColumn(ColumnSchema schema, double[] values) {
        if (!schema.type().isNumeric()) {
            throw new IllegalArgumentException(schema.name() + " is " + schema.type() + ", not numeric");
        }
        this.schema = schema;
        this.values = Objects.requireNonNull(values);
        this.formatter = ValueFormatter.forSchema(schema);
    }

    @Override
    public ColumnSchema schema() {
        return schema;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int row) {
        return Double.isNaN(values[row]);
    }

    public double value(int row) {
        return values[row];
    }

    /** The backing array, shared for speed; callers must not modify it. */
    public double[] values() {
        return values;
    }

    @Override
    public String text(int row) {
        double v = values[row];
        return Double.isNaN(v) ? null : formatter.format(v);
    }
}
