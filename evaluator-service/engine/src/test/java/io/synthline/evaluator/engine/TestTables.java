package io.synthline.evaluator.engine;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiny tables for hand-computed tests. */
public final class TestTables {
    private TestTables() {
    }

    public static Column numeric(String name, double... values) {
        return new NumericColumn(ColumnSchema.of(name, ColumnType.DECIMAL), values);
    }

    /** null is a missing value. */
    public static Column categorical(String name, String... values) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = values[i] == null ? CategoricalColumn.NULL_CODE : index.computeIfAbsent(values[i], v -> index.size());
        }
        return new CategoricalColumn(ColumnSchema.of(name, ColumnType.CATEGORICAL), codes, new ArrayList<>(index.keySet()));
    }

    public static Table table(Column... columns) {
        return new Table(List.of(columns));
    }

    public static Column emptyLike(Column c) {
        return c instanceof NumericColumn ? new NumericColumn(c.schema(), new double[0])
                : new CategoricalColumn(c.schema(), new int[0], List.of());
    }
}
