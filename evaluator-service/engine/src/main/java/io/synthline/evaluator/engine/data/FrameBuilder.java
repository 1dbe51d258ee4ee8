package io.synthline.evaluator.engine.data;

/** Assembles a {@link Frame} column by column (random baselines, projections, test tables). */
public final class FrameBuilder {
    private final int rows;
    private final double[][] values;
    private final int[][] codes;

    public FrameBuilder(int columns, int rows) {
        this.rows = rows;
        this.values = new double[columns][];
        this.codes = new int[columns][];
    }

    public FrameBuilder values(int column, double[] v) {
        check(v.length);
        values[column] = v;
        codes[column] = null;
        return this;
    }

    public FrameBuilder codes(int column, int[] c) {
        check(c.length);
        codes[column] = c;
        values[column] = null;
        return this;
    }

    private void check(int length) {
        if (length != rows) {
            throw new IllegalArgumentException("column has " + length + " rows, expected " + rows);
        }
    }

    public Frame build() {
        for (int c = 0; c < values.length; c++) {
            if (values[c] == null && codes[c] == null) {
                throw new IllegalStateException("column " + c + " not set");
            }
        }
        return new Frame(rows, values.clone(), codes.clone());
    }
}
