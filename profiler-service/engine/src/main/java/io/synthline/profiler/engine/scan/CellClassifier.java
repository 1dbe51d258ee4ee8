package io.synthline.profiler.engine.scan;

import io.synthline.commons.table.CharSlice;
import io.synthline.commons.table.NumberText;
import java.util.Arrays;

/**
 * Type inference for one cell: what the value is, as kind bits, and its number when it is one;
 * datetime values feed the column's {@link DateCandidates} on the way.
 *
 * <p>Everything but the datetime part depends on the text alone, so while the column is exact it
 * is worked out once per distinct value and looked up by dictionary code afterwards (most cells of
 * a categorical or small-integer column are repeats). Values that might be datetimes are not
 * cached: every one of them must narrow and feed the datetime candidates, unless only one
 * candidate is left: then its repeats can narrow nothing, and the cached number is that
 * candidate's reading of the value. A value that cannot be one (not digit-led, or too short or
 * long) removed every candidate the first time it was seen, so its repeats leave them alone.
 */
final class CellClassifier {
    static final int NUMBER = 1;
    static final int INTEGER = 1 << 1;
    static final int BOOLEAN = 1 << 2;
    static final int DATE = 1 << 3;
    static final int DECLARED_DATE = 1 << 4;
    static final int BLANK = 1 << 5;
    /** The value has whitespace and the column had none before (unknown once it had). */
    static final int WHITESPACE = 1 << 6;
    static final int FORMULA = 1 << 7;
    /** The value's classification can be reused for its repeats; also makes every cached kind non-zero. */
    private static final int CACHEABLE = 1 << 8;

    /** Whether the column's type is inferred (no declared type). */
    private final boolean inferring;
    private final boolean declaredDatetime;
    private final DateCandidates dates;
    private final InvalidCells invalid;
    /** Kind by dictionary code, 0 when not cached. */
    private int[] kinds = new int[0];
    /** The number by dictionary code, where the kind says it is one. */
    private double[] numbers = new double[0];
    /** The last cell's number, NaN when none; a cacheable datetime's epoch milliseconds. */
    private double number;

    /**
     * @param invalid where a declared datetime column's values that do not match its pattern go
     */
    CellClassifier(boolean inferring, boolean declaredDatetime, DateCandidates dates, InvalidCells invalid) {
        this.inferring = inferring;
        this.declaredDatetime = declaredDatetime;
        this.dates = dates;
        this.invalid = invalid;
    }

    /**
     * The kind of the present cell {@code chars[start..start+len)}, viewed as {@code text};
     * {@link #number()} is then its number.
     *
     * @param code          its dictionary code while the column is exact, else negative
     * @param firstValue    whether it is the column's first present value
     * @param anyWhitespace whether an earlier value of the column had whitespace
     */
    int classify(CharSlice text, char[] chars, int start, int len, int code, long line, boolean firstValue,
            boolean anyWhitespace) {
        if (code >= 0 && code < kinds.length && kinds[code] != 0) {
            int kind = kinds[code];
            number = numbers[code];
            if ((kind & DATE) != 0) {
                // cached only while one candidate was left, so this is that candidate's reading
                dates.addRepeat(number);
            }
            return kind;
        }
        int kind = work(text, chars, start, len, line, firstValue, anyWhitespace);
        if (code >= 0 && (kind & CACHEABLE) != 0) {
            remember(code, kind, number);
        }
        return kind;
    }

    /** The number of the last classified cell, NaN when it is none. */
    double number() {
        return number;
    }

    /** The number of each distinct value by dictionary code, while every distinct value so far is a cached number. */
    double[] distinctNumbers(int dictionarySize) {
        return Arrays.copyOf(numbers, dictionarySize);
    }

    /** Dictionary codes mean nothing any more (the column left exact counting): the cache is given back. */
    void forgetCodes() {
        kinds = new int[0];
        numbers = new double[0];
    }

    private void remember(int code, int kind, double value) {
        if (code >= kinds.length) {
            int n = Math.max(16, Math.max(code + 1, 2 * kinds.length));
            kinds = Arrays.copyOf(kinds, n);
            numbers = Arrays.copyOf(numbers, n);
        }
        kinds[code] = kind;
        numbers[code] = value;
    }

    /** Works out what the value is (see the kind bits) and feeds the datetime candidates. */
    private int work(CharSlice text, char[] chars, int start, int len, long line, boolean firstValue,
            boolean anyWhitespace) {
        int kind = 0;
        char first = len == 0 ? 0 : chars[start];
        if (first <= ' ' && isBlank(chars, start, len)) {
            kind |= BLANK;
        }
        double value = Double.NaN;
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            value = NumberText.parse(chars, start, len);
        }
        number = value;
        boolean isNumber = !Double.isNaN(value);
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
        if (declaredDatetime) {
            // a declared pattern may read digits-only text ("20240131") as dates; inference never does
            isDate = dates.accept(chars, start, len, firstValue);
            if (!isDate) {
                invalid.add(line);
            }
            kind |= isDate ? DECLARED_DATE : 0;
        } else {
            isDate = !isNumber && !isBoolean && dates.accept(chars, start, len, firstValue);
            kind |= isDate ? DATE : 0;
        }
        if (!isDate && !isNumber && !isBoolean
                && (first == '=' || first == '@' || first == '+' || first == '-' || first == '\t' || first == '\r')
                && FormulaCells.looksLikeFormula(text)) {
            kind |= FORMULA;
        }
        if (inferring && (isNumber || isBoolean || !DateCandidates.plausible(chars, start, len))) {
            // the candidates were not asked, or cannot match this value again (see the class comment)
            kind |= CACHEABLE;
        } else if (inferring && isDate && !Double.isNaN(dates.onlyCandidateMillis())) {
            kind |= CACHEABLE;
            number = dates.onlyCandidateMillis();
        }
        return kind;
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
}
