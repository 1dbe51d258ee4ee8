package io.synthline.generator.engine.tree;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.SortedValues;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.disclosure.NumericCells;
import java.util.Arrays;

/**
 * The training table as trees see it. Every column has a {@link ValueCodebook}: its values
 * (categories; for numeric columns {@link NumericCells cells} that no single row identifies),
 * missing last, each with one of up to 256 predictor states (numeric columns: the cells grouped
 * into about {@value #NUMERIC_BINS} quantile bins, missing last; categorical columns: one state
 * per category, the rarest merged into "other" beyond 254, missing last). Each row has its value
 * index and its state per column, and numeric columns a split target (mid-rank in [0, 1] of the
 * row's own value, -0.5 for missing so that missingness is something a split can isolate).
 * Leaves count rows by value index. The rows themselves are used for growing trees (also the
 * chains conditioning grows on demand) and are never stored: a stored model keeps the codebooks.
 */
final class TrainingData {
    static final int MAX_STATES = 256;
    static final int NUMERIC_BINS = 64;
    static final float MISSING_TARGET = -0.5f;

    final ModelDomain domain;
    final int rows;
    final int[][] codes;
    final double[][] values;
    final ValueCodebook[] codebook;
    /** Per column and row: the row's value index in the column's codebook. */
    final int[][] valueIndex;
    final byte[][] state;
    final int[] stateCount;
    final boolean[] numeric;
    final float[][] target;

    /** Codebooks learned from the rows ({@code books == null}) or the stored ones of a fitted model. */
    private TrainingData(ModelDomain domain, int[][] codes, double[][] values, DisclosureLimits limits, ValueCodebook[] books) {
        this.domain = domain;
        int m = domain.size();
        this.codes = codes;
        this.values = values;
        this.rows = codes[0] != null ? codes[0].length : values[0].length;
        this.codebook = new ValueCodebook[m];
        this.valueIndex = new int[m][];
        this.state = new byte[m][];
        this.stateCount = new int[m];
        this.numeric = new boolean[m];
        this.target = new float[m][];
        for (int c = 0; c < m; c++) {
            numeric[c] = values[c] != null;
            if (books != null) {
                codebook[c] = books[c];
                if (numeric[c]) {
                    indexNumeric(c);
                } else {
                    indexCategorical(c);
                }
            } else if (numeric[c]) {
                encodeNumeric(c, limits);
            } else {
                encodeCategorical(c);
            }
            stateCount[c] = codebook[c].stateCount();
            byte[] s = new byte[rows];
            for (int r = 0; r < rows; r++) {
                s[r] = (byte) codebook[c].state(valueIndex[c][r]);
            }
            state[c] = s;
        }
    }

    static TrainingData of(Table table, ModelDomain domain, DisclosureLimits limits) {
        return of(table, domain, limits, null);
    }

    /** The table a model was fitted on, seen through the model's stored codebooks (to grow more trees on it). */
    static TrainingData of(Table table, ModelDomain domain, ValueCodebook[] books) {
        if (table.columnCount() != books.length) {
            throw new IllegalArgumentException("the table has " + table.columnCount() + " columns, the model " + books.length);
        }
        return of(table, domain, null, books);
    }

    private static TrainingData of(Table table, ModelDomain domain, DisclosureLimits limits, ValueCodebook[] books) {
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
        return new TrainingData(domain, codes, values, limits, books);
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

    /** The index of a training row's value in the column's codebook. */
    int valueOf(int column, int row) {
        return valueIndex[column][row];
    }

    private void encodeNumeric(int c, DisclosureLimits limits) {
        double[] v = values[c];
        NumericCells cells = NumericCells.of(v, limits.minGroup(), limits.maxIntervals());
        int k = cells.cells();
        // predictor states: the cells (ordered by value) grouped into about NUMERIC_BINS bins of similar weight
        long present = rows - cells.missing();
        byte[] states = new byte[k + 1];
        int s = 0;
        long acc = 0;
        for (int cell = 0; cell < k; cell++) {
            states[cell] = (byte) s;
            acc += cells.count(cell);
            if (cell + 1 < k && (k <= NUMERIC_BINS || acc * NUMERIC_BINS >= (long) (s + 1) * present)) {
                s++;
            }
        }
        int missingState = k == 0 ? 0 : s + 1;
        states[k] = (byte) missingState;
        codebook[c] = new ValueCodebook(domain.column(c), cells, states, missingState + 1, null);
        indexNumeric(c);
    }

    /** Each row's cell in the column's codebook and its split target. */
    private void indexNumeric(int c) {
        double[] v = values[c];
        NumericCells cells = codebook[c].cells();
        int k = cells.cells();
        int[] index = new int[rows];
        float[] t = new float[rows];
        double[] sorted = SortedValues.present(v);
        for (int r = 0; r < rows; r++) {
            double x = v[r];
            if (Double.isNaN(x)) {
                index[r] = k;
                t[r] = MISSING_TARGET;
            } else {
                index[r] = cells.cellOf(x);
                int lo = lowerBound(sorted, x);
                int hi = upperBound(sorted, x);
                t[r] = sorted.length <= 1 ? 0.5f : (float) (((lo + hi - 1) / 2.0) / (sorted.length - 1));
            }
        }
        valueIndex[c] = index;
        target[c] = t;
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
        byte[] valueStates = new byte[cardinality + 1];
        for (int k = 0; k < cardinality; k++) {
            valueStates[k] = (byte) map[k];
        }
        valueStates[cardinality] = (byte) missingState;
        long[] rowsPerValue = Arrays.copyOf(counts, cardinality + 1);
        rowsPerValue[cardinality] = rows - Arrays.stream(counts).sum();
        codebook[c] = new ValueCodebook(domain.column(c), null, valueStates, states, rowsPerValue);
        indexCategorical(c);
    }

    private void indexCategorical(int c) {
        int[] code = codes[c];
        int missing = codebook[c].missing();
        int[] index = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (code[r] >= missing) {
                throw new IllegalArgumentException("column " + domain.column(c).name() + " has a category the model does not know");
            }
            index[r] = code[r] < 0 ? missing : code[r];
        }
        valueIndex[c] = index;
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
