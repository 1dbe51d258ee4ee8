package io.synthline.profiler.engine.scan;

/**
 * The rows of the correlation sample (see {@link RowSampler}), kept row by row: slot {@code s},
 * column {@code c} at {@code s * columns + c}. Once the sample is full, a sampled row replaces a
 * random slot; written row by row, that costs a few cache lines per row, where one array per
 * column cost a cache miss per column and row, about an eighth of the whole profile on a wide file.
 * Only the reader thread writes it, in file order, so a slot ends with the last row drawn for it.
 */
public final class CorrelationSample {
    static final int MISSING_CODE = -1;

    private final int slots;
    private final int columns;
    private final double[] numbers;
    private final int[] codes;

    CorrelationSample(int slots, int columns) {
        this.slots = slots;
        this.columns = columns;
        this.numbers = new double[Math.multiplyExact(slots, columns)];
        this.codes = new int[slots * columns];
    }

    int columns() {
        return columns;
    }

    /** Stores one row: {@code rowNumbers[c][row]} and {@code rowCodes[c][row]} for every column {@code c}. */
    void put(int slot, double[][] rowNumbers, int[][] rowCodes, int row) {
        int at = slot * columns;
        for (int c = 0; c < columns; c++) {
            numbers[at + c] = rowNumbers[c][row];
            codes[at + c] = rowCodes[c][row];
        }
    }

    /** Sampled numbers (NaN where missing or not a number) and dictionary codes ({@link #MISSING_CODE} where missing), by column and slot. */
    public record Columns(double[][] numbers, int[][] codes) {
    }

    /**
     * The numbers of columns {@code numberColumns} and the codes of columns {@code codeColumns},
     * for the first {@code rows} slots, in one pass over the rows: a column at a time would read a
     * cache line per value.
     */
    Columns columns(int[] numberColumns, int[] codeColumns, int rows) {
        double[][] outNumbers = new double[numberColumns.length][rows];
        int[][] outCodes = new int[codeColumns.length][rows];
        for (int s = 0; s < rows; s++) {
            int at = s * columns;
            for (int k = 0; k < numberColumns.length; k++) {
                outNumbers[k][s] = numbers[at + numberColumns[k]];
            }
            for (int k = 0; k < codeColumns.length; k++) {
                outCodes[k][s] = codes[at + codeColumns[k]];
            }
        }
        return new Columns(outNumbers, outCodes);
    }
}
