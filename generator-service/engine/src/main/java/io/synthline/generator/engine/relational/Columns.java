package io.synthline.generator.engine.relational;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column building blocks of the relational model: picking rows without recoding, and growing output columns. */
final class Columns {
    private Columns() {
    }

    /**
     * The column's values at the given rows (-1: missing), renamed. Categories keep their codes,
     * unlike {@link io.synthline.commons.table.Table#rows}: a model of the picked column then
     * draws the same codes as one of the original.
     */
    static Column pick(Column c, int[] rows, String name) {
        ColumnSchema schema = new ColumnSchema(name, c.type(), c.schema().format());
        return switch (c) {
            case NumericColumn n -> {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = rows[i] < 0 ? Double.NaN : n.value(rows[i]);
                }
                yield new NumericColumn(schema, v);
            }
            case CategoricalColumn k -> {
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    codes[i] = rows[i] < 0 ? CategoricalColumn.NULL_CODE : k.code(rows[i]);
                }
                yield new CategoricalColumn(schema, codes, k.categories());
            }
        };
    }

    static NumericColumn integers(String name, double[] values) {
        return new NumericColumn(ColumnSchema.of(name, ColumnType.INTEGER), values);
    }

    static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** A growing output column: numbers, codes of known categories, or texts. */
    static final class Buffer {
        private final ColumnSchema schema;
        private final List<String> categories;
        private double[] values;
        private int[] codes;
        private Map<String, Integer> dictionary;
        private int size;

        private Buffer(ColumnSchema schema, List<String> categories) {
            this.schema = schema;
            this.categories = categories;
            if (schema.type().isNumeric()) {
                values = new double[1024];
            } else {
                codes = new int[1024];
            }
        }

        static Buffer numeric(ColumnSchema schema) {
            return new Buffer(schema, null);
        }

        /** Codes into known categories (a learned column's). */
        static Buffer coded(ColumnSchema schema, List<String> categories) {
            return new Buffer(schema, categories);
        }

        /** Texts gathered into categories as they come (keys, PII). */
        static Buffer text(ColumnSchema schema) {
            Buffer b = new Buffer(schema, new ArrayList<>());
            b.dictionary = new HashMap<>();
            return b;
        }

        /** A model cell: a number, or a category code (NaN: missing). */
        void addCell(double cell) {
            if (values != null) {
                grow();
                values[size++] = cell;
            } else {
                grow();
                codes[size++] = Double.isNaN(cell) ? CategoricalColumn.NULL_CODE : (int) cell;
            }
        }

        void addText(String text) {
            grow();
            if (text == null) {
                codes[size++] = CategoricalColumn.NULL_CODE;
                return;
            }
            Integer code = dictionary.get(text);
            if (code == null) {
                code = categories.size();
                categories.add(text);
                dictionary.put(text, code);
            }
            codes[size++] = code;
        }

        private void grow() {
            if (values != null && size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            } else if (codes != null && size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
        }

        Column build() {
            return values != null ? new NumericColumn(schema, Arrays.copyOf(values, size))
                    : new CategoricalColumn(schema, Arrays.copyOf(codes, size), categories);
        }
    }
}
