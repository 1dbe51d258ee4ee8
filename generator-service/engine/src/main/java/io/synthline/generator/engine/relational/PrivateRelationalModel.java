package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.dp.PrivateModel;
import io.synthline.generator.engine.pii.Persona;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A differentially private model of a parent table with its children ({@link PrivateRelationalSynthesizer}).
 * Sampling draws flattened rows (as many as {@code scale} times the model's noisy estimate of the
 * number of parents), and unfolds each into a parent row and, per child table, as many child rows
 * as its drawn count, from its first slots; a sequential child's rows are put in the order of their
 * order column. Keys are generated as in the non-private path; post-processing keeps the guarantee.
 */
public final class PrivateRelationalModel {
    private final RelationalMetadata metadata;
    private final String root;
    private final int[] parentLearned;
    private final List<PrivateRelationalSynthesizer.ChildSlots> children;
    private final PrivateModel model;
    private final int maxChildren;
    private final Map<String, Map<Integer, PiiColumn>> pii;
    private final Map<String, List<ColumnSchema>> schemas;
    private final Map<String, List<KeyPlan>> keys;

    PrivateRelationalModel(RelationalMetadata metadata, String root, int[] parentLearned, List<PrivateRelationalSynthesizer.ChildSlots> children,
            PrivateModel model, int maxChildren, Map<String, Map<Integer, PiiColumn>> pii, Map<String, List<ColumnSchema>> schemas,
            Map<String, List<KeyPlan>> keys) {
        this.metadata = metadata;
        this.root = root;
        this.parentLearned = parentLearned;
        this.children = children;
        this.model = model;
        this.maxChildren = maxChildren;
        this.pii = pii;
        this.schemas = schemas;
        this.keys = keys;
    }

    /** The user-level guarantee: the flattened model's report (one flattened row per person). */
    public PrivacyReport privacy() {
        return model.privacy();
    }

    public int maxChildren() {
        return maxChildren;
    }

    /** Output rows of one table as texts (keys, PII, categories) or numbers, per column. */
    private final class Out {
        final String table;
        final List<ColumnSchema> schema;
        final Columns.Buffer[] buffers;
        final Map<Integer, KeyPlan> keyAt = new HashMap<>();
        final Map<Integer, PiiColumn.Generator> piiAt = new LinkedHashMap<>();
        final Map<Locale, Persona> personas = new LinkedHashMap<>();
        long rows;

        Out(String table) {
            this.table = table;
            this.schema = schemas.get(table);
            this.buffers = new Columns.Buffer[schema.size()];
            for (int c = 0; c < buffers.length; c++) {
                buffers[c] = schema.get(c).type().isNumeric() ? Columns.Buffer.numeric(schema.get(c)) : Columns.Buffer.text(schema.get(c));
            }
            keys.get(table).forEach(k -> keyAt.put(k.column(), k));
            pii.get(table).forEach((c, p) -> piiAt.put(c, p.generator(personas.computeIfAbsent(p.locale(), PiiColumn::persona))));
        }

        /** Adds a row: {@code values} per column (Double or String, null missing) with keys and PII filled in here. */
        List<String> add(Object[] values, long withinParent, long tableSeed, RowRandom random) {
            for (var e : keyAt.entrySet()) {
                values[e.getKey()] = e.getValue().value(e.getValue().perParent() ? withinParent : rows + 1);
            }
            if (!piiAt.isEmpty()) {
                personas.values().forEach(p -> PiiColumn.resetPersona(p, tableSeed, rows, 0));
                for (var e : piiAt.entrySet()) {
                    random.reseed(Seeds.derive(tableSeed, "column:" + schema.get(e.getKey()).name()), rows, 0);
                    values[e.getKey()] = e.getValue().value(rows, random);
                }
            }
            for (int c = 0; c < values.length; c++) {
                ColumnSchema s = schema.get(c);
                Object v = values[c];
                if (s.type().isNumeric()) {
                    buffers[c].addCell(v == null ? Double.NaN : v instanceof Double d ? d : number(s, (String) v));
                } else {
                    buffers[c].addText((String) v);
                }
            }
            rows++;
            List<String> key = new ArrayList<>();
            for (String k : metadata.table(table).primaryKey()) {
                key.add((String) values[indexOf(k)]);
            }
            return key;
        }

