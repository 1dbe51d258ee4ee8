package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Event sequences of one sequential table, drawn event by event with two single-table models:
 *
 * <ul>
 * <li>the first event: its order value and attributes given the entity (the parent row's columns,
 * when the entity is a parent row) and the sequence length;</li>
 * <li>every later event: the step of the order value from the previous event (inter-arrival time,
 * never negative) and the attributes, given the entity, the length, the position, the events left,
 * the previous order value and the previous event's attributes (lag 1: autocorrelation of numbers,
 * transitions of categories).</li>
 * </ul>
 * A number that was present in the previous event is drawn as a change from it, learned with the
 * attributes: a leaf of the tree holds many previous values, so a value drawn from the leaf alone
 * would forget where in the leaf the previous one was and weaken the autocorrelation.
 * The sequence length is the parent's child count (learned with the parent's columns), or for
 * entities without a parent table drawn from the lengths seen.
 */
final class SequenceModel {
    private final int orderIndex;
    private final int[] attributes;
    private final int contextSize;
    private final int parentSize;
    private final FittedModel first;
    private final FittedModel next;
    private final ColumnDomain orderDomain;
    /** Indexes (into {@code attributes}) of the numeric attributes, drawn as changes, and their domains. */
    private final int[] changing;
    private final ColumnDomain[] changingDomains;
    /** Entity sequence lengths seen, sorted (entities without a parent table draw theirs from these). */
    final double[] lengths;

    private SequenceModel(int orderIndex, int[] attributes, int contextSize, int parentSize, FittedModel first, FittedModel next,
            ColumnDomain orderDomain, int[] changing, ColumnDomain[] changingDomains, double[] lengths) {
        this.orderIndex = orderIndex;
        this.attributes = attributes;
        this.contextSize = contextSize;
        this.parentSize = parentSize;
        this.first = first;
        this.next = next;
        this.orderDomain = orderDomain;
        this.changing = changing;
        this.changingDomains = changingDomains;
        this.lengths = lengths;
    }

    /**
     * @param context     the table's learned columns (and child counts), one row per event
     * @param parent      the parent rows' columns, one row per entity (empty list: no parent table)
     * @param entityRows  per entity, its event rows (of {@code context})
     * @param orderIndex  the order column's index in {@code context}
     */
    static SequenceModel fit(Table context, List<Column> parent, int[][] entityRows, int orderIndex, Synthesizer synthesizer,
            long seed) {
        int entities = entityRows.length;
        Column order = context.column(orderIndex);
        if (!(order instanceof NumericColumn orderValues)) {
            throw new BadInputException("invalid-sequence", "the sequence index '" + order.name() + "' must be a number or a date, not "
                    + order.type());
        }
        int[] attributes = IntStream.range(0, context.columnCount()).filter(c -> c != orderIndex).toArray();
        int[] changing = IntStream.range(0, attributes.length)
                .filter(j -> context.column(attributes[j]) instanceof NumericColumn).toArray();
        ColumnDomain[] changingDomains = new ColumnDomain[changing.length];
        for (int j = 0; j < changing.length; j++) {
            changingDomains[j] = ColumnDomain.of(context.column(attributes[changing[j]]));
        }
        double[] lengths = new double[entities];
        int[] firstRows = new int[entities];
        int events = 0;
        for (int e = 0; e < entities; e++) {
            lengths[e] = entityRows[e].length;
            firstRows[e] = entityRows[e].length == 0 ? -1 : entityRows[e][0];
            events += Math.max(0, entityRows[e].length - 1);
        }
        // first events
        List<Column> firstColumns = new ArrayList<>();
        int[] entityIndex = Columns.identity(entities);
        for (Column p : parent) {
            firstColumns.add(Columns.pick(p, entityIndex, p.name()));
        }
        firstColumns.add(Columns.integers("__length", lengths));
        for (Column c : context.columns()) {
            firstColumns.add(Columns.pick(c, firstRows, c.name()));
        }
        int[] nonEmpty = IntStream.range(0, entities).filter(e -> entityRows[e].length > 0).toArray();
        FittedModel first = RelationalModel.fitGiven(synthesizer, select(new Table(firstColumns), nonEmpty), parent.size() + 1,
                Seeds.derive(seed, "first"));
        // later events
        int[] parentOfEvent = new int[events];
        int[] row = new int[events];
        int[] previous = new int[events];
        double[] length = new double[events];
        double[] position = new double[events];
        double[] left = new double[events];
        double[] step = new double[events];
        int k = 0;
        for (int e = 0; e < entities; e++) {
            int[] rows = entityRows[e];
            for (int t = 1; t < rows.length; t++) {
                parentOfEvent[k] = e;
                row[k] = rows[t];
                previous[k] = rows[t - 1];
                length[k] = rows.length;
                position[k] = t;
                left[k] = rows.length - 1 - t;
                step[k] = orderValues.value(rows[t]) - orderValues.value(rows[t - 1]);
                k++;
            }
        }
        FittedModel next = null;
        if (events > 0) {
            List<Column> nextColumns = new ArrayList<>();
            for (Column p : parent) {
                nextColumns.add(Columns.pick(p, parentOfEvent, p.name()));
            }
            nextColumns.add(Columns.integers("__length", length));
            nextColumns.add(Columns.integers("__position", position));
            nextColumns.add(Columns.integers("__left", left));
            nextColumns.add(Columns.pick(order, previous, "__previous:" + order.name()));
            for (int a : attributes) {
                nextColumns.add(Columns.pick(context.column(a), previous, "__previous:" + context.column(a).name()));
            }
            ColumnType stepType = order.type() == ColumnType.DECIMAL ? ColumnType.DECIMAL : ColumnType.INTEGER;
            nextColumns.add(new NumericColumn(ColumnSchema.of("__step", stepType), step));
            for (int a : attributes) {
                nextColumns.add(Columns.pick(context.column(a), row, context.column(a).name()));
            }
            for (int j : changing) {
                NumericColumn values = (NumericColumn) context.column(attributes[j]);
                double[] change = new double[events];
                for (int e = 0; e < events; e++) {
                    change[e] = values.value(row[e]) - values.value(previous[e]); // NaN when either is missing
                }
                ColumnType changeType = values.type() == ColumnType.DECIMAL ? ColumnType.DECIMAL : ColumnType.INTEGER;
                nextColumns.add(new NumericColumn(ColumnSchema.of("__change:" + values.name(), changeType), change));
            }
            next = RelationalModel.fitGiven(synthesizer, new Table(nextColumns), parent.size() + 4 + attributes.length,
                    Seeds.derive(seed, "next"));
        }
        Arrays.sort(lengths);
        return new SequenceModel(orderIndex, attributes, context.columnCount(), parent.size(), first, next,
                ColumnDomain.of(order), changing, changingDomains, lengths);
    }

