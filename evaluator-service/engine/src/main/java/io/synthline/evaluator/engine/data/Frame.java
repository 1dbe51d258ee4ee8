package io.synthline.evaluator.engine.data;

/**
 * One table, encoded column by column: continuous columns as doubles (NaN = missing; datetimes
 * in nanoseconds since the epoch, as pandas converts them), discrete columns as codes into the
 * column's shared dictionary (-1 = missing).
 */
public final class Frame {
    public static final int MISSING = -1;

    private final int rows;
    private final double[][] values;
    private final int[][] codes;

    Frame(int rows, double[][] values, int[][] codes) {
        this.rows = rows;
        this.values = values;
        this.codes = codes;
    }

    public int rows() {
        return rows;
    }

    /** Continuous column values; callers must not modify the array. */
    public double[] values(int column) {
        double[] v = values[column];
        if (v == null) {
            throw new IllegalArgumentException("column " + column + " is discrete");
        }
        return v;
    }

    /** Discrete column codes; callers must not modify the array. */
    public int[] codes(int column) {
        int[] c = codes[column];
        if (c == null) {
            throw new IllegalArgumentException("column " + column + " is continuous");
        }
        return c;
    }

    public boolean isMissing(int column, int row) {
        return values[column] != null ? Double.isNaN(values[column][row]) : codes[column][row] == MISSING;
    }

    /** The given columns only, in that order (column i of the result is column {@code columns[i]} here). */
    public Frame project(int[] columns) {
        double[][] v = new double[columns.length][];
        int[][] c = new int[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            v[i] = values[columns[i]];
            c[i] = codes[columns[i]];
        }
        return new Frame(rows, v, c);
    }

    /** The rows at the given indices, in that order. */
    public Frame select(int[] rowIndices) {
        double[][] v = new double[values.length][];
        int[][] c = new int[codes.length][];
        for (int col = 0; col < values.length; col++) {
            if (values[col] != null) {
                v[col] = new double[rowIndices.length];
                for (int i = 0; i < rowIndices.length; i++) {
                    v[col][i] = values[col][rowIndices[i]];
                }
            } else {
                c[col] = new int[rowIndices.length];
                for (int i = 0; i < rowIndices.length; i++) {
                    c[col][i] = codes[col][rowIndices[i]];
                }
            }
        }
        return new Frame(rowIndices.length, v, c);
    }
}
