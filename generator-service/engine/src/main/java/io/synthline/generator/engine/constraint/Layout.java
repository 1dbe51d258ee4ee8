package io.synthline.generator.engine.constraint;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.disclosure.RareCategories;
import io.synthline.generator.engine.format.Shapes;
import io.synthline.generator.engine.format.TextPattern;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.pii.ReplacementKind;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.Conditions;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How output columns relate to the columns a model learns, decided once at fit time from the
 * constraints and the PII settings:
 * <ul>
 * <li>most columns are learned as they are;</li>
 * <li>columns under a fixed-combinations constraint are learned as one categorical column whose
 * values are the combinations seen in training, so only those are ever generated;</li>
 * <li>the high side of {@code low <= high} is learned as the difference to its low side(s)
 * (as SDV's Inequality does), so every generated row satisfies it exactly;</li>
 * <li>PII, formatted, key and identifier columns are generated, never learned; a date of birth's
 * year is learned as a column of its own and the day drawn within it;</li>
 * <li>range constraints become conditions, sampled exactly.</li>
 * </ul>
 */
public final class Layout {
    private static final String HIDDEN = "__synth_";
    private static final String SEPARATOR = "\u001F";
    /** Placeholder model column of a birth date whose year is learned, until the model table is laid out. */
    private static final int BIRTH_YEAR_PENDING = Integer.MIN_VALUE;

    private final ModelDomain output;
    private final int[] copyFrom;
    private final List<Combo> combos;
    private final List<Derived> derived;
    private final List<GeneratedColumn> generated;
    private final Condition ranges;
    private final List<String> notes;

    /** A fixed combination: model column of combination codes, and per combination the parts' cells. */
    record Combo(int modelColumn, int[] outputs, double[][] parts) {
    }

    /** high = max(lows) + difference; {@code rawColumn} carries high where a low is missing (-1 if never). */
    record Derived(int high, int[] lows, boolean strict, int diffColumn, int rawColumn) {
    }

    /** The layout and the table the model is fitted on. */
    public record Fitted(Layout layout, Table modelTable) {
    }

    private Layout(ModelDomain output, int[] copyFrom, List<Combo> combos, List<Derived> derived, List<GeneratedColumn> generated,
            Condition ranges, List<String> notes) {
        this.output = output;
        this.copyFrom = copyFrom;
        this.combos = combos;
        this.derived = derived;
        this.generated = generated;
        this.ranges = ranges;
        this.notes = notes;
    }

    public ModelDomain output() {
        return output;
    }

    public List<GeneratedColumn> generated() {
        return generated;
    }

    /** Range constraints as a condition on output columns. */
    public Condition ranges() {
        return ranges;
    }

    /** Facts worth telling the user about the training data and the constraints. */
    public List<String> notes() {
        return notes;
    }

    public boolean isGenerated(int column) {
        for (GeneratedColumn g : generated) {
            if (g.column() == column) {
                return true;
            }
        }
        return false;
    }

    /** The PII columns, with what the model learned of each (nothing, for most kinds). */
    public List<ReplacedColumn> replacedColumns() {
        List<ReplacedColumn> out = new ArrayList<>();
        for (GeneratedColumn g : generated) {
            if (g instanceof GeneratedColumn.Pii p) {
                out.add(new ReplacedColumn(output.column(p.column()).name(), p.pii().kind().id(),
                        p.modelColumn() >= 0 ? "year of birth" : null));
            }
        }
        return out;
    }

    /** Output columns whose values come from the model (the ones a copied row would repeat). */
    public int[] learnedColumns() {
        return IntStream.range(0, output.size()).filter(c -> !isGenerated(c)).toArray();
    }

    // ------------------------------------------------------------------------------------ fitting

    public static Fitted fit(Table training, List<ConstraintSpec> constraints, Map<String, String> piiColumns, String piiLocale,
            long seed) {
        return fit(training, constraints, piiColumns, piiLocale, seed, false);
    }

    /**
     * @param publicOnly for differentially private models: learn nothing from the rows here
     *                   (everything the layout keeps would escape the privacy accounting). PII
     *                   columns are generated from their kind alone, keys count from 1, generated
     *                   columns keep no observed values, and constraints that are learned from the
     *                   rows (fixed combinations, inequalities) are refused. The learned columns'
     *                   domains come from the private model ({@link #withLearnedDomain}).
     */
    public static Fitted fit(Table training, List<ConstraintSpec> constraints, Map<String, String> piiColumns, String piiLocale,
            long seed, boolean publicOnly) {
        ModelDomain output = ModelDomain.of(training);
        int m = output.size();
        List<ConstraintSpec> specs = constraints == null ? List.of() : constraints;
        Map<Integer, String> roles = new HashMap<>();
        List<GeneratedColumn> generated = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Locale locale = piiLocale == null || piiLocale.isBlank() ? Locale.US : Locale.forLanguageTag(piiLocale);

        // generated columns: PII, formats, unique keys, identifiers
        Map<Integer, ReplacementKind> pii = new LinkedHashMap<>();
        if (piiColumns != null) {
            for (Map.Entry<String, String> e : piiColumns.entrySet()) {
                int c = output.require(e.getKey(), "the PII settings");
                pii.put(c, e.getValue() == null || e.getValue().isBlank() ? ReplacementKind.guess(e.getKey()) : ReplacementKind.parse(e.getValue()));
                roles.put(c, "PII");
            }
        }
        Map<Integer, TextPattern> formats = new LinkedHashMap<>();
        Set<Integer> unique = new LinkedHashSet<>();
        for (ConstraintSpec spec : specs) {
            switch (spec) {
                case ConstraintSpec.Format f -> {
                    int c = output.require(required(f.column(), "format", "column"), "a format constraint");
                    claim(roles, c, "format", output);
                    formats.put(c, TextPattern.compile(required(f.regex(), "format", "regex")));
                }
                case ConstraintSpec.Unique u -> {
                    if (u.columns() == null || u.columns().isEmpty()) {
                        throw new BadInputException("invalid-constraint", "a unique constraint needs at least one column");
                    }
                    unique.add(output.require(u.columns().getFirst(), "a unique constraint"));
                    for (String other : u.columns()) {
                        output.require(other, "a unique constraint");
                    }
                }
                case null -> throw new BadInputException("invalid-constraint", "a constraint is null");
                default -> {
                }
            }
        }
        for (int c : unique) {
            if (pii.containsKey(c) || formats.containsKey(c)) {
                continue;
            }
            claim(roles, c, "unique key", output);
        }
        for (int c = 0; c < m; c++) {
            if (output.column(c).schema().type() == ColumnType.IDENTIFIER && !roles.containsKey(c)) {
                roles.put(c, "identifier");
                unique.add(c);
            }
        }
        if (publicOnly) {
            for (ConstraintSpec spec : specs) {
                if (spec instanceof ConstraintSpec.FixedCombinations || spec instanceof ConstraintSpec.Inequality) {
                    throw new BadInputException("dp-constraint-unsupported", "differentially private models support range, format and"
                            + " unique constraints; a " + (spec instanceof ConstraintSpec.Inequality ? "inequality" : "fixed-combinations")
                            + " constraint is learned from the raw rows (the combinations or differences seen), outside the privacy accounting");
                }
            }
        }
        for (Map.Entry<Integer, ReplacementKind> e : pii.entrySet()) {
            Column source = training.column(e.getKey());
            // a birth date's year is learned like any column (privately, for DP models): the ages and their relations
            // to the other columns follow the data, while the day is drawn within the year and no real date is read
            boolean learnYear = e.getValue() == ReplacementKind.DATE_OF_BIRTH && source.type() == ColumnType.DATETIME;
            PiiColumn column = publicOnly ? PiiColumn.fromKind(source.name(), e.getValue(), locale, seed, source.schema().format())
                    : PiiColumn.learn(source, e.getValue(), locale, seed, learnYear);
            generated.add(new GeneratedColumn.Pii(e.getKey(), column, learnYear ? BIRTH_YEAR_PENDING : -1));
        }
        for (Map.Entry<Integer, TextPattern> e : formats.entrySet()) {
            generated.add(new GeneratedColumn.Pattern(e.getKey(), e.getValue(), unique.contains(e.getKey()),
                    Seeds.derive(seed, "format:" + output.column(e.getKey()).name())));
        }
        for (int c : unique) {
            if (pii.containsKey(c) || formats.containsKey(c)) {
                continue;
            }
            generated.add(key(training.column(c), c, seed));
        }
        // generated columns are never learned: their observed values (names, e-mails, keys) must not reach the artifact
        output = withoutObservedValues(output, generated);

        // fixed combinations
        Map<Integer, Integer> comboOf = new HashMap<>();
        List<int[]> comboColumns = new ArrayList<>();
        for (ConstraintSpec spec : specs) {
            if (spec instanceof ConstraintSpec.FixedCombinations f) {
                if (f.columns() == null || f.columns().size() < 2) {
                    throw new BadInputException("invalid-constraint", "a fixed-combinations constraint needs at least two columns");
                }
                int[] cols = new int[f.columns().size()];
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = output.require(f.columns().get(i), "a fixed-combinations constraint");
                    claim(roles, cols[i], "fixed combination", output);
                    comboOf.put(cols[i], comboColumns.size());
                }
                comboColumns.add(cols);
            }
        }

        // inequalities: high -> its lows
        Map<Integer, List<Integer>> lowsOf = new LinkedHashMap<>();
        Map<Integer, Boolean> strictOf = new HashMap<>();
        for (ConstraintSpec spec : specs) {
            if (spec instanceof ConstraintSpec.Inequality q) {
                int low = output.require(required(q.low(), "inequality", "low"), "an inequality constraint");
                int high = output.require(required(q.high(), "inequality", "high"), "an inequality constraint");
                for (int c : new int[] {low, high}) {
                    if (output.column(c).isCategorical()) {
                        throw new BadInputException("invalid-constraint", "inequality " + q.low() + " <= " + q.high()
                                + " needs numeric or datetime columns, but '" + output.column(c).name() + "' is "
                                + output.column(c).schema().type());
                    }
                }
                if (low == high) {
                    throw new BadInputException("contradictory-constraints", "inequality on '" + q.low() + "' compares the column with itself");
                }
                if (roles.containsKey(low) && !"inequality".equals(roles.get(low))) {
                    throw contradiction(output, low, roles.get(low), "inequality");
                }
                if (roles.containsKey(high) && !"inequality".equals(roles.get(high))) {
                    throw contradiction(output, high, roles.get(high), "inequality");
                }
                lowsOf.computeIfAbsent(high, k -> new ArrayList<>()).add(low);
                strictOf.merge(high, Boolean.TRUE.equals(q.strict()), Boolean::logicalOr);
            }
        }
        List<Integer> topo = topological(lowsOf, output);
        for (int high : topo) {
            roles.put(high, "inequality");
        }

        // ranges (as conditions on output columns)
        Map<Integer, ColumnCondition> rangeByColumn = new LinkedHashMap<>();
        for (ConstraintSpec spec : specs) {
            if (spec instanceof ConstraintSpec.Range r) {
                int c = output.require(required(r.column(), "range", "column"), "a range constraint");
                if (roles.containsKey(c) && !"fixed combination".equals(roles.get(c))) {
                    throw contradiction(output, c, roles.get(c), "range");
                }
                if (r.min() == null && r.max() == null) {
                    throw new BadInputException("invalid-constraint", "the range on '" + r.column() + "' needs min and/or max");
                }
                ColumnCondition.Between b = (ColumnCondition.Between) Conditions.range(output, c, r.min(), r.max(), "the range constraint");
                ColumnCondition previous = rangeByColumn.get(c);
                if (previous instanceof ColumnCondition.Between p) {
                    double lo = Math.max(p.min(), b.min());
                    double hi = Math.min(p.max(), b.max());
                    if (lo > hi) {
                        throw new BadInputException("contradictory-constraints", "the ranges on '" + r.column() + "' exclude each other");
                    }
                    b = new ColumnCondition.Between(c, lo, hi);
                }
                rangeByColumn.put(c, b);
            }
        }

        // the model table, in output order with substitutions; no category or combination fewer than k rows share is learned
        DisclosureLimits disclosure = DisclosureLimits.DEFAULT;
        List<ColumnDomain> outputColumns = new ArrayList<>(output.columns());
        List<Column> modelColumns = new ArrayList<>();
        int[] copyFrom = new int[m];
        Arrays.fill(copyFrom, -1);
        List<Combo> combos = new ArrayList<>();
        Map<Integer, Integer> diffAt = new HashMap<>();
        Map<Integer, Integer> rawAt = new HashMap<>();
        Set<Integer> comboDone = new HashSet<>();
        Set<Integer> generatedSet = new HashSet<>();
        generated.forEach(g -> generatedSet.add(g.column()));
        for (int c = 0; c < m; c++) {
            if (generatedSet.contains(c)) {
                continue;
            }
            Integer combo = comboOf.get(c);
            if (combo != null) {
                if (comboDone.add(combo)) {
                    Column composite = comboColumn(training, comboColumns.get(combo), modelColumns.size(), combos,
                            publicOnly ? 1 : disclosure.minGroup(), outputColumns);
                    modelColumns.add(composite);
                }
                continue;
            }
            if (lowsOf.containsKey(c)) {
                Column[] diffAndRaw = difference(training, c, lowsOf.get(c), notes);
                diffAt.put(c, modelColumns.size());
                modelColumns.add(diffAndRaw[0]);
                if (diffAndRaw[1] != null) {
                    rawAt.put(c, modelColumns.size());
                    modelColumns.add(diffAndRaw[1]);
                }
                continue;
            }
            copyFrom[c] = modelColumns.size();
            Column learned = training.column(c);
            if (!publicOnly && learned instanceof CategoricalColumn categorical) {
                learned = RareCategories.merge(categorical, disclosure.minGroup());
                outputColumns.set(c, ColumnDomain.categorical(learned.schema(), ((CategoricalColumn) learned).categories()));
            }
            modelColumns.add(learned);
        }
        for (int i = 0; i < generated.size(); i++) {
            if (generated.get(i) instanceof GeneratedColumn.Pii p && p.modelColumn() == BIRTH_YEAR_PENDING) {
                generated.set(i, new GeneratedColumn.Pii(p.column(), p.pii(), modelColumns.size()));
                modelColumns.add(birthYears(training.column(p.column())));
            }
        }
        output = new ModelDomain(outputColumns);
        if (modelColumns.isEmpty()) {
            throw new BadInputException("nothing-to-learn", "every column is generated (PII, formats, keys); there is nothing left to learn");
        }
        List<Derived> derived = new ArrayList<>();
        for (int high : topo) {
            derived.add(new Derived(high, lowsOf.get(high).stream().mapToInt(Integer::intValue).toArray(),
                    strictOf.getOrDefault(high, false), diffAt.get(high), rawAt.getOrDefault(high, -1)));
        }
        Layout layout = new Layout(output, copyFrom, combos, derived, generated,
                new Condition(new ArrayList<>(rangeByColumn.values())), notes);
        return new Fitted(layout, new Table(modelColumns));
    }

    /** The year of each date (UTC), NaN where missing: the coarse, non-identifying part of a birth date a model learns. */
    private static Column birthYears(Column dates) {
        double[] millis = ((NumericColumn) dates).values();
        double[] years = new double[millis.length];
        for (int r = 0; r < years.length; r++) {
            years[r] = Double.isNaN(millis[r]) ? Double.NaN
                    : Instant.ofEpochMilli((long) millis[r]).atZone(ZoneOffset.UTC).getYear();
        }
        return new NumericColumn(ColumnSchema.of(birthYearName(dates.name()), ColumnType.INTEGER), years);
    }

    static String birthYearName(String column) {
        return HIDDEN + "birth_year_" + column;
    }

    /**
     * Public knowledge about the columns this layout adds for a model to learn, for differentially
     * private models (which must not read a domain off the data): a year of birth lies in 1900-2100.
     */
    public List<DeclaredColumn> publicDomain() {
        List<DeclaredColumn> out = new ArrayList<>();
        for (GeneratedColumn g : generated) {
            if (g instanceof GeneratedColumn.Pii p && p.modelColumn() >= 0) {
                out.add(new DeclaredColumn(birthYearName(output.column(p.column()).name()), ColumnType.INTEGER, null, 1900.0, 2100.0,
                        null, true));
            }
        }
        return out;
    }

    /** Generated columns keep their schema only: their observed values or range must not be stored. */
    private static ModelDomain withoutObservedValues(ModelDomain output, List<GeneratedColumn> generated) {
        List<ColumnDomain> columns = new ArrayList<>(output.columns());
        for (GeneratedColumn g : generated) {
            ColumnDomain d = columns.get(g.column());
            columns.set(g.column(), d.isCategorical() ? ColumnDomain.categorical(d.schema(), List.of())
                    : ColumnDomain.numeric(d.schema(), Double.NaN, Double.NaN, 0));
        }
        return new ModelDomain(columns);
    }

    /**
     * This layout with the learned columns' domains replaced by the model's (for private models,
     * whose domains are declared or privately learned rather than observed). Only layouts that
     * copy learned columns one to one (no combinations, no inequalities) qualify.
     */
    public Layout withLearnedDomain(ModelDomain model) {
        if (!combos.isEmpty() || !derived.isEmpty()) {
            throw new IllegalStateException("only a one-to-one layout can take the model's domain");
        }
        List<ColumnDomain> columns = new ArrayList<>(output.columns());
        for (int c = 0; c < copyFrom.length; c++) {
            if (copyFrom[c] >= 0) {
                columns.set(c, model.column(copyFrom[c]));
            }
        }
        return new Layout(new ModelDomain(columns), copyFrom, combos, derived, generated, ranges, notes);
    }

    private static String required(String value, String kind, String field) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("invalid-constraint", "a " + kind + " constraint needs '" + field + "'");
        }
        return value;
    }

    private static void claim(Map<Integer, String> roles, int c, String role, ModelDomain output) {
        String previous = roles.putIfAbsent(c, role);
        if (previous != null && !previous.equals(role)) {
            throw contradiction(output, c, previous, role);
        }
        if (previous != null) {
            throw new BadInputException("contradictory-constraints", "column '" + output.column(c).name() + "' appears in two "
                    + role + " constraints");
        }
    }

    private static BadInputException contradiction(ModelDomain output, int c, String first, String second) {
        return new BadInputException("contradictory-constraints", "column '" + output.column(c).name() + "' cannot be both "
                + article(first) + " and " + article(second) + " column");
    }

    private static String article(String role) {
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }

    /**
     * A generated key column: integers count from 1 (the smallest real id is one person's), text
     * keys follow the shape of the real ones through a keyed permutation.
     */
    private static GeneratedColumn key(Column source, int c, long seed) {
        ColumnType type = source.type();
        if (type == ColumnType.INTEGER) {
            return new GeneratedColumn.SequentialKey(c, 1);
        }
        if (type.isNumeric() || type == ColumnType.BOOLEAN) {
            throw new BadInputException("invalid-constraint", "column '" + source.name() + "' is " + type
                    + "; unique keys need an integer or text column (or a format)");
        }
        List<String> values = new ArrayList<>();
        for (int r = 0; r < source.size(); r++) {
            values.add(source.text(r));
        }
        return new GeneratedColumn.Pattern(c, Shapes.infer(values), true, Seeds.derive(seed, "key:" + source.name()));
    }

    private static List<Integer> topological(Map<Integer, List<Integer>> lowsOf, ModelDomain output) {
        List<Integer> order = new ArrayList<>();
        Map<Integer, Integer> state = new HashMap<>();
        for (int high : lowsOf.keySet()) {
            visit(high, lowsOf, state, order, output);
        }
        return order;
    }

    private static void visit(int c, Map<Integer, List<Integer>> lowsOf, Map<Integer, Integer> state, List<Integer> order, ModelDomain output) {
        Integer s = state.get(c);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            throw new BadInputException("contradictory-constraints", "the inequalities form a cycle through column '"
                    + output.column(c).name() + "' (a <= b <= ... <= a); use one column instead");
        }
        state.put(c, 1);
        for (int low : lowsOf.getOrDefault(c, List.of())) {
            visit(low, lowsOf, state, order, output);
        }
        state.put(c, 2);
        if (lowsOf.containsKey(c)) {
            order.add(c);
        }
    }

    /** The combinations as one categorical column (first-seen order); records their parts in {@code combos}. */
    /**
     * The combinations of the columns seen in the rows, as one categorical column. Combinations
     * fewer than {@code minGroup} rows share are not kept: their rows take the kept combination
     * that agrees with them in the most columns (the more frequent on ties), and the columns'
     * domains keep only the categories of kept combinations.
     */
    private static Column comboColumn(Table training, int[] cols, int modelColumn, List<Combo> combos, int minGroup,
            List<ColumnDomain> outputColumns) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<double[]> parts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int[] codes = new int[training.rowCount()];
        for (int r = 0; r < codes.length; r++) {
            String key = comboKey(training, cols, r);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
                double[] p = new double[cols.length];
                for (int k = 0; k < cols.length; k++) {
                    p[k] = cell(training.column(cols[k]), r);
                }
                parts.add(p);
                counts.add(0);
            }
            counts.set(id, counts.get(id) + 1);
            codes[r] = id;
        }
        List<String> keys = new ArrayList<>(ids.keySet());
        int[] keep = keptCombinations(parts, counts, minGroup);
        Map<Integer, Integer> newId = new LinkedHashMap<>();
        for (int id = 0; id < keep.length; id++) {
            if (keep[id] == id) {
                newId.put(id, newId.size());
            }
        }
        List<double[]> keptParts = new ArrayList<>();
        List<String> keptKeys = new ArrayList<>();
        for (int id : newId.keySet()) {
            keptParts.add(parts.get(id).clone());
            keptKeys.add(keys.get(id));
        }
        for (int r = 0; r < codes.length; r++) {
            codes[r] = newId.get(keep[codes[r]]);
        }
        // categorical columns keep the categories of kept combinations only, renumbered in their order
        for (int k = 0; k < cols.length; k++) {
            if (!(training.column(cols[k]) instanceof CategoricalColumn source)) {
                continue;
            }
            boolean[] used = new boolean[source.cardinality()];
            for (double[] p : keptParts) {
                if (!Double.isNaN(p[k])) {
                    used[(int) p[k]] = true;
                }
            }
            int[] renumber = new int[used.length];
            List<String> categories = new ArrayList<>();
            for (int code = 0; code < used.length; code++) {
                renumber[code] = categories.size();
                if (used[code]) {
                    categories.add(source.categories().get(code));
                }
            }
            for (double[] p : keptParts) {
                if (!Double.isNaN(p[k])) {
                    p[k] = renumber[(int) p[k]];
                }
            }
            outputColumns.set(cols[k], ColumnDomain.categorical(source.schema(), categories));
        }
        combos.add(new Combo(modelColumn, cols, keptParts.toArray(double[][]::new)));
        return new CategoricalColumn(ColumnSchema.of(HIDDEN + "combo_" + (combos.size() - 1), ColumnType.CATEGORICAL), codes, keptKeys);
    }

    /** For each combination, the combination its rows take: itself when kept, else the closest kept one. */
    private static int[] keptCombinations(List<double[]> parts, List<Integer> counts, int minGroup) {
        int n = parts.size();
        int[] keep = new int[n];
        List<Integer> kept = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            if (counts.get(id) >= minGroup) {
                kept.add(id);
            }
        }
        if (kept.isEmpty()) {
            int most = 0;
            for (int id = 1; id < n; id++) {
                most = counts.get(id) > counts.get(most) ? id : most;
            }
            kept.add(most);
        }
        for (int id = 0; id < n; id++) {
            int best = -1;
            int bestAgree = -1;
            for (int candidate : kept) {
                int agree = 0;
                for (int k = 0; k < parts.get(id).length; k++) {
                    agree += Double.compare(parts.get(id)[k], parts.get(candidate)[k]) == 0 ? 1 : 0;
                }
                if (agree > bestAgree || agree == bestAgree && counts.get(candidate) > counts.get(best)) {
                    best = candidate;
                    bestAgree = agree;
                }
            }
            keep[id] = best;
        }
        return keep;
    }

    private static String comboKey(Table training, int[] cols, int r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cols.length; k++) {
            if (k > 0) {
                sb.append(SEPARATOR);
            }
            String t = training.column(cols[k]).text(r);
            sb.append(t == null ? "\u0000" : t);
        }
        return sb.toString();
    }

    static double cell(Column column, int r) {
        return switch (column) {
            case NumericColumn n -> n.value(r);
            case CategoricalColumn c -> c.code(r) < 0 ? Double.NaN : c.code(r);
        };
    }

    private static Column[] difference(Table training, int high, List<Integer> lows, List<String> notes) {
        NumericColumn h = (NumericColumn) training.column(high);
        int n = training.rowCount();
        double[] diff = new double[n];
        double[] raw = new double[n];
        boolean anyRaw = false;
        int violations = 0;
        boolean integral = h.type() != ColumnType.DECIMAL;
        for (int low : lows) {
            integral &= training.column(low).type() != ColumnType.DECIMAL;
        }
        for (int r = 0; r < n; r++) {
            double lowMax = Double.NEGATIVE_INFINITY;
            boolean lowMissing = false;
            for (int low : lows) {
                double v = ((NumericColumn) training.column(low)).value(r);
                if (Double.isNaN(v)) {
                    lowMissing = true;
                } else {
                    lowMax = Math.max(lowMax, v);
                }
            }
            double hv = h.value(r);
            if (lowMissing) {
                diff[r] = Double.NaN;
                raw[r] = hv;
                anyRaw |= !Double.isNaN(hv);
            } else {
                raw[r] = Double.NaN;
                double d = hv - lowMax;
                if (d < 0) {
                    violations++;
                    d = 0;
                }
                diff[r] = d;
            }
        }
        if (violations > 0) {
            notes.add(violations + " training rows violate the inequality on '" + h.name() + "'; they were learned as equal");
        }
        Column d = new NumericColumn(ColumnSchema.of(HIDDEN + "diff_" + h.name(), integral ? ColumnType.INTEGER : ColumnType.DECIMAL), diff);
        Column rw = anyRaw ? new NumericColumn(new ColumnSchema(HIDDEN + "raw_" + h.name(), h.type(), h.schema().format()), raw) : null;
        return new Column[] {d, rw};
    }

    // ------------------------------------------------------------------------------------ sampling

    /** Output cells (learned columns) from a model row; generated columns are left to the caller. */
    public void restore(double[] model, double[] out) {
        for (int c = 0; c < copyFrom.length; c++) {
            if (copyFrom[c] >= 0) {
                out[c] = model[copyFrom[c]];
            }
        }
        for (Combo combo : combos) {
            double code = model[combo.modelColumn];
            for (int k = 0; k < combo.outputs.length; k++) {
                out[combo.outputs[k]] = Double.isNaN(code) ? Double.NaN : combo.parts[(int) code][k];
            }
        }
        for (Derived d : derived) {
            double lowMax = Double.NEGATIVE_INFINITY;
            boolean lowMissing = false;
            for (int low : d.lows) {
                double v = out[low];
                if (Double.isNaN(v)) {
                    lowMissing = true;
                } else {
                    lowMax = Math.max(lowMax, v);
                }
            }
            ColumnDomain domain = output.column(d.high);
            if (lowMissing) {
                out[d.high] = d.rawColumn >= 0 ? domain.conform(model[d.rawColumn]) : Double.NaN;
                continue;
            }
            double diff = model[d.diffColumn];
            if (Double.isNaN(diff)) {
                out[d.high] = Double.NaN;
                continue;
            }
            double v = lowMax + Math.max(0, diff);
            double high = domain.conform(v);
            if (high < lowMax || (d.strict && high <= lowMax)) {
                high = above(lowMax, domain.resolution(), d.strict);
            }
            out[d.high] = high;
        }
    }

    private static double above(double lowMax, double resolution, boolean strict) {
        if (resolution <= 0) {
            return strict ? Math.nextUp(lowMax) : lowMax;
        }
        double steps = Math.ceil(lowMax / resolution - 1e-9);
        double v = steps * resolution;
        if (strict && v <= lowMax) {
            v += resolution;
        }
        return v;
    }

    /** The same condition on the model's columns. */
    public Condition toModel(Condition onOutput) {
        List<ColumnCondition> result = new ArrayList<>();
        Map<Combo, List<ColumnCondition>> byCombo = new LinkedHashMap<>();
        for (ColumnCondition p : onOutput.predicates()) {
            int c = p.column();
            String name = output.column(c).name();
            if (isGenerated(c)) {
                throw new BadInputException("invalid-condition", "column '" + name
                        + "' is generated (PII, format or key), so it cannot be conditioned on");
            }
            if (copyFrom[c] >= 0) {
                result.add(rebind(p, copyFrom[c]));
                continue;
            }
            Combo combo = combos.stream().filter(k -> Arrays.stream(k.outputs).anyMatch(o -> o == c)).findFirst().orElse(null);
            if (combo != null) {
                byCombo.computeIfAbsent(combo, k -> new ArrayList<>()).add(p);
                continue;
            }
            throw new BadInputException("invalid-condition", "column '" + name
                    + "' is derived by an inequality constraint, so it cannot be conditioned on; condition on its low side instead");
        }
        for (Map.Entry<Combo, List<ColumnCondition>> e : byCombo.entrySet()) {
            Combo combo = e.getKey();
            List<Double> allowed = new ArrayList<>();
            for (int id = 0; id < combo.parts.length; id++) {
                boolean ok = true;
                for (ColumnCondition p : e.getValue()) {
                    int k = indexOf(combo.outputs, p.column());
                    ok &= p.test(combo.parts[id][k]);
                }
                if (ok) {
                    allowed.add((double) id);
                }
            }
            if (allowed.isEmpty()) {
                throw new ImpossibleConditionException(
                        "no combination of " + combo.outputs.length + " columns seen in training satisfies the condition");
            }
            result.add(new ColumnCondition.OneOf(combo.modelColumn, allowed.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new Condition(result);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static ColumnCondition rebind(ColumnCondition p, int column) {
        return switch (p) {
            case ColumnCondition.OneOf o -> new ColumnCondition.OneOf(column, o.cells());
            case ColumnCondition.Between b -> new ColumnCondition.Between(column, b.min(), b.max());
        };
    }

    // ------------------------------------------------------------------------------------ storage

    public void write(ModelOutput out) throws IOException {
        out.writeDomain(output);
        out.writeInts(copyFrom);
        out.writeInt(combos.size());
        for (Combo c : combos) {
            out.writeInt(c.modelColumn);
            out.writeInts(c.outputs);
            out.writeInt(c.parts.length);
            for (double[] p : c.parts) {
                out.writeDoubles(p);
            }
        }
        out.writeInt(derived.size());
        for (Derived d : derived) {
            out.writeInt(d.high);
            out.writeInts(d.lows);
            out.writeBoolean(d.strict);
            out.writeInt(d.diffColumn);
            out.writeInt(d.rawColumn);
        }
        out.writeInt(generated.size());
        for (GeneratedColumn g : generated) {
            GeneratedColumn.write(g, out);
        }
        out.writeInt(ranges.predicates().size());
        for (ColumnCondition p : ranges.predicates()) {
            ColumnCondition.Between b = (ColumnCondition.Between) p;
            out.writeInt(b.column());
            out.writeDouble(b.min());
            out.writeDouble(b.max());
        }
        out.writeStrings(notes);
    }

    public static Layout read(ModelInput in) throws IOException {
        ModelDomain output = in.readDomain();
        int[] copyFrom = in.readInts();
        int nc = in.readInt();
        List<Combo> combos = new ArrayList<>();
        for (int i = 0; i < nc; i++) {
            int modelColumn = in.readInt();
            int[] outputs = in.readInts();
            double[][] parts = new double[in.readInt()][];
            for (int k = 0; k < parts.length; k++) {
                parts[k] = in.readDoubles();
            }
            combos.add(new Combo(modelColumn, outputs, parts));
        }
        int nd = in.readInt();
        List<Derived> derived = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            derived.add(new Derived(in.readInt(), in.readInts(), in.readBoolean(), in.readInt(), in.readInt()));
        }
        int ng = in.readInt();
        List<GeneratedColumn> generated = new ArrayList<>();
        for (int i = 0; i < ng; i++) {
            generated.add(GeneratedColumn.read(in));
        }
        int nr = in.readInt();
        List<ColumnCondition> ranges = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            ranges.add(new ColumnCondition.Between(in.readInt(), in.readDouble(), in.readDouble()));
        }
        return new Layout(output, copyFrom, combos, derived, generated, new Condition(ranges), in.readStrings());
    }
}
