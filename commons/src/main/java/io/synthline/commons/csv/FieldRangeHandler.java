package io.synthline.commons.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import java.util.Arrays;

/**
 * Takes FastCSV's fields as character ranges: each record's fields are copied, one after the
 * other, into a buffer this handler reuses, and no {@code String} is made unless a caller asks
 * for one. Enforces the same limits as FastCSV's own record handler, with messages that
 * {@link CsvRowSource} recognises.
 */
final class FieldRangeHandler extends AbstractBaseCsvCallbackHandler<FieldRangeHandler> implements ParsedRecord {
    private final int maxFields;
    private final int maxFieldSize;
    private final int maxRecordSize;
    private static final int INITIAL_TEXT = 1024;
    private char[] text = new char[INITIAL_TEXT];
    private int textLength;
    private int[] starts = new int[32];
    private int[] lengths = new int[32];
    private int fields;

    FieldRangeHandler(int maxFields, int maxFieldSize, int maxRecordSize) {
        this.maxFields = maxFields;
        this.maxFieldSize = maxFieldSize;
        this.maxRecordSize = maxRecordSize;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        if (text.length > INITIAL_TEXT << 12 && textLength < INITIAL_TEXT) {
            // the last record was small again: give back what one huge record grew
            text = new char[INITIAL_TEXT];
        }
        textLength = 0;
        fields = 0;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        checkSizes(fieldIdx, getStartingLineNumber(), len, textLength, maxFieldSize, maxRecordSize);
        if (fields == starts.length) {
            if (fields >= maxFields) {
                throw new CsvParseException("Record starting at line %d has surpassed the maximum limit of %d fields"
                        .formatted(getStartingLineNumber(), maxFields));
            }
            int n = (int) Math.min(maxFields, 2L * fields);
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
        }
        if (textLength + len > text.length) {
            text = Arrays.copyOf(text, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(textLength + len, 2L * text.length)));
        }
        System.arraycopy(buf, offset, text, textLength, len);
        starts[fields] = textLength;
        lengths[fields] = len;
        fields++;
        textLength += len;
    }

    /** Refuses a field of {@code len} characters after {@code recordChars} of its record, as FastCSV's own handler would. */
    static void checkSizes(int fieldIdx, long line, int len, long recordChars, int maxFieldSize, int maxRecordSize) {
        if (len > maxFieldSize) {
            throw new CsvParseException("Field at index %d in record starting at line %d exceeds the max field size of %d characters"
                    .formatted(fieldIdx, line, maxFieldSize));
        }
        if (recordChars + len > maxRecordSize) {
            throw new CsvParseException("Field at index %d in record starting at line %d exceeds the max record size of %d characters"
                    .formatted(fieldIdx, line, maxRecordSize));
        }
    }

    @Override
    protected FieldRangeHandler buildRecord() {
        return this;
    }

    /** The limits of {@code options}, with one field more than allowed, so that a too-wide row is reported by the row source, with the limit. */
    static FieldRangeHandler forOptions(CsvOptions options) {
        return new FieldRangeHandler(
                options.maxColumns() == Integer.MAX_VALUE ? Integer.MAX_VALUE : options.maxColumns() + 1,
                options.maxFieldChars(),
                (int) Math.min(Integer.MAX_VALUE - 8, Math.max(4L * options.maxFieldChars(), 64L << 20)));
    }

    int maxFields() {
        return maxFields;
    }

    int maxFieldSize() {
        return maxFieldSize;
    }

    int maxRecordSize() {
        return maxRecordSize;
    }

    @Override
    public long line() {
        return getStartingLineNumber();
    }

    @Override
    public int fields() {
        return fields;
    }

    @Override
    public char[] text() {
        return text;
    }

    int textLength() {
        return textLength;
    }

    @Override
    public int start(int field) {
        return starts[field];
    }

    @Override
    public int length(int field) {
        return lengths[field];
    }

    @Override
    public boolean isNull(int field, NullTokens nulls) {
        return nulls.isNull(text, starts[field], lengths[field]);
    }

    @Override
    public void appendTo(io.synthline.commons.table.TextBlock block, int columns, NullTokens nulls, long line) {
        int base = block.appendChars(text, 0, textLength);
        for (int c = 0; c < columns; c++) {
            block.setCell(c, base + starts[c], nulls.isNull(text, starts[c], lengths[c])
                    ? io.synthline.commons.table.TextBlock.MISSING : lengths[c]);
        }
        block.endRow(line);
    }
}
