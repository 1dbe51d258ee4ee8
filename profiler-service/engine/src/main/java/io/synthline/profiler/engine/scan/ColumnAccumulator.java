package io.synthline.profiler.engine.scan;

import io.synthline.commons.table.CharSlice;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Everything one column's values contribute to the profile, gathered in one pass without knowing
 * the column's type in advance: type evidence, value counts, numeric and datetime statistics for
 * as long as every value fits, lengths, formula-like cells, a PII sample and the column's share of
 * the correlation sample. Memory is bounded by sketches and fixed-size samples. Not thread-safe:
 * one worker owns a column.
 */
public final class ColumnAccumulator {
    final int index;
    final String name;
    /** Type declared by the user or the file (Parquet); null when inferred. */
    final ColumnSchema declared;
    private final long seed;
    private final int kllK;

    long count;
    long nulls;
    boolean allInteger = true;
    boolean allDecimal = true;
    boolean allBoolean = true;
    boolean anyWhitespace;
    int minLength = Integer.MAX_VALUE;
    int maxLength;
    long sumLength;
    long blank;
    long integerCount;
    long decimalCount;
    long booleanCount;
    long datetimeCount;
    long textCount;
    long formulaLike;
    long invalid;
    long firstInvalidLine = -1;

    /** Numeric statistics while every value is a number (or the declared type is numeric). */
    NumericStats numeric;
    /** Datetime statistics per candidate pattern every value so far matched (or the declared pattern). */
    List<DateCandidate> dates;
    final ValueCounter values;
    final Reservoir piiSample;
    /** Whether the column takes part in the correlation sample. */
    final boolean correlated;
    /** The correlation sample, once the pass has one (see {@link ProfilePass}). */
    CorrelationSample sample;
    /**
     * The last cell's share of the correlation sample, set when its row is sampled: its number (NaN
     * when missing or not a number) and its dictionary code ({@link CorrelationSample#MISSING_CODE}
     * when missing, {@link ValueCounter#OVERFLOW} once the column has too many distinct values).
     */
    double sampleNumber;
    int sampleCode;

    /** The cell being accepted, viewed in place. */
    private final CharSlice text = new CharSlice();

    /** The patterns inference tries, compiled once. */
    private static final List<DateTimeFormats.Parser> CANDIDATE_PARSERS =
            DateTimeFormats.CANDIDATES.stream().map(DateTimeFormats::parser).toList();

    static final class DateCandidate {
        final DateTimeFormats.Parser parser;
        final NumericStats stats;

        DateCandidate(DateTimeFormats.Parser parser, NumericStats stats) {
            this.parser = parser;
            this.stats = stats;
        }

        String pattern() {
            return parser.pattern();
        }
    }

    /**
     * @param declared              type declared by the user or the file; null to infer
     * @param correlationSampleRows slots in the correlation sample, 0 when the column takes no part
     */
    public static ColumnAccumulator create(int index, String name, ColumnSchema declared, int kllK, int hllLgK,
            int exactDistinctLimit, int piiSampleValues, int correlationSampleRows, long seed) {
        return new ColumnAccumulator(index, name, declared, kllK, hllLgK, exactDistinctLimit, piiSampleValues,
                correlationSampleRows, seed);
    }

    private ColumnAccumulator(int index, String name, ColumnSchema declared, int kllK, int hllLgK, int exactDistinctLimit,
            int piiSampleValues, int correlationSampleRows, long seed) {
        this.index = index;
        this.name = name;
        this.declared = declared;
        this.seed = seed;
        this.kllK = kllK;
        this.values = new ValueCounter(exactDistinctLimit, hllLgK);
        this.piiSample = new Reservoir(piiSampleValues, seed ^ 0x5DEECE66DL);
        if (declared == null || declared.type().isNumeric() && declared.type() != ColumnType.DATETIME) {
            numeric = new NumericStats(kllK, seed, declared == null);
        }
        if (declared != null && declared.type() == ColumnType.DATETIME) {
            dates = new ArrayList<>(List.of(new DateCandidate(DateTimeFormats.parser(declared.format()), new NumericStats(kllK, seed + 1, false))));
        }
        this.correlated = correlationSampleRows > 0;
    }

