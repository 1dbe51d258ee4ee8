package io.synthline.generator.engine.relational;

import io.synthline.commons.relational.Relationship;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.disclosure.NumericCells;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.pii.PiiColumn;
import java.util.List;
import java.util.Map;

/**
 * How one table is generated.
 *
 * @param schema          the output columns: the real table's
 * @param learned         output column indexes of the learned columns, in context order
 * @param counted         the child tables whose row counts per row of this table are learned, in
 *                        context order after the learned columns
 * @param context         the learned columns and child counts: what this table's children are conditioned on
 * @param primary         the relationship to the parent children are drawn for; null for a table without parent
 * @param primaryColumns  output indexes of the primary foreign key's columns
 * @param orphanRows      real rows without a parent (optional foreign key missing, or dangling)
 * @param rows            real rows (tables without parent: the output has {@code scale} times as many)
 * @param model           over the parent's context (given) followed by this table's; null for sequential
 *                        tables and for tables with nothing to learn
 * @param secondary       the other foreign keys: each points at a random generated parent row
 * @param keys            generated key and identifier columns
 * @param pii             output column index to its replacement
 * @param sequence        the sequence model of a sequential table, else null
 * @param entityKeys      for a sequential table without parent table: its entity key columns (numbered per entity)
 * @param givenCells      per context column, the cells (of at least k rows <em>of this table</em>) its numbers are coded
 *                        into when this table's rows are given to its children ({@link #asGiven}); null for categories
 */
record TablePlan(String name, TableSchema schema, int[] learned, List<String> counted, ModelDomain context, Relationship primary,
        int[] primaryColumns, long orphanRows, long rows, FittedModel model, List<Secondary> secondary, List<KeyPlan> keys,
        Map<Integer, PiiColumn> pii, SequenceModel sequence, List<KeyPlan> entityKeys, NumericCells[] givenCells) {

    /**
     * The cells of each numeric context column over this table's rows. A child table's rows repeat
     * their parent's cells, one copy per child, so k child rows may all be one parent's: the child's
     * model would keep a value only that parent has. Coded into cells of k parents first, what the
     * children learn of their parents is what k parents share.
     */
    static NumericCells[] givenCells(Table context, DisclosureLimits limits) {
        NumericCells[] cells = new NumericCells[context.columnCount()];
        for (int c = 0; c < cells.length; c++) {
            if (context.column(c) instanceof NumericColumn n) {
                cells[c] = NumericCells.of(n.values(), limits.minGroup(), limits.maxIntervals());
            }
        }
        return cells;
    }

    /** A row of this table's context as children are conditioned on it: each number replaced by the lower edge of its cell. */
    double[] asGiven(double[] cells) {
        double[] out = cells.clone();
        for (int c = 0; c < givenCells.length; c++) {
            out[c] = coded(c, out[c]);
        }
        return out;
    }

    /** Column {@code c} of this table's context as children are conditioned on it (see {@link #asGiven}). */
    Column asGiven(int c, Column column) {
        if (givenCells[c] == null) {
            return column;
        }
        double[] values = ((NumericColumn) column).values().clone();
        for (int r = 0; r < values.length; r++) {
            values[r] = coded(c, values[r]);
        }
        return new NumericColumn(ColumnSchema.of(column.name(), ColumnType.DECIMAL), values);
    }

    private double coded(int c, double v) {
        NumericCells cells = givenCells[c];
        return cells == null || Double.isNaN(v) || cells.cells() == 0 ? v : cells.low(cells.cellOf(v));
    }

    /** A foreign key other than the primary one, with the share of rows where it is missing. */
    record Secondary(Relationship relationship, int[] columns, double missingShare) {
    }

    int contextSize() {
        return context.size();
    }

    /** Where the number of {@code child} rows per row sits in this table's context. */
    int countIndex(String child) {
        int i = counted.indexOf(child);
        if (i < 0) {
            throw new IllegalStateException(name + " does not count rows of " + child);
        }
        return learned.length + i;
    }
}
