package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.disclosure.NumericCells;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * One column as the trees see it, and all a stored model keeps of it: its values (a categorical
 * column's categories, a numeric column's {@link NumericCells cells}; missing last), each with
 * its predictor state. Leaves count rows by value index; drawing a value turns the index into a
 * cell of a sampled row (a category index, or a number drawn inside the cell).
 */
final class ValueCodebook {
    private final NumericCells cells;
    private final byte[] state;
    private final int stateCount;
    private final ColumnDomain domain;

    ValueCodebook(ColumnDomain domain, NumericCells cells, byte[] state, int stateCount) {
        this.domain = domain;
        this.cells = cells;
        this.state = state;
        this.stateCount = stateCount;
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
        return new ValueCodebook(domain, cells, state, stateCount);
    }
}