    /**
     * Takes one cell: {@code chars[start..start+len)}, or a missing cell when {@code len} is
     * {@link io.synthline.commons.table.TextBlock#MISSING}.
     *
     * @param slot the row's place in the correlation sample, or -1 when the row is not sampled
     * @return the cell's key, for duplicate-row detection
     */
    long accept(char[] chars, int start, int len, long line, int slot) {
        if (len < 0) {
            nulls++;
            if (slot >= 0) {
                sampleNumber = Double.NaN;
                sampleCode = CorrelationSample.MISSING_CODE;
            }
            return ValueHash.NULL;
        }
        count++;
        CharSlice v = text.set(chars, start, len);
        sumLength += len;
        if (len < minLength) {
            minLength = len;
        }
        if (len > maxLength) {
            maxLength = len;
        }
        long key = values.add(chars, start, len, v);
        int code = values.lastCode;
        if (code == ValueCounter.OVERFLOW && values.holdsDictionary()) {
            leaveExactCounting();
        }
        int kind;
        double number;
        if (code >= 0 && code < kinds.length && kinds[code] != 0) {
            kind = kinds[code];
            number = numbers[code];
            if ((kind & DATE) != 0 && dates != null && !dates.isEmpty()) {
                // cached only while one candidate was left, so this is that candidate (see classify)
                dates.getFirst().stats.add(number);
            }
        } else {
            kind = classify(chars, start, len, line);
            number = classifiedNumber;
            if (code >= 0 && (kind & CACHEABLE) != 0) {
                remember(code, kind, number);
            }
        }
        boolean isNumber = (kind & NUMBER) != 0;
        boolean isInteger = (kind & INTEGER) != 0;
        boolean isBoolean = (kind & BOOLEAN) != 0;
        if ((kind & BLANK) != 0) {
            blank++;
        }
        if ((kind & WHITESPACE) != 0) {
            anyWhitespace = true;
        }
        if ((kind & DECLARED_DATE) != 0) {
            datetimeCount++;
        } else if (isInteger) {
            integerCount++;
        } else if (isNumber) {
            decimalCount++;
        } else if (isBoolean) {
            booleanCount++;
        } else if ((kind & DATE) != 0) {
            datetimeCount++;
        } else {
            textCount++;
            if ((kind & FORMULA) != 0) {
                formulaLike++;
            }
        }
        allInteger &= isInteger;
        allDecimal &= isNumber;
        allBoolean &= isBoolean;

        if (numeric != null) {
            boolean fits = isNumber && (declared == null || declared.type() != ColumnType.INTEGER || isInteger);
            if (fits) {
                numeric.add(number);
            } else if (declared != null) {
                invalid(line);
            } else {
                numeric = null;
            }
        }
        if (code < 0) {
            // an exact column's sample is drawn from its counts (see leaveExactCounting and endPass)
            piiSample.offer(v);
        }
        if (slot >= 0) {
            sampleNumber = isNumber ? number : Double.NaN;
            sampleCode = code;
        }
        return key;
    }

    /*
     * What classify found out about a value, as bits. Everything but the datetime part depends on
     * the text alone, so while the column is exact it is worked out once per distinct value and
     * looked up by dictionary code afterwards (most cells of a categorical or small-integer column
     * are repeats). Values that might be datetimes are not cached: every one of them must narrow and
     * feed the datetime candidates, unless only one candidate is left: then its repeats can narrow
     * nothing, and the cached number is that candidate's reading of the value. A value that cannot
     * be one (not digit-led, or too short or long) removed every candidate the first time it was
     * seen, so its repeats leave them alone.
     */
    private static final int NUMBER = 1;
    private static final int INTEGER = 1 << 1;
    private static final int BOOLEAN = 1 << 2;
    private static final int DATE = 1 << 3;
    private static final int DECLARED_DATE = 1 << 4;
    private static final int BLANK = 1 << 5;
    /** The value has whitespace and the column had none before (unknown once it had). */
    private static final int WHITESPACE = 1 << 6;
    private static final int FORMULA = 1 << 7;
    /** The value's classification can be reused for its repeats; also makes every cached kind non-zero. */
    private static final int CACHEABLE = 1 << 8;

