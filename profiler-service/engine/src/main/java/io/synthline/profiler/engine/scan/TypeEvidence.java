package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.ColumnProfile;

/**
 * What kinds of cells a column holds (see the kind bits of {@link CellClassifier}): the counts the
 * profile reports and the facts type inference decides on.
 */
final class TypeEvidence {
    private boolean allInteger = true;
    private boolean allDecimal = true;
    private boolean allBoolean = true;
    private boolean anyWhitespace;
    private long integer;
    private long decimal;
    private long bool;
    private long datetime;
    private long text;
    private long formulaLike;
    private long blank;

    /** Counts one present cell of the given kind; each cell counts under one kind, a declared datetime first. */
    void add(int kind) {
        boolean isNumber = (kind & CellClassifier.NUMBER) != 0;
        boolean isInteger = (kind & CellClassifier.INTEGER) != 0;
        boolean isBoolean = (kind & CellClassifier.BOOLEAN) != 0;
        if ((kind & CellClassifier.BLANK) != 0) {
            blank++;
        }
        if ((kind & CellClassifier.WHITESPACE) != 0) {
            anyWhitespace = true;
        }
        if ((kind & CellClassifier.DECLARED_DATE) != 0) {
            datetime++;
        } else if (isInteger) {
            integer++;
        } else if (isNumber) {
            decimal++;
        } else if (isBoolean) {
            bool++;
        } else if ((kind & CellClassifier.DATE) != 0) {
            datetime++;
        } else {
            text++;
            if ((kind & CellClassifier.FORMULA) != 0) {
                formulaLike++;
            }
        }
        allInteger &= isInteger;
        allDecimal &= isNumber;
        allBoolean &= isBoolean;
    }

    boolean allInteger() {
        return allInteger;
    }

    boolean allDecimal() {
        return allDecimal;
    }

    boolean allBoolean() {
        return allBoolean;
    }

    boolean anyWhitespace() {
        return anyWhitespace;
    }

    long datetime() {
        return datetime;
    }

    long formulaLike() {
        return formulaLike;
    }

    long blank() {
        return blank;
    }

    ColumnProfile.TypeCounts counts() {
        return new ColumnProfile.TypeCounts(integer, decimal, bool, datetime, text);
    }
}
