package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.pii.Persona;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ConditionalSampling;
import io.synthline.generator.engine.sampling.Conditions;
import io.synthline.generator.engine.sampling.GivenColumns;
import io.synthline.generator.engine.sampling.GivenColumnsFit;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    /**
     * Per table with identifying PII, what recognises its real values ({@link RelationalArtifact#writeGuard});
     * null for a stored model read without its sidecar.
     */
    private final Map<String, CopyGuard> guards;
    /** Fitted in this process: its PII columns check fakes against the real values in memory. */
    private final boolean fitted;

    RelationalModel(RelationalMetadata metadata, Map<String, TablePlan> plans, RelationalSpec spec, long seed, List<String> notes,
            Map<String, CopyGuard> guards) {
        this(metadata, plans, spec, seed, notes, guards, true);
    }

    private RelationalModel(RelationalMetadata metadata, Map<String, TablePlan> plans, RelationalSpec spec, long seed, List<String> notes,
            Map<String, CopyGuard> guards, boolean fitted) {
        this.metadata = metadata;
        this.plans = plans;
        this.spec = spec;
        this.seed = seed;
        this.notes = List.copyOf(notes);
        this.guards = guards;
        this.fitted = fitted;
    }

    /** A model read from its artifact: it samples once its sidecar is given back ({@link #withGuard}), if it replaces identifying PII. */
    static RelationalModel stored(RelationalMetadata metadata, Map<String, TablePlan> plans, RelationalSpec spec, long seed,
            List<String> notes) {
        return new RelationalModel(metadata, plans, spec, seed, notes, null, false);
    }

    /** This (stored) model with the guard read from its sidecar. */
    public RelationalModel withGuard(Map<String, CopyGuard> sidecar) {
        for (Map.Entry<String, CopyGuard> e : sidecar.entrySet()) {
            TablePlan plan = plans.get(e.getKey());
            if (plan == null || !e.getValue().fits(new ModelDomain(plan.schema().columns().stream()
                    .map(c -> ColumnDomain.categorical(c, List.of())).toList()))) {
                throw new BadInputException("copy-guard-mismatch", "the copy guard belongs to another model");
            }
        }
        return new RelationalModel(metadata, plans, spec, seed, notes, Map.copyOf(sidecar), fitted);
    }

    long seed() {
        return seed;
    }

    TablePlan plan(String table) {
        return plans.get(table);
    }

    Map<String, CopyGuard> guards() {
        return guards;
    }

    /** The tables whose fake PII values are checked against real ones (identifying kinds). */
    private List<String> guardedTables() {
        return plans.values().stream().filter(p -> p.pii().values().stream().anyMatch(c -> c.kind().identifying()))
                .map(TablePlan::name).toList();
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
        return sample(scale, sampleSeed, List.of());
    }

    /**
     * Samples with every root-table row satisfying {@code conditions} ({@link RootConditions}): the
     * root table gets {@code scale} times its real rows, all drawn from the root model conditioned
     * on them (exact, {@link ConditionalSampling}); the other tables follow their generated parents
     * as without conditions, so the children of a conditioned row are drawn given its cells.
     *
     * @throws io.synthline.generator.engine.sampling.ImpossibleConditionException when the model gives the conditions probability 0
     */
    public RelationalDataset sample(double scale, long sampleSeed, List<ConditionSpec> conditions) {
        return sample(scale, sampleSeed, conditions, Generation.SILENT);
    }

    /**
     * As {@link #sample(double, long, List)}, telling {@code listener} the rows generated so far
     * after each table (out of {@code scale} times the real rows of all tables, an estimate: child
     * counts are drawn) and stopping with {@link Generation.CancelledException} between tables when
     * it says the run was cancelled.
     */
    public RelationalDataset sample(double scale, long sampleSeed, List<ConditionSpec> conditions, Generation.Listener listener) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new BadInputException("invalid-scale", "scale must be a number greater than 0, got " + scale);
        }
        if (!fitted && guards == null && !guardedTables().isEmpty()) {
            throw new BadInputException("copy-guard-missing", "the model replaces identifying PII in " + guardedTables() + " and its copy"
                    + " guard, which keeps real values out of the fakes, was not given: give the sidecar written with the model");
        }
        String root = Entities.root(metadata);
        FittedModel rootModel = conditions == null || conditions.isEmpty() ? null : conditioned(root, conditions);
        Map<String, Generated> done = new HashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        long expected = Math.max(1, Math.round(scale * plans.values().stream().mapToLong(TablePlan::rows).sum()));
        long rows = 0;
        for (String name : metadata.topologicalOrder()) {
            if (listener.cancelled()) {
                throw new Generation.CancelledException();
            }
            TablePlan plan = plans.get(name);
            FittedModel model = rootModel != null && name.equals(root) ? rootModel : plan.model();
            Generated g = generate(plan, model, scale, Seeds.derive(sampleSeed, "table:" + name), done);
            done.put(name, g);
            rows += g.table().rowCount();
            listener.progress(Math.min(rows, expected - 1), expected);
        }
        if (listener.cancelled()) {
            throw new Generation.CancelledException();
        }
        for (String name : metadata.names()) {
            tables.put(name, done.get(name).table());
        }
        return new RelationalDataset(metadata, tables);
    }

    /** The root table's model restricted to rows satisfying the conditions. */
    private FittedModel conditioned(String root, List<ConditionSpec> conditions) {
        TablePlan plan = plans.get(root);
        Set<String> pii = new HashSet<>();
        plan.pii().values().forEach(p -> pii.add(p.column()));
        List<ConditionSpec> onRoot = RootConditions.check(metadata, plan.schema(), pii, conditions);
        if (!(plan.model() instanceof ConditionalSampling model)) {
            throw new BadInputException("invalid-condition", plan.model() == null ? "the root table '" + root + "' has no learned column"
                    + " to condition on" : "model '" + plan.model().synthesizer() + "' cannot sample under conditions");
        }
        if (plan.model().conditioningNeedsTraining()) {
            throw new BadInputException("conditioning-needs-training-data", "a stored model keeps no training rows, and sampling it under"
                    + " conditions grows trees on them: fit on the tables with the conditions instead");
        }
        Condition condition = Conditions.resolve(plan.model().domain(), onRoot);
        return model.given(condition);
    }

    private Generated generate(TablePlan plan, FittedModel model, double scale, long tableSeed, Map<String, Generated> done) {
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
                TablePlan parentPlan = plans.get(plan.primary().parentTable());
                int countIndex = parentPlan.countIndex(plan.name());
                for (int p = 0; p < parent.context().size(); p++) {
                    double[] cells = parent.context().get(p);
                    int length = count(cells[countIndex]);
                    int before = context.size();
                    plan.sequence().draw(drawers, parentPlan.asGiven(cells), length, tableSeed, before, random, context);
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
            RowDrawer drawer = model == null ? null : givenDrawer(model, parentSize);
            double[] cells = new double[parentSize + m];
            long row = 0;
            if (parent != null) {
                TablePlan parentPlan = plans.get(plan.primary().parentTable());
                int countIndex = parentPlan.countIndex(plan.name());
                for (int p = 0; p < parent.context().size(); p++) {
                    int children = count(parent.context().get(p)[countIndex]);
                    double[] parentCells = children == 0 ? null : parentPlan.asGiven(parent.context().get(p));
                    for (int k = 0; k < children; k++) {
                        System.arraycopy(parentCells, 0, cells, 0, parentSize);
                        context.add(draw(drawer, cells, parentSize, m, random.reseed(tableSeed, row++, 0)));
                        parentRow.add(p);
                    }
                }
            }
            long free = Math.round(scale * (parent == null ? plan.rows() : plan.orphanRows()));
            for (long k = 0; k < free; k++) {
                Arrays.fill(cells, 0, parentSize, Double.NaN);
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
        Arrays.fill(contextOf, -1);
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
        CopyGuard.Matcher guard = fitted || guards == null || !guards.containsKey(plan.name()) ? null : guards.get(plan.name()).matcher();
        plan.pii().forEach((c, p) -> {
            Persona persona = personas.computeIfAbsent(p.locale(), PiiColumn::persona);
            piiGenerators.put(c, fitted ? p.generator(persona) : p.generator(persona, guard == null ? null : guard.realValuesOf(c)));
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
            Arrays.fill(text, null);
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