        int indexOf(String column) {
            for (int c = 0; c < schema.size(); c++) {
                if (schema.get(c).name().equals(column)) {
                    return c;
                }
            }
            throw new IllegalStateException("no column " + column);
        }

        Table table() {
            List<Column> columns = new ArrayList<>();
            for (Columns.Buffer b : buffers) {
                columns.add(b.build());
            }
            return new Table(columns);
        }
    }

    private static double number(ColumnSchema s, String text) {
        return s.type() == ColumnType.DATETIME ? DateTimeFormats.parse(text, s.format()) : NumberText.parse(text);
    }

    public RelationalDataset sample(double scale, long seed) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new BadInputException("invalid-scale", "scale must be a number greater than 0, got " + scale);
        }
        ModelDomain domain = model.domain();
        RowDrawer drawer = model.newDrawer();
        RowRandom random = new RowRandom();
        RowRandom columnRandom = new RowRandom();
        long entities = Math.round(scale * Math.max(0, model.estimatedRecords()));
        long rootSeed = Seeds.derive(seed, "table:" + root);
        Out parentOut = new Out(root);
        Map<String, Out> childOut = new LinkedHashMap<>();
        children.forEach(c -> childOut.put(c.relationship().childTable(), new Out(c.relationship().childTable())));
        double[] cells = new double[domain.size()];
        for (long e = 0; e < entities; e++) {
            drawer.draw(random.reseed(rootSeed, e, 0), cells);
            Object[] parentValues = new Object[parentOut.schema.size()];
            for (int i = 0; i < parentLearned.length; i++) {
                parentValues[parentLearned[i]] = value(domain.column(i), cells[i]);
            }
            List<String> parentKey = parentOut.add(parentValues, 0, rootSeed, columnRandom);
            for (PrivateRelationalSynthesizer.ChildSlots slots : children) {
                Out out = childOut.get(slots.relationship().childTable());
                long tableSeed = Seeds.derive(seed, "table:" + out.table);
                double count = cells[slots.countColumn()];
                int n = Double.isNaN(count) ? 0 : (int) Math.max(0, Math.min(maxChildren, Math.round(count)));
                List<Object[]> rows = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    Object[] values = new Object[out.schema.size()];
                    for (int i = 0; i < slots.learned().length; i++) {
                        int column = slots.firstSlotColumn() + j * slots.learned().length + i;
                        values[slots.learned()[i]] = value(domain.column(column), cells[column]);
                    }
                    List<String> fk = slots.relationship().childKey();
                    for (int i = 0; i < fk.size(); i++) {
                        values[out.indexOf(fk.get(i))] = parentKey.get(i);
                    }
                    rows.add(values);
                }
                if (slots.orderColumn() != null) {
                    int o = out.indexOf(slots.orderColumn());
                    rows.sort((a, b) -> Double.compare(orderValue(out.schema.get(o), a[o]), orderValue(out.schema.get(o), b[o])));
                }
                long within = 0;
                for (Object[] values : rows) {
                    out.add(values, ++within, tableSeed, columnRandom);
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String t : metadata.names()) {
            tables.put(t, t.equals(root) ? parentOut.table() : childOut.get(t).table());
        }
        return new RelationalDataset(metadata, tables);
    }

    private static Object value(ColumnDomain d, double cell) {
        if (Double.isNaN(cell)) {
            return null;
        }
        return d.isCategorical() ? d.text(cell) : (Object) cell;
    }

    private static double orderValue(ColumnSchema s, Object v) {
        if (v == null) {
            return Double.POSITIVE_INFINITY;
        }
        return v instanceof Double d ? d : number(s, (String) v);
    }
}