    /** Kind by dictionary code, 0 when not cached. */
    private int[] kinds = new int[0];
    /** The number by dictionary code, where the kind says it is one. */
    private double[] numbers = new double[0];
    /** The number found by the last {@link #classify}, NaN when none; a cacheable datetime's epoch milliseconds. */
    private double classifiedNumber;
    /** What the one datetime candidate left after the last {@link #acceptDate} read; NaN when none or several are left. */
    private double onlyCandidateMillis = Double.NaN;

    private void remember(int code, int kind, double number) {
        if (code >= kinds.length) {
            int n = Math.max(16, Math.max(code + 1, 2 * kinds.length));
            kinds = Arrays.copyOf(kinds, n);
            numbers = Arrays.copyOf(numbers, n);
        }
        kinds[code] = kind;
        numbers[code] = number;
    }

    /** Works out what the value is (see the kind bits) and feeds the datetime candidates. */
    private int classify(char[] chars, int start, int len, long line) {
        int kind = 0;
        char first = len == 0 ? 0 : chars[start];
        if (first <= ' ' && isBlank(chars, start, len)) {
            kind |= BLANK;
        }
        double number = Double.NaN;
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            number = NumberText.parse(chars, start, len);
        }
        classifiedNumber = number;
        boolean isNumber = !Double.isNaN(number);
        boolean isBoolean = !isNumber && len <= 5 && NumberText.isBoolean(chars, start, len);
        if (isNumber) {
            kind |= NUMBER;
            if (NumberText.isInteger(chars, start, len)) {
                kind |= INTEGER;
            }
        }
        if (isBoolean) {
            kind |= BOOLEAN;
        }
        // numbers and booleans never contain whitespace; only the rest can make a column free text
        if (!anyWhitespace && !isNumber && !isBoolean && hasWhitespace(chars, start, len)) {
            kind |= WHITESPACE;
        }
        boolean isDate;
        if (declared != null && declared.type() == ColumnType.DATETIME) {
            // a declared pattern may read digits-only text ("20240131") as dates; inference never does
            isDate = acceptDate(chars, start, len, line);
            kind |= isDate ? DECLARED_DATE : 0;
        } else {
            isDate = !isNumber && !isBoolean && acceptDate(chars, start, len, line);
            kind |= isDate ? DATE : 0;
        }
        if (!isDate && !isNumber && !isBoolean
                && (first == '=' || first == '@' || first == '+' || first == '-' || first == '\t' || first == '\r')
                && FormulaCells.looksLikeFormula(text)) {
            kind |= FORMULA;
        }
        if (declared == null && (isNumber || isBoolean || !datePlausible(chars, start, len))) {
            // acceptDate was not called, or cannot match this value again (see the kind bits)
            kind |= CACHEABLE;
        } else if (declared == null && isDate && !Double.isNaN(onlyCandidateMillis)) {
            kind |= CACHEABLE;
            classifiedNumber = onlyCandidateMillis;
        }
        return kind;
    }

    private static boolean datePlausible(char[] chars, int start, int len) {
        return len >= 6 && len <= 35 && chars[start] >= '0' && chars[start] <= '9';
    }

    private void invalid(long line) {
        invalid++;
        if (firstInvalidLine < 0) {
            firstInvalidLine = line;
        }
    }

    /** Narrows the datetime candidates; true when the value is a datetime under some known pattern. */
    private boolean acceptDate(char[] chars, int start, int len, long line) {
        boolean plausible = datePlausible(chars, start, len);
        if (declared != null && declared.type() == ColumnType.DATETIME) {
            DateCandidate only = dates.getFirst();
            double t = plausible ? only.parser.parse(chars, start, len) : Double.NaN;
            if (Double.isNaN(t)) {
                invalid(line);
                return false;
            }
            only.stats.add(t);
            return true;
        }
        if (dates == null && count == 1 && plausible) {
            dates = new ArrayList<>();
            long s = seed;
            for (DateTimeFormats.Parser p : CANDIDATE_PARSERS) {
                dates.add(new DateCandidate(p, new NumericStats(kllK, ++s, false)));
            }
        }
        boolean matched = false;
        onlyCandidateMillis = Double.NaN;
        if (dates != null && !dates.isEmpty()) {
            double last = Double.NaN;
            for (Iterator<DateCandidate> it = dates.iterator(); it.hasNext(); ) {
                DateCandidate c = it.next();
                double t = plausible ? c.parser.parse(chars, start, len) : Double.NaN;
                if (Double.isNaN(t)) {
                    it.remove();
                } else {
                    c.stats.add(t);
                    matched = true;
                    last = t;
                }
            }
            if (dates.size() == 1) {
                onlyCandidateMillis = last;
            }
            return matched;
        }
        if (!plausible) {
            return false;
        }
        for (DateTimeFormats.Parser p : CANDIDATE_PARSERS) {
            if (!Double.isNaN(p.parse(chars, start, len))) {
                return true;
            }
        }
        return false;
    }

    /** {@link String#isBlank()} of {@code chars[start..start+len)}. */
    private static boolean isBlank(char[] chars, int start, int len) {
        for (int i = start, end = start + len; i < end; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWhitespace(char[] chars, int start, int len) {
        for (int i = start, end = start + len; i < end; i++) {
            char c = chars[i];
            if (c <= ' ' ? (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B)
                    : Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /*
     * What a deferred numeric sketch (see NumericStats) waits for: the distinct numbers so far with
     * their counts. While the column is undeclared and numeric, every distinct value is a number and
     * its classification, with the number, is cached by dictionary code.
     */

    private double[] distinctNumbers() {
        return Arrays.copyOf(numbers, values.dictionarySize());
    }

    private long[] distinctCounts() {
        long[] counts = new long[values.dictionarySize()];
        for (int code = 0; code < counts.length; code++) {
            counts[code] = values.count(code);
        }
        return counts;
    }

    /**
     * The column has just gone past its exact limit: a deferred numeric sketch gets the distinct
     * numbers so far, the PII sample is drawn from their counts (it takes values one by one from
     * here on), and the dictionary and the classification cache, which only exact counting uses,
     * are given back.
     */
    private void leaveExactCounting() {
        long[] counts = distinctCounts();
        if (numeric != null && numeric.deferred()) {
            numeric.stopDeferring(distinctNumbers(), counts, count);
        }
        piiSample.offerCounted(counts, values::value);
        values.releaseDictionary();
        kinds = new int[0];
        numbers = new double[0];
    }

    /**
     * Called once the pass is over, before results are read: an exact column's deferred sketch and
     * PII sample are filled from its counts.
     */
    void endPass() {
        if (!values.isExact()) {
            return;
        }
        long[] counts = distinctCounts();
        if (numeric != null && numeric.deferred()) {
            numeric.finishDeferred(distinctNumbers(), counts);
        }
        piiSample.offerCounted(counts, values::value);
    }

    /** Called after the column has seen every row of batch {@code batch}; adds its sketch feeds to {@code feeds}. */
    void endBatch(long batch, List<SeededKll.Feed> feeds) {
        if (numeric != null) {
            numeric.endBatch(batch, feeds);
        }
        if (dates != null) {
            for (DateCandidate c : dates) {
                c.stats.endBatch(batch, feeds);
            }
        }
    }

    /** The pattern inference would choose: the first candidate, in preference order, that every value matched. */
    String datePattern() {
        if (declaredDatetime() || dates == null || dates.isEmpty() || count == 0 || datetimeCount != count) {
            return null;
        }
        return dates.getFirst().pattern();
    }

    boolean declaredDatetime() {
        return declared != null && declared.type() == ColumnType.DATETIME;
    }

    DateCandidate dateCandidate(String pattern) {
        if (dates == null) {
            return null;
        }
        return dates.stream().filter(c -> c.pattern().equals(pattern)).findFirst().orElse(null);
    }
}
