package io.synthline.commons.csv;

import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TableSchema;
import io.synthline.commons.table.TextBlock;
import io.synthline.commons.table.TextDictionary;
import io.synthline.commons.table.ValueHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        ColumnBlocks.forEachBlock(source, threads, (block, column) -> {
            ColumnEvidence e = evidence[column];
            char[] chars = block.chars();
            for (int r = 0, n = block.rows(); r < n; r++) {
                int length = block.length(column, r);
                if (length != TextBlock.MISSING) {
                    e.accept(chars, block.start(column, r), length);
                }
            }
        }, null, null);
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

    /** True when {@code chars[start..start+length)} contains a whitespace character. */
    static boolean hasWhitespace(char[] chars, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            if (Character.isWhitespace(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one column's values have shown so far; feed it every value, then ask it to decide. What
     * a value shows depends on its text alone, so while the distinct values are counted (up to
     * {@link #DISTINCT_CAP}) a repeat only counts: the checks run once per distinct value (most
     * cells of a table are repeats), with the same facts as checking every cell.
     */
    public static final class ColumnEvidence {
        private static final List<DateTimeFormats.Parser> CANDIDATE_PARSERS =
                DateTimeFormats.CANDIDATES.stream().map(DateTimeFormats::parser).toList();
        private final boolean keepDistinct;
        long nonNull;
        boolean allInteger = true;
        boolean allDecimal = true;
        boolean allBoolean = true;
        boolean anyWhitespace;
        int maxLength;
        /** The candidate patterns every value so far matched, in preference order. */
        final List<DateTimeFormats.Parser> datePatterns = new ArrayList<>(CANDIDATE_PARSERS);
        /** Distinct values in order of first appearance; null once no longer counted. */
        private TextDictionary distinct = new TextDictionary();
        private boolean duplicateSeen;
        /** The dictionary code of the value last accepted, while distinct values are counted. */
        private int lastCode = -1;

        public ColumnEvidence() {
            this(false);
        }

        /**
         * @param keepDistinct keep every distinct value past {@link #DISTINCT_CAP} (until
         *                     {@link #stopCountingDistinct}), for a reader that loads the
         *                     column's values by their codes in the same pass
         */
        ColumnEvidence(boolean keepDistinct) {
            this.keepDistinct = keepDistinct;
        }

        /** Takes one present value, {@code chars[start..start+length)}. */
        public void accept(char[] chars, int start, int length) {
            nonNull++;
            if (distinct != null) {
                long hash = ValueHash.of(chars, start, length);
                int code = distinct.codeOf(hash, chars, start, length);
                if (code >= 0) {
                    duplicateSeen = true;
                    lastCode = code;
                    return;
                }
                if (!keepDistinct && distinct.size() == DISTINCT_CAP) {
                    stopCountingDistinct();
                } else {
                    lastCode = distinct.add(hash, chars, start, length);
                }
            }
            check(chars, start, length);
        }

        /** What the value's text shows. */
        private void check(char[] chars, int start, int length) {
            if (allInteger && !NumberText.isInteger(chars, start, length)) {
                allInteger = false;
            }
            if (allDecimal && !allInteger && !NumberText.isDecimal(chars, start, length)) {
                allDecimal = false;
            }
            if (allBoolean && !NumberText.isBoolean(chars, start, length)) {
                allBoolean = false;
            }
            if (!datePatterns.isEmpty()) {
                datePatterns.removeIf(p -> Double.isNaN(p.parse(chars, start, length)));
            }
            if (length > maxLength) {
                maxLength = length;
            }
            if (!anyWhitespace && hasWhitespace(chars, start, length)) {
                anyWhitespace = true;
            }
        }

        /** Distinct values in order of first appearance (codes as {@link #lastCode}); null once no longer counted. */
        TextDictionary distinct() {
            return distinct;
        }

        int lastCode() {
            return lastCode;
        }

        /** From now on every value is checked on its own and distinct values are not counted (more than the cap were seen). */
        void stopCountingDistinct() {
            distinct = null;
            lastCode = -1;
        }

        /** More than {@link #DISTINCT_CAP} distinct values were seen. */
        boolean overflow() {
            return distinct == null || distinct.size() > DISTINCT_CAP;
        }

        public ColumnSchema decide(String name) {
            boolean overflow = overflow();
            return TypeInference.decide(name, new Facts(nonNull, allInteger, allDecimal, allBoolean,
                    datePatterns.isEmpty() ? null : datePatterns.getFirst().pattern(),
                    overflow ? DISTINCT_CAP + 1L : distinct.size(), !duplicateSeen && !overflow,
                    anyWhitespace, maxLength));
        }
    }
}
