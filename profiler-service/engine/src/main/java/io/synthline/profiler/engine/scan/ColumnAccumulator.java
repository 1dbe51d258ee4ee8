package io.synthline.profiler.engine.scan;

import io.synthline.commons.table.CharSlice;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.ValueHash;
import java.util.List;

/**
 * Everything one column's values contribute to the profile, gathered in one pass without knowing
 * the column's type in advance. It hands each cell to the parts that own a concept: type evidence
 * ({@link CellClassifier}, {@link TypeEvidence}, {@link DateCandidates}), value counts and the
 * cardinality sketch ({@link ValueCounter}), numeric statistics for as long as every value fits
 * ({@link NumericStats}), lengths ({@link TextLengths}), cells that break a declared type
 * ({@link InvalidCells}), a PII sample ({@link Reservoir}) and the column's share of the correlation
 * sample. Memory is bounded by sketches and fixed-size samples. Not thread-safe: one worker owns a
 * column.
 */
public final class ColumnAccumulator {
    final int index;
    final String name;
    /** Type declared by the user or the file (Parquet); null when inferred. */
    final ColumnSchema declared;

    private long count;
    private long nulls;
    private final TypeEvidence evidence = new TypeEvidence();
    private final TextLengths lengths = new TextLengths();
    private final InvalidCells invalid = new InvalidCells();
    private final DateCandidates dates;
    private final CellClassifier classifier;
    /** Numeric statistics while every value is a number (or the declared type is numeric); null after. */
    private NumericStats numeric;
    private final ValueCounter values;
    private final Reservoir piiSample;
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
        this.values = new ValueCounter(exactDistinctLimit, hllLgK);
        this.piiSample = new Reservoir(piiSampleValues, seed ^ 0x5DEECE66DL);
        if (declared == null || declared.type().isNumeric() && declared.type() != ColumnType.DATETIME) {
            numeric = new NumericStats(kllK, seed, declared == null);
        }
        boolean declaredDatetime = declared != null && declared.type() == ColumnType.DATETIME;
        this.dates = declaredDatetime ? DateCandidates.declared(declared.format(), kllK, seed)
                : DateCandidates.inferred(kllK, seed);
        this.classifier = new CellClassifier(declared == null, declaredDatetime, dates, invalid);
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
        lengths.add(len);
        long key = values.add(chars, start, len, v);
        int code = values.lastCode;
        if (code == ValueCounter.OVERFLOW && values.holdsDictionary()) {
            leaveExactCounting();
        }
        int kind = classifier.classify(v, chars, start, len, code, line, count == 1, evidence.anyWhitespace());
        double number = classifier.number();
        evidence.add(kind);
        boolean isNumber = (kind & CellClassifier.NUMBER) != 0;
        if (numeric != null) {
            boolean fits = isNumber && (declared == null || declared.type() != ColumnType.INTEGER
                    || (kind & CellClassifier.INTEGER) != 0);
            if (fits) {
                numeric.add(number);
            } else if (declared != null) {
                invalid.add(line);
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
     * What a deferred numeric sketch (see NumericStats) waits for: the distinct numbers so far with
     * their counts. While the column is undeclared and numeric, every distinct value is a number and
     * its classification, with the number, is cached by dictionary code.
     */

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
            numeric.stopDeferring(classifier.distinctNumbers(values.dictionarySize()), counts, count);
        }
        piiSample.offerCounted(counts, values::value);
        values.releaseDictionary();
        classifier.forgetCodes();
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
            numeric.finishDeferred(classifier.distinctNumbers(values.dictionarySize()), counts);
        }
        piiSample.offerCounted(counts, values::value);
    }

    /** Called after the column has seen every row of batch {@code batch}; adds its sketch feeds to {@code feeds}. */
    void endBatch(long batch, List<SeededKll.Feed> feeds) {
        if (numeric != null) {
            numeric.endBatch(batch, feeds);
        }
        dates.endBatch(batch, feeds);
    }

    /* What ColumnResult reads once the pass is over. */

    long count() {
        return count;
    }

    long nulls() {
        return nulls;
    }

    TypeEvidence evidence() {
        return evidence;
    }

    TextLengths lengths() {
        return lengths;
    }

    InvalidCells invalid() {
        return invalid;
    }

    ValueCounter values() {
        return values;
    }

    Reservoir piiSample() {
        return piiSample;
    }

    /** Numeric statistics when every value was a number (or fit the declared numeric type); else null. */
    NumericStats numeric() {
        return numeric;
    }

    /** The pattern inference would choose: the first candidate, in preference order, that every value matched. */
    String datePattern() {
        if (declaredDatetime() || count == 0 || evidence.datetime() != count) {
            return null;
        }
        return dates.first();
    }

    boolean declaredDatetime() {
        return declared != null && declared.type() == ColumnType.DATETIME;
    }

    /** The statistics of the values read under datetime {@code pattern}, null when it is no candidate. */
    NumericStats dateStats(String pattern) {
        return dates.stats(pattern);
    }
}
