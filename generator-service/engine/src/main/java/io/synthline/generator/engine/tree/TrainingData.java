package io.synthline.generator.engine.tree;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.Domain;
import io.synthline.generator.engine.SortedValues;
import java.util.Arrays;

/**
 * The training table as trees see it. Every column has up to 256 predictor states (numeric
 * columns: quantile bins over their values, missing last; categorical columns: one state per
 * category, the rarest merged into "other" beyond 254, missing last) and a split target (class
 * = state for categorical columns, mid-rank in [0, 1] for numeric ones, -0.5 for missing so
 * that missingness is something a split can isolate). Every column also has a value table: its
 * distinct cells in order (categories by index, numbers ascending), missing last, each with its
 * predictor state; leaves count training values as indexes into it. The cells themselves are
 * kept for conditioning, which copies the conditioned columns from training rows.
 */
final class TrainingData {
    static final int MAX_STATES = 256;
    static final int NUMERIC_BINS = 64;
    static final float MISSING_TARGET = -0.5f;

    final Domain domain;
    final int rows;
    final int[][] codes;
    final double[][] values;
    final byte[][] state;
    final int[] stateCount;
    final boolean[] numeric;
    final double[][] cuts;
    final int[][] categoryState;
    final float[][] target;
    /** Per column: the distinct cells (missing, NaN, last) and the predictor state of each. */
    final double[][] valueCells;
    final byte[][] valueStates;

    TrainingData(Domain domain, int[][] codes, double[][] values) {
        this.domain = domain;
        int m = domain.size();
        this.codes = codes;
        this.values = values;
        this.rows = codes[0] != null ? codes[0].length : values[0].length;
        this.state = new byte[m][];
        this.stateCount = new int[m];
        this.numeric = new boolean[m];
        this.cuts = new double[m][];
        this.categoryState = new int[m][];
        this.target = new float[m][];
        this.valueCells = new double[m][];
        this.valueStates = new byte[m][];
        for (int c = 0; c < m; c++) {
            numeric[c] = values[c] != null;
            if (numeric[c]) {
                encodeNumeric(c);
            } else {
                encodeCategorical(c);
            }
        }
    }

    static TrainingData of(Table table, Domain domain) {
        int m = table.columnCount();
        int[][] codes = new int[m][];
        double[][] values = new double[m][];
        for (int c = 0; c < m; c++) {
            Column column = table.column(c);
            switch (column) {
                case CategoricalColumn cat -> codes[c] = cat.codes();
                case NumericColumn num -> values[c] = num.values();
            }
        }
        return new TrainingData(domain, codes, values);
    }

    int columns() {
        return domain.size();
    }

    /** The cell of a training row as a sampled row holds it: category index or value, NaN when missing. */
    double cell(int column, int row) {
        if (numeric[column]) {
            return values[column][row];
        }
        int code = codes[column][row];
        return code < 0 ? Double.NaN : code;
    }

    int stateOf(int column, int row) {
        return state[column][row] & 0xFF;
    }

    /** The index of a training row's cell in the column's value table. */
    int valueOf(int column, int row) {
        if (numeric[column]) {
            double x = values[column][row];
            return Double.isNaN(x) ? valueCells[column].length - 1 : Arrays.binarySearch(valueCells[column], 0, valueCells[column].length - 1, x);
        }
        int code = codes[column][row];
        return code < 0 ? valueCells[column].length - 1 : code;
    }

    /**
     * The predictor state of a cell given from outside (category index or value, NaN for
     * missing): a number falls in the bin of the training values around it.
     */
    int stateOfCell(int column, double cell) {
        if (Double.isNaN(cell)) {
            return stateCount[column] - 1;
        }
        if (numeric[column]) {
            return binOf(cuts[column], cell);
        }
        int code = (int) cell;
        if (code != cell || code < 0 || code >= categoryState[column].length) {
            throw new IllegalArgumentException("cell " + cell + " is not a category of column " + domain.column(column).name());
        }
        return categoryState[column][code];
    }