    /**
     * Writes the two models and how events map to them; not the lengths seen, which only a table
     * without parent table draws from (one per entity: {@link RelationalArtifact} does not store it).
     */
    void write(ModelOutput out) throws IOException {
        out.writeInt(orderIndex);
        out.writeInts(attributes);
        out.writeInt(contextSize);
        out.writeInt(parentSize);
        RelationalArtifact.writeModel(out, first);
        RelationalArtifact.writeModel(out, next);
        out.writeDomain(new ModelDomain(List.of(orderDomain)));
        out.writeInts(changing);
        out.writeDomain(new ModelDomain(List.of(changingDomains)));
    }

    static SequenceModel read(ModelInput in, RelationalSpec spec, int threads) throws IOException {
        int orderIndex = in.readInt();
        int[] attributes = in.readInts();
        int contextSize = in.readInt();
        int parentSize = in.readInt();
        FittedModel first = RelationalArtifact.readModel(in, spec, threads);
        FittedModel next = RelationalArtifact.readModel(in, spec, threads);
        ColumnDomain orderDomain = in.readDomain().column(0);
        int[] changing = in.readInts();
        ColumnDomain[] changingDomains = in.readDomain().columns().toArray(ColumnDomain[]::new);
        if (first == null || changing.length != changingDomains.length) {
            throw new IOException("corrupt model: a sequence model without its first-event model or change domains");
        }
        return new SequenceModel(orderIndex, attributes, contextSize, parentSize, first, next, orderDomain, changing, changingDomains,
                new double[0]);
    }

    private static Table select(Table t, int[] rows) {
        List<Column> out = new ArrayList<>();
        for (Column c : t.columns()) {
            out.add(Columns.pick(c, rows, c.name()));
        }
        return new Table(out);
    }

    /** Drawers for one thread. */
    Drawers drawers() {
        int firstGiven = parentSize + 1;
        int nextGiven = parentSize + 4 + attributes.length;
        return new Drawers(RelationalModel.givenDrawer(first, firstGiven),
                next == null ? null : RelationalModel.givenDrawer(next, nextGiven));
    }

    record Drawers(RowDrawer first, RowDrawer next) {
    }

    /**
     * Draws one sequence: {@code length} events, each a row of the table's context columns, into
     * {@code out}. Event {@code t} uses the stream of row {@code firstRow + t} of the table.
     */
    void draw(Drawers drawers, double[] parentCells, int length, long tableSeed, long firstRow, RowRandom random, List<double[]> out) {
        if (length <= 0) {
            return;
        }
        double[] a = new double[parentSize + 1 + contextSize];
        System.arraycopy(parentCells, 0, a, 0, parentSize);
        a[parentSize] = length;
        drawers.first().draw(random.reseed(tableSeed, firstRow, 0), a);
        double[] event = Arrays.copyOfRange(a, parentSize + 1, a.length);
        event[orderIndex] = orderDomain.conform(event[orderIndex]);
        out.add(event);
        if (drawers.next() == null) {
            // no entity had two events: later ones repeat the first's order value
            for (int t = 1; t < length; t++) {
                out.add(event.clone());
            }
            return;
        }
        int m = parentSize + 4 + attributes.length + 1 + attributes.length + changing.length;
        double[] b = new double[m];
        for (int t = 1; t < length; t++) {
            double[] previous = out.getLast();
            System.arraycopy(parentCells, 0, b, 0, parentSize);
            int i = parentSize;
            b[i++] = length;
            b[i++] = t;
            b[i++] = length - 1 - t;
            b[i++] = previous[orderIndex];
            for (int attribute : attributes) {
                b[i++] = previous[attribute];
            }
            drawers.next().draw(random.reseed(tableSeed, firstRow + t, 0), b);
            double[] current = new double[contextSize];
            double step = b[i++];
            current[orderIndex] = Double.isNaN(previous[orderIndex]) || Double.isNaN(step) ? previous[orderIndex]
                    : orderDomain.conform(previous[orderIndex] + Math.max(0, step));
            for (int attribute : attributes) {
                current[attribute] = b[i++];
            }
            for (int j = 0; j < changing.length; j++) {
                int attribute = attributes[changing[j]];
                double change = b[i++];
                if (!Double.isNaN(current[attribute]) && !Double.isNaN(previous[attribute]) && !Double.isNaN(change)) {
                    current[attribute] = changingDomains[j].conform(previous[attribute] + change);
                }
            }
            out.add(current);
        }
    }
}
