package io.synthline.commons.csv;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file into a columnar {@link Table}: one pass to infer types (unless given), one to load. */
public final class CsvTableReader {
    private CsvTableReader() {
    }

    public static Table read(Path path) {
        return read(path, CsvOptions.defaults(), null);
    }

    /**
     * @param explicit types the caller declares; they win over inference for the columns they
     *                 name. If it names every column, inference is skipped.
     */
    public static Table read(Path path, CsvOptions options, TableSchema explicit) {
        TableSchema schema;
        if (explicit != null && coversHeader(path, options, explicit)) {
            schema = explicit;
        } else {
            schema = TypeInference.infer(path, options).overriddenBy(explicit);
        }
        try (CsvRowSource source = CsvRowSource.open(path, options)) {
            return load(source, schema);
        }
    }

    private static boolean coversHeader(Path path, CsvOptions options, TableSchema explicit) {
        try (CsvRowSource source = CsvRowSource.open(path, options)) {
            return explicit.names().equals(source.header());
        }
    }

    /** Loads the rest of the source with a known schema whose column order matches the header. */
    public static Table load(CsvRowSource source, TableSchema schema) {
        if (!schema.names().equals(source.header())) {
            throw new CsvFormatException("schema-mismatch", 1, null,
                    "the header " + source.header() + " does not match the schema columns " + schema.names());
        }
        ColumnBuilder[] builders = new ColumnBuilder[schema.size()];
        for (int i = 0; i < builders.length; i++) {
            ColumnSchema cs = schema.column(i);
            builders[i] = cs.type().isNumeric() ? new NumericBuilder(cs) : new CategoricalBuilder(cs);
        }
        while (source.next()) {
            for (int i = 0; i < builders.length; i++) {
                builders[i].add(source.value(i), source);
            }
        }
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder b : builders) {
            columns.add(b.build());
        }
        return new Table(columns);
    }

    private interface ColumnBuilder {
        void add(String value, CsvRowSource at);

        Column build();
    }

    private static final class NumericBuilder implements ColumnBuilder {
        private final ColumnSchema schema;
        private double[] values = new double[1024];
        private int size;

        NumericBuilder(ColumnSchema schema) {
            this.schema = schema;
        }

        @Override
        public void add(String value, CsvRowSource at) {
            double v;
            if (value == null) {
                v = Double.NaN;
            } else {
                v = schema.type() == ColumnType.DATETIME ? DateTimeFormats.parse(value, schema.format())
                        : NumberText.parse(value);
                if (Double.isNaN(v)) {
                    throw new CsvFormatException("type-mismatch", at.lineNumber(), schema.name(),
                            "'" + abbreviate(value) + "' is not a valid " + schema.type()
                                    + (schema.format() != null ? " (" + schema.format() + ")" : ""));
                }
                if (schema.type() == ColumnType.INTEGER && v != Math.rint(v)) {
                    throw new CsvFormatException("type-mismatch", at.lineNumber(), schema.name(),
                            "'" + abbreviate(value) + "' is not an INTEGER");
                }
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        @Override
        public Column build() {
            return new NumericColumn(schema, Arrays.copyOf(values, size));
        }
    }

    private static final class CategoricalBuilder implements ColumnBuilder {
        private final ColumnSchema schema;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> categories = new ArrayList<>();
        private int[] codes = new int[1024];
        private int size;

        CategoricalBuilder(ColumnSchema schema) {
            this.schema = schema;
        }

        @Override
        public void add(String value, CsvRowSource at) {
            int code;
            if (value == null) {
                code = CategoricalColumn.NULL_CODE;
            } else {
                Integer existing = index.get(value);
                if (existing == null) {
                    code = categories.size();
                    index.put(value, code);
                    categories.add(value);
                } else {
                    code = existing;
                }
            }
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
            codes[size++] = code;
        }

        @Override
        public Column build() {
            return new CategoricalColumn(schema, Arrays.copyOf(codes, size), categories);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
