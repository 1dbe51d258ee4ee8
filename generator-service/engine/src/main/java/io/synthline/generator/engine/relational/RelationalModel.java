package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.pii.Persona;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.GivenColumns;
import io.synthline.generator.engine.sampling.GivenColumnsFit;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted relational model. {@link #sample} generates the tables parents first: a table without
 * parent gets {@code scale} times its real row count; a child table gets, for every generated
 * parent row, as many rows as the parent's learned child count says, drawn given that parent row,
 * plus {@code scale} times its real rows without parent (with the foreign key missing). Row
 * {@code r} of a table is drawn from its own stream (table seed, r), so the same model, scale and
 * seed give the same tables.
 */
public final class RelationalModel {
    private final RelationalMetadata metadata;
    private final Map<String, TablePlan> plans;
    private final RelationalSpec spec;
    private final long seed;
    private final List<String> notes;

    RelationalModel(RelationalMetadata metadata, Map<String, TablePlan> plans, RelationalSpec spec, long seed, List<String> notes) {
        this.metadata = metadata;
        this.plans = plans;
        this.spec = spec;
        this.seed = seed;
        this.notes = List.copyOf(notes);
    }

    public RelationalMetadata metadata() {
        return metadata;
    }

    public RelationalSpec spec() {
        return spec;
    }

    /** What the fit had to decide about the data (dangling keys, foreign keys sharing columns, ...). */
    public List<String> notes() {
        return notes;
    }

    /** The PII columns replaced, per table. */
    public Map<String, List<String>> piiColumns() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        plans.forEach((name, plan) -> {
            if (!plan.pii().isEmpty()) {
                out.put(name, plan.pii().values().stream().map(PiiColumn::column).toList());
            }
        });
        return out;
    }

    /**
     * Fits a model of the table's columns after the first {@code given} ones, given them (only
     * their trees, for a synthesizer that can), and checks at once that it can draw so.
     */
    static FittedModel fitGiven(Synthesizer synthesizer, Table training, int given, long seed) {
        FittedModel model = synthesizer instanceof GivenColumnsFit g ? g.fitGiven(training, given, seed) : synthesizer.fit(training, seed);
        givenDrawer(model, given);
        return model;
    }

    static RowDrawer givenDrawer(FittedModel model, int given) {
        if (given == 0) {
            return model.newDrawer();
        }
        if (!(model instanceof GivenColumns g)) {
            throw new BadInputException("model-not-relational", "model '" + model.synthesizer() + "' cannot draw a child row given its"
                    + " parent row; relational data needs the tree model");
        }
        return g.drawerGiven(Columns.identity(given));
    }

    /** One generated table: the context cells of each row (for its children) and its primary key values. */
    private record Generated(List<double[]> context, List<List<String>> keys, Table table) {
    }

    public RelationalDataset sample(double scale, long sampleSeed) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new BadInputException("invalid-scale", "scale must be a number greater than 0, got " + scale);
        }
        Map<String, Generated> done = new HashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : metadata.topologicalOrder()) {
            Generated g = generate(plans.get(name), scale, Seeds.derive(sampleSeed, "table:" + name), done);
            done.put(name, g);
        }
        for (String name : metadata.names()) {
            tables.put(name, done.get(name).table());
        }
        return new RelationalDataset(metadata, tables);
    }

    private Generated generate(TablePlan plan, double scale, long tableSeed, Map<String, Generated> done) {
        RowRandom random = new RowRandom();
        List<double[]> context = new ArrayList<>();
        List<List<String>> parentKey = new ArrayList<>();
        List<Integer> parentRow = new ArrayList<>();
        int parentSize = 0;
        Generated parent = null;
        if (plan.primary() != null) {
            parent = done.get(plan.primary().parentTable());
            parentSize = plans.get(plan.primary().parentTable()).contextSize();
        }
        int m = plan.contextSize();
        if (plan.sequence() != null) {
            SequenceModel.Drawers drawers = plan.sequence().drawers();
            if (parent != null) {
                int countIndex = plans.get(plan.primary().parentTable()).countIndex(plan.name());
                for (int p = 0; p < parent.context().size(); p++) {
                    double[] cells = parent.context().get(p);
                    int length = count(cells[countIndex]);
                    int before = context.size();
                    plan.sequence().draw(drawers, cells, length, tableSeed, before, random, context);
                    for (int i = before; i < context.size(); i++) {
                        parentRow.add(p);
                    }
                }
            } else {
                long entities = Math.round(scale * plan.sequence().lengths.length);
                RowRandom lengths = new RowRandom();
                long lengthSeed = Seeds.derive(tableSeed, "lengths");
                for (long e = 0; e < entities; e++) {
                    double[] seen = plan.sequence().lengths;
                    int length = count(seen[lengths.reseed(lengthSeed, e, 0).nextInt(seen.length)]);
                    int before = context.size();
                    plan.sequence().draw(drawers, new double[0], length, tableSeed, before, random, context);
                    for (int i = before; i < context.size(); i++) {
                        parentRow.add((int) e);
                    }
                }
            }
        } else {
            RowDrawer drawer = plan.model() == null ? null : givenDrawer(plan.model(), parentSize);
            double[] cells = new double[parentSize + m];
            long row = 0;
            if (parent != null) {
                int countIndex = plans.get(plan.primary().parentTable()).countIndex(plan.name());
                for (int p = 0; p < parent.context().size(); p++) {
                    double[] parentCells = parent.context().get(p);
                    int children = count(parentCells[countIndex]);
                    for (int k = 0; k < children; k++) {
                        System.arraycopy(parentCells, 0, cells, 0, parentSize);
                        context.add(draw(drawer, cells, parentSize, m, random.reseed(tableSeed, row++, 0)));
                        parentRow.add(p);
                    }
                }
            }
            long free = Math.round(scale * (parent == null ? plan.rows() : plan.orphanRows()));
            for (long k = 0; k < free; k++) {
                java.util.Arrays.fill(cells, 0, parentSize, Double.NaN);
                context.add(draw(drawer, cells, parentSize, m, random.reseed(tableSeed, row++, 0)));
                parentRow.add(-1);
            }
        }
        return assemble(plan, tableSeed, context, parentRow, parent, done);
    }

    private static double[] draw(RowDrawer drawer, double[] cells, int parentSize, int m, RowRandom random) {
        if (drawer != null) {
            drawer.draw(random, cells);
        }
        double[] own = new double[m];
        System.arraycopy(cells, parentSize, own, 0, m);
        return own;
    }

    private static int count(double cell) {
        return Double.isNaN(cell) ? 0 : (int) Math.max(0, Math.round(cell));
    }

    /** The output columns of the generated rows: learned cells, generated keys, foreign keys and PII. */
    private Generated assemble(TablePlan plan, long tableSeed, List<double[]> context, List<Integer> parentRow, Generated parent,
            Map<String, Generated> done) {
        int rows = context.size();
        int width = plan.schema().size();
        Columns.Buffer[] out = new Columns.Buffer[width];
        int[] contextOf = new int[width];
        java.util.Arrays.fill(contextOf, -1);
        for (int i = 0; i < plan.learned().length; i++) {
            contextOf[plan.learned()[i]] = i;
        }
        for (int c = 0; c < width; c++) {
            ColumnSchema s = plan.schema().column(c);
            if (contextOf[c] >= 0) {
                ColumnDomain d = plan.context().column(contextOf[c]);
                out[c] = d.isCategorical() ? Columns.Buffer.coded(s, d.categories()) : Columns.Buffer.numeric(s);
            } else {
                out[c] = Columns.Buffer.text(s);
            }
        }
        String[] text = new String[width];
        Map<Integer, KeyPlan> keyAt = new HashMap<>();
        plan.keys().forEach(k -> keyAt.put(k.column(), k));
        plan.entityKeys().forEach(k -> keyAt.put(k.column(), k));
        Map<Locale, Persona> personas = new LinkedHashMap<>();
        Map<Integer, PiiColumn.Generator> piiGenerators = new LinkedHashMap<>();
        Map<Integer, Long> piiSeeds = new HashMap<>();
        plan.pii().forEach((c, p) -> {
            piiGenerators.put(c, p.generator(personas.computeIfAbsent(p.locale(), PiiColumn::persona)));
            piiSeeds.put(c, Seeds.derive(tableSeed, "column:" + p.column()));
        });
        List<Generated> secondaryParents = plan.secondary().stream().map(s -> done.get(s.relationship().parentTable())).toList();
        RowRandom columnRandom = new RowRandom();
        List<List<String>> keys = new ArrayList<>(rows);
        List<String> pkColumns = metadata.table(plan.name()).primaryKey();
        int[] pkIndex = pkColumns.stream().mapToInt(k -> plan.schema().indexOf(k).getAsInt()).toArray();
        int previousParent = Integer.MIN_VALUE;
        long withinParent = 0;
        long entity = -1;
        int previousEntity = Integer.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(text, null);
            int p = parentRow.get(r);
            if (p != previousParent || p < 0) {
                withinParent = 0;
            }
            withinParent++;
            previousParent = p;
            if (plan.primary() != null && p >= 0) {
                List<String> key = parent.keys().get(p);
                for (int i = 0; i < plan.primaryColumns().length; i++) {
                    text[plan.primaryColumns()[i]] = key.get(i);
                }
            }
            if (!plan.entityKeys().isEmpty() && p != previousEntity) {
                entity++;
                previousEntity = p;
            }
            for (KeyPlan k : plan.keys()) {
                text[k.column()] = k.value(k.perParent() ? withinParent : r + 1L);
            }
            for (KeyPlan k : plan.entityKeys()) {
                text[k.column()] = k.value(entity + 1);
            }
            for (int s = 0; s < plan.secondary().size(); s++) {
                TablePlan.Secondary sec = plan.secondary().get(s);
                Generated target = secondaryParents.get(s);
                columnRandom.reseed(Seeds.derive(tableSeed, "fk:" + sec.relationship().label()), r, 0);
                if (target.keys().isEmpty() || columnRandom.nextDouble() < sec.missingShare()) {
                    continue;
                }
                List<String> key = target.keys().get(columnRandom.nextInt(target.keys().size()));
                for (int i = 0; i < sec.columns().length; i++) {
                    text[sec.columns()[i]] = key.get(i);
                }
            }
            if (!piiGenerators.isEmpty()) {
                for (Persona persona : personas.values()) {
                    PiiColumn.resetPersona(persona, tableSeed, r, 0);
                }
                for (var e : piiGenerators.entrySet()) {
                    columnRandom.reseed(piiSeeds.get(e.getKey()), r, 0);
                    text[e.getKey()] = e.getValue().value(r, columnRandom);
                }
            }
            double[] cells = context.get(r);
            for (int c = 0; c < width; c++) {
                if (contextOf[c] >= 0) {
                    out[c].addCell(cells[contextOf[c]]);
                } else {
                    out[c].addText(text[c]);
                }
            }
            if (pkIndex.length > 0) {
                List<String> key = new ArrayList<>(pkIndex.length);
                for (int i : pkIndex) {
                    key.add(text[i]);
                }
                keys.add(key);
            }
        }
        List<Column> columns = new ArrayList<>(width);
        for (Columns.Buffer b : out) {
            columns.add(b.build());
        }
        return new Generated(context, keys, new Table(columns));
    }
}
