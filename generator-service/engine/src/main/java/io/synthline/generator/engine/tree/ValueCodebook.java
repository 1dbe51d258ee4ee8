package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.disclosure.NumericCells;
import java.io.IOException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * One column as the trees see it, and all a stored model keeps of it: its values (a categorical
 * column's categories, a numeric column's {@link NumericCells cells}; missing last), each with
 * its predictor state, and how many training rows each value has (the weights a leaf's pooled
 * values are drawn with: {@link #drawWithin}). Leaves count rows by value index; drawing a value
 * turns the index into a cell of a sampled row (a category index, or a number drawn inside the
 * cell).
 */
final class ValueCodebook {
    private final NumericCells cells;
    private final byte[] state;
    private final int stateCount;
    private final ColumnDomain domain;
    /** Training rows with a value index up to this one (inclusive). */
    private final long[] rowsUpTo;

    /** @param rows training rows per value index (categories; a numeric column's come from its cells) */
    ValueCodebook(ColumnDomain domain, NumericCells cells, byte[] state, int stateCount, long[] rows) {
        this.domain = domain;
        this.cells = cells;
        this.state = state;
        this.stateCount = stateCount;
        long[] counts = cells != null ? cellRows(cells) : rows;
        if (counts.length != state.length) {
            throw new IllegalArgumentException("column " + domain.name() + ": " + counts.length + " row counts for " + state.length + " values");
        }
        this.rowsUpTo = new long[counts.length];
        long running = 0;
        for (int v = 0; v < counts.length; v++) {
            running += counts[v];
            rowsUpTo[v] = running;
        }
    }

    private static long[] cellRows(NumericCells cells) {
        long[] counts = new long[cells.cells() + 1];
        for (int c = 0; c < cells.cells(); c++) {
            counts[c] = cells.count(c);
        }
        counts[cells.cells()] = cells.missing();
        return counts;
    }

    /**
     * A value index in {@code [first, last]} drawn with the training rows' weights: a leaf's
     * pooled values come out as often as the whole column has them, so the leaf keeps how many of
     * its rows lie in the range but not which values they have.
     */
    int drawWithin(int first, int last, RandomGenerator random) {
        long below = first == 0 ? 0 : rowsUpTo[first - 1];
        long weight = rowsUpTo[last] - below;
        if (weight <= 0) {
            return first;
        }
        long u = below + random.nextLong(weight);
        int lo = first;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowsUpTo[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    boolean numeric() {
        return cells != null;
    }

    /** Value indexes: categories or cells, then missing. */
    int values() {
        return state.length;
    }

    int missing() {
        return state.length - 1;
    }

    int state(int value) {
        return state[value] & 0xFF;
    }

    int stateCount() {
        return stateCount;
    }

    /** The predictor state of a cell handed in from outside the model (category index or number; NaN for missing). */
    int stateOfCell(double cell) {
        if (Double.isNaN(cell)) {
            return state(missing());
        }
        if (cells != null) {
            return state(cells.cellOf(cell));
        }
        int code = (int) cell;
        if (code != cell || code < 0 || code >= missing()) {
            throw new IllegalArgumentException("cell " + cell + " is not a category of column " + domain.name());
        }
        return state(code);
    }

    NumericCells cells() {
        return cells;
    }

    /** The sampled-row cell of a value index: category index, or a number of the cell conformed to the column; NaN when missing. */
    double cell(int value, RandomGenerator random) {
        if (value == missing()) {
            return Double.NaN;
        }
        return cells == null ? value : domain.conform(cells.draw(value, random));
    }

    /** As {@link #cell} with the number kept inside [from, to]. */
    double cell(int value, double from, double to, RandomGenerator random) {
        if (value == missing() || cells == null) {
            return cell(value, random);
        }
        return domain.conform(cells.draw(value, from, to, random));
    }

    void write(ModelOutput out) throws IOException {
        out.writeBoolean(cells != null);
        if (cells != null) {
            cells.write(out);
        }
        out.writeBytes(state);
        out.writeInt(stateCount);
        if (cells == null) {
            long[] counts = new long[rowsUpTo.length];
            for (int v = 0; v < counts.length; v++) {
                counts[v] = rowsUpTo[v] - (v == 0 ? 0 : rowsUpTo[v - 1]);
            }
            out.writeLongs(counts);
        }
    }

    static ValueCodebook read(ModelInput in, ColumnDomain domain) throws IOException {
        NumericCells cells = in.readBoolean() ? NumericCells.read(in) : null;
        if ((cells != null) == domain.isCategorical()) {
            throw new IOException("corrupt model: column " + domain.name() + " is stored with the wrong kind of values");
        }
        byte[] state = in.readBytes();
        int stateCount = in.readInt();
        int expected = cells != null ? cells.cells() + 1 : domain.cardinality() + 1;
        if (state.length != expected || stateCount < 1 || stateCount > TrainingData.MAX_STATES) {
            throw new IOException("corrupt model: column " + domain.name() + " has " + state.length + " values, expected " + expected);
        }
        long[] rows = cells == null ? in.readLongs() : null;
        if (rows != null && (rows.length != expected || Arrays.stream(rows).anyMatch(n -> n < 0))) {
            throw new IOException("corrupt model: column " + domain.name() + " has " + rows.length + " row counts, expected " + expected);
        }
        return new ValueCodebook(domain, cells, state, stateCount, rows);
    }
}