    private void encodeNumeric(int c) {
        double[] v = values[c];
        double[] sorted = SortedValues.present(v);
        double[] distinct = SortedValues.distinct(sorted);
        double[] cut;
        if (distinct.length <= NUMERIC_BINS) {
            cut = distinct.length == 0 ? new double[0] : Arrays.copyOf(distinct, distinct.length - 1);
        } else {
            double[] q = new double[NUMERIC_BINS - 1];
            int k = 0;
            for (int b = 1; b < NUMERIC_BINS; b++) {
                double edge = sorted[(int) ((long) b * sorted.length / NUMERIC_BINS)];
                if (k == 0 || edge > q[k - 1]) {
                    q[k++] = edge;
                }
            }
            cut = Arrays.copyOf(q, k);
            if (k > 0 && cut[k - 1] >= sorted[sorted.length - 1]) {
                cut = Arrays.copyOf(cut, k - 1);
            }
        }
        cuts[c] = cut;
        int missingState = cut.length + 1;
        stateCount[c] = cut.length + 2;
        byte[] s = new byte[rows];
        float[] t = new float[rows];
        // mid-ranks of the present values, scaled to [0, 1]
        for (int r = 0; r < rows; r++) {
            double x = v[r];
            if (Double.isNaN(x)) {
                s[r] = (byte) missingState;
                t[r] = MISSING_TARGET;
            } else {
                s[r] = (byte) binOf(cut, x);
                int lo = lowerBound(sorted, x);
                int hi = upperBound(sorted, x);
                t[r] = sorted.length <= 1 ? 0.5f : (float) (((lo + hi - 1) / 2.0) / (sorted.length - 1));
            }
        }
        state[c] = s;
        target[c] = t;
        double[] cells = Arrays.copyOf(distinct, distinct.length + 1);
        cells[distinct.length] = Double.NaN;
        byte[] states = new byte[cells.length];
        for (int k = 0; k < distinct.length; k++) {
            states[k] = (byte) binOf(cut, distinct[k]);
        }
        states[distinct.length] = (byte) missingState;
        valueCells[c] = cells;
        valueStates[c] = states;
    }

    /** Bin s covers (cut[s-1], cut[s]]; values above the last cut fall in the last bin. */
    static int binOf(double[] cut, double x) {
        return lowerBound(cut, x);
    }

    private void encodeCategorical(int c) {
        int[] code = codes[c];
        int cardinality = domain.column(c).cardinality();
        long[] counts = new long[cardinality];
        for (int k : code) {
            if (k >= 0) {
                counts[k]++;
            }
        }
        int[] map = new int[cardinality];
        int states;
        if (cardinality <= MAX_STATES - 2) {
            for (int k = 0; k < cardinality; k++) {
                map[k] = k;
            }
            states = cardinality + 1;
        } else {
            Integer[] order = new Integer[cardinality];
            for (int k = 0; k < cardinality; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
            int other = MAX_STATES - 2;
            Arrays.fill(map, other);
            for (int i = 0; i < other; i++) {
                map[order[i]] = i;
            }
            states = MAX_STATES;
        }
        int missingState = states - 1;
        categoryState[c] = map;
        stateCount[c] = states;
        byte[] s = new byte[rows];
        for (int r = 0; r < rows; r++) {
            s[r] = (byte) (code[r] < 0 ? missingState : map[code[r]]);
        }
        state[c] = s;
        double[] cells = new double[cardinality + 1];
        byte[] cellState = new byte[cardinality + 1];
        for (int k = 0; k < cardinality; k++) {
            cells[k] = k;
            cellState[k] = (byte) map[k];
        }
        cells[cardinality] = Double.NaN;
        cellState[cardinality] = (byte) missingState;
        valueCells[c] = cells;
        valueStates[c] = cellState;
    }

    static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
