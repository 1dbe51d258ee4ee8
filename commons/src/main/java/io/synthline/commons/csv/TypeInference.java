package io.synthline.commons.csv;

import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers a column type for every column in one streaming pass. Memory is bounded: exact distinct
 * tracking stops at {@link #DISTINCT_CAP} values per column.
 */
public final class TypeInference {
    static final int DISTINCT_CAP = 65_536;
    static final int MAX_CATEGORIES = 1_000;
    /** Fewer distinct values than this say nothing about a column being a key. */
    static final int MIN_ROWS_FOR_IDENTIFIER = 10;
    private static final Pattern ID_NAME = Pattern.compile("(?i)(^id$|_id$|^.*[a-z]Id$|^uuid$|^guid$|^key$)");

    private TypeInference() {
    }

    public static TableSchema infer(Path path, CsvOptions options) {
        try (CsvRowSource source = CsvRowSource.open(path, options)) {
            return infer(source);
        }
    }

    /** Consumes the rest of the source. */
    public static TableSchema infer(CsvRowSource source) {
        List<String> header = source.header();
        ColumnEvidence[] evidence = new ColumnEvidence[header.size()];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = new ColumnEvidence();
        }
        while (source.next()) {
            for (int i = 0; i < evidence.length; i++) {
                evidence[i].accept(source.value(i));
            }
        }
        List<ColumnSchema> columns = new ArrayList<>(header.size());
        for (int i = 0; i < evidence.length; i++) {
            columns.add(evidence[i].decide(header.get(i)));
        }
        return new TableSchema(columns);
    }

    /** What one column's values have shown so far; feed it every value, then ask it to decide. */
    public static final class ColumnEvidence {
        long nonNull;
        boolean allInteger = true;
        boolean allDecimal = true;
        boolean allBoolean = true;
        final List<String> datePatterns = new ArrayList<>(DateTimeFormats.CANDIDATES);
        final Set<String> distinct = new HashSet<>();
        boolean distinctOverflow;
        boolean duplicateSeen;

        public void accept(String v) {
            if (v == null) {
                return;
            }
            nonNull++;
            if (allInteger && !NumberText.isInteger(v)) {
                allInteger = false;
            }
            if (allDecimal && !allInteger && !NumberText.isDecimal(v)) {
                allDecimal = false;
            }
            if (allBoolean && !NumberText.isBoolean(v)) {
                allBoolean = false;
            }
            if (!datePatterns.isEmpty()) {
                datePatterns.removeIf(p -> Double.isNaN(DateTimeFormats.parse(v, p)));
            }
            if (!distinctOverflow) {
                if (!distinct.add(v)) {
                    duplicateSeen = true;
                } else if (distinct.size() > DISTINCT_CAP) {
                    distinctOverflow = true;
                    distinct.clear();
                }
            }
        }

        public ColumnSchema decide(String name) {
            boolean unique = !duplicateSeen && nonNull >= MIN_ROWS_FOR_IDENTIFIER;
            if (nonNull == 0) {
                return ColumnSchema.of(name, ColumnType.DECIMAL);
            }
            if (allBoolean) {
                return ColumnSchema.of(name, ColumnType.BOOLEAN);
            }
            if (allInteger) {
                boolean idLike = unique && !distinctOverflow && ID_NAME.matcher(name).find();
                return ColumnSchema.of(name, idLike ? ColumnType.IDENTIFIER : ColumnType.INTEGER);
            }
            if (allDecimal) {
                return ColumnSchema.of(name, ColumnType.DECIMAL);
            }
            if (!datePatterns.isEmpty()) {
                return new ColumnSchema(name, ColumnType.DATETIME, datePatterns.getFirst());
            }
            if (!distinctOverflow && distinct.size() <= MAX_CATEGORIES && distinct.size() * 2L <= nonNull) {
                return ColumnSchema.of(name, ColumnType.CATEGORICAL);
            }
            return ColumnSchema.of(name, unique && !distinctOverflow ? ColumnType.IDENTIFIER : ColumnType.TEXT);
        }
    }
}
