package io.synthline.commons.csv;

import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers a column type for every column in one streaming pass, with the rules in {@link #decide}.
 * The profiler applies the same rules to what its sketches saw, so a file read into a table and a
 * profiled file get the same schema.
 */
public final class TypeInference {
    static final int DISTINCT_CAP = 65_536;
    /** More distinct values than this and a column is not categorical. */
    public static final int MAX_CATEGORIES = 1_000;
    /** Fewer values than this say nothing about a column being a key. */
    public static final int MIN_ROWS_FOR_IDENTIFIER = 10;
    /** Longer values are text, not keys. */
    public static final int MAX_IDENTIFIER_LENGTH = 64;
    /** With an estimated distinct count, this share of distinct values counts as unique (HLL error is ~2%). */
    public static final double ESTIMATED_UNIQUE_SHARE = 0.97;
    private static final Pattern ID_NAME = Pattern.compile("(?i)(^id$|_id$|^.*[a-z]Id$|^uuid$|^guid$|^key$)");

    private TypeInference() {
    }

    /** Reads the file with all cores (see {@link CsvRowSource#open(Path, CsvOptions, int)}). */
    public static TableSchema infer(Path path, CsvOptions options) {
        return infer(path, options, io.synthline.commons.concurrent.Parallel.defaultThreads());
    }

    /**
     * The file parsed by {@code threads} threads, and its columns' evidence gathered by as many,
     * each column seeing its values in file order: the same schema for any number of threads.
     */
    public static TableSchema infer(Path path, CsvOptions options, int threads) {
        try (CsvRowSource source = CsvRowSource.open(path, options, threads)) {
            return infer(source, threads);
        }
    }

    /** Consumes the rest of the source. */
    public static TableSchema infer(RowSource source) {
        return infer(source, 1);
    }

    private static TableSchema infer(RowSource source, int threads) {
        List<String> header = source.header();
        ColumnEvidence[] evidence = new ColumnEvidence[header.size()];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = new ColumnEvidence();
        }
        if (threads > 1 && evidence.length > 1) {
            ColumnBlocks.forEachBlock(source, threads, (block, column) -> {
                ColumnEvidence e = evidence[column];
                for (int r = 0, n = block.rows(); r < n; r++) {
                    e.accept(block.value(column, r));
                }
            }, null);
        } else {
            while (source.next()) {
                for (int i = 0; i < evidence.length; i++) {
                    evidence[i].accept(source.value(i));
                }
            }
        }
        List<ColumnSchema> columns = new ArrayList<>(header.size());
        for (int i = 0; i < evidence.length; i++) {
            columns.add(evidence[i].decide(header.get(i)));
        }
        return new TableSchema(columns);
    }

    /**
     * What a column's values showed, however it was gathered.
     *
     * @param datePattern   the first candidate pattern every value matched, or null
     * @param distinct      distinct non-missing values (exact or estimated)
     * @param unique        no value repeats (exactly known, or estimated from {@code distinct})
     * @param anyWhitespace some value contains whitespace (free text, not a key)
     */
    public record Facts(long nonNull, boolean allInteger, boolean allDecimal, boolean allBoolean, String datePattern,
            long distinct, boolean unique, boolean anyWhitespace, int maxLength) {
    }

    /** The inference rules: the most specific type every value fits. */
    public static ColumnSchema decide(String name, Facts f) {
        if (f.nonNull() == 0) {
            return ColumnSchema.of(name, ColumnType.DECIMAL);
        }
        boolean keyLike = f.unique() && f.nonNull() >= MIN_ROWS_FOR_IDENTIFIER;
        if (f.allBoolean()) {
            return ColumnSchema.of(name, ColumnType.BOOLEAN);
        }
        if (f.allInteger()) {
            boolean idLike = keyLike && ID_NAME.matcher(name).find();
            return ColumnSchema.of(name, idLike ? ColumnType.IDENTIFIER : ColumnType.INTEGER);
        }
        if (f.allDecimal()) {
            return ColumnSchema.of(name, ColumnType.DECIMAL);
        }
        if (f.datePattern() != null) {
            return new ColumnSchema(name, ColumnType.DATETIME, f.datePattern());
        }
        if (f.distinct() <= MAX_CATEGORIES && f.distinct() * 2L <= f.nonNull()) {
            return ColumnSchema.of(name, ColumnType.CATEGORICAL);
        }
        boolean token = !f.anyWhitespace() && f.maxLength() <= MAX_IDENTIFIER_LENGTH;
        return ColumnSchema.of(name, keyLike && token ? ColumnType.IDENTIFIER : ColumnType.TEXT);
    }

    /** True when {@code s} contains a whitespace character. */
    static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** What one column's values have shown so far; feed it every value, then ask it to decide. */
    public static final class ColumnEvidence {
        long nonNull;
        boolean allInteger = true;
        boolean allDecimal = true;
        boolean allBoolean = true;
        boolean anyWhitespace;
        int maxLength;
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
            if (v.length() > maxLength) {
                maxLength = v.length();
            }
            if (!anyWhitespace && hasWhitespace(v)) {
                anyWhitespace = true;
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
            return TypeInference.decide(name, new Facts(nonNull, allInteger, allDecimal, allBoolean,
                    datePatterns.isEmpty() ? null : datePatterns.getFirst(),
                    distinctOverflow ? DISTINCT_CAP + 1L : distinct.size(), !duplicateSeen && !distinctOverflow,
                    anyWhitespace, maxLength));
        }
    }
}
