package io.synthline.generator.engine.constraint;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.disclosure.RareCategories;
import io.synthline.generator.engine.format.Shapes;
import io.synthline.generator.engine.format.TextPattern;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.pii.ReplacementKind;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.Conditions;
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

/**
 * Decides a {@link Layout} at fit time, one step per kind of constraint: the generated columns
 * (PII, formats, unique keys, identifiers), fixed combinations, inequalities and ranges, each
 * claiming the output columns it needs (a column claimed twice for different roles is a
 * contradiction), then lays out the table the model learns. One instance per fit.
 */
final class LayoutFitter {
    /** Placeholder model column of a birth date whose year is learned, until the model table is laid out. */
    private static final int BIRTH_YEAR_PENDING = Integer.MIN_VALUE;

    private final Table training;
    private final List<ConstraintSpec> specs;
    private final long seed;
    private final boolean publicOnly;
    private ModelDomain output;
    /** Output column -> what claimed it ("PII", "format", "unique key", ...), for the messages on contradictions. */
    private final Map<Integer, String> roles = new HashMap<>();
    private final List<GeneratedColumn> generated = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final Map<Integer, ReplacementKind> pii = new LinkedHashMap<>();
    private final Map<Integer, TextPattern> formats = new LinkedHashMap<>();
    private final Set<Integer> unique = new LinkedHashSet<>();

    /** Output column -> index into {@link #comboColumns} of its fixed combination. */
    private final Map<Integer, Integer> comboOf = new HashMap<>();
    private final List<int[]> comboColumns = new ArrayList<>();

    /** Inequalities: high side -> its low sides, and whether any of them is strict. */
    private final Map<Integer, List<Integer>> lowsOf = new LinkedHashMap<>();
    private final Map<Integer, Boolean> strictOf = new HashMap<>();
    /** High sides, each after the high sides it depends on. */
    private List<Integer> highs;

    private final Map<Integer, ColumnCondition> rangeByColumn = new LinkedHashMap<>();

    private LayoutFitter(Table training, List<ConstraintSpec> constraints, long seed, boolean publicOnly) {
        this.training = training;
        this.specs = constraints == null ? List.of() : constraints;
        this.seed = seed;
        this.publicOnly = publicOnly;
        this.output = ModelDomain.of(training);
    }

    /** See {@link Layout#fit(Table, List, Map, String, long, boolean)}. */
    static Layout.Fitted fit(Table training, List<ConstraintSpec> constraints, Map<String, String> piiColumns, String piiLocale,
            long seed, boolean publicOnly) {
        LayoutFitter fitter = new LayoutFitter(training, constraints, seed, publicOnly);
        fitter.claimPii(piiColumns);
        fitter.claimFormatsAndKeys();
        if (publicOnly) {
            fitter.refuseConstraintsLearnedFromRows();
        }
        fitter.generate(piiLocale == null || piiLocale.isBlank() ? Locale.US : Locale.forLanguageTag(piiLocale));
        fitter.claimFixedCombinations();
        fitter.claimInequalities();
        fitter.collectRanges();
        return fitter.layOut();
    }

    // ------------------------------------------------------------------------ generated columns

    private void claimPii(Map<String, String> piiColumns) {
        if (piiColumns == null) {
            return;
        }
        for (Map.Entry<String, String> e : piiColumns.entrySet()) {
            int c = output.require(e.getKey(), "the PII settings");
            pii.put(c, e.getValue() == null || e.getValue().isBlank() ? ReplacementKind.guess(e.getKey()) : ReplacementKind.parse(e.getValue()));
            roles.put(c, "PII");
        }
    }

    /** Format and unique constraints, and identifier columns (which are unique keys whether asked or not). */
    private void claimFormatsAndKeys() {
        for (ConstraintSpec spec : specs) {
            switch (spec) {
                case ConstraintSpec.Format f -> {
                    int c = output.require(required(f.column(), "format", "column"), "a format constraint");
                    claim(c, "format");
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
            claim(c, "unique key");
        }
        for (int c = 0; c < output.size(); c++) {
            if (output.column(c).schema().type() == ColumnType.IDENTIFIER && !roles.containsKey(c)) {
                roles.put(c, "identifier");
                unique.add(c);
            }
        }
    }

    /** For differentially private models: constraints whose layout would be read off the raw rows. */
    private void refuseConstraintsLearnedFromRows() {
        for (ConstraintSpec spec : specs) {
            if (spec instanceof ConstraintSpec.FixedCombinations || spec instanceof ConstraintSpec.Inequality) {
                throw new BadInputException("dp-constraint-unsupported", "differentially private models support range, format and"
                        + " unique constraints; a " + (spec instanceof ConstraintSpec.Inequality ? "inequality" : "fixed-combinations")
                        + " constraint is learned from the raw rows (the combinations or differences seen), outside the privacy accounting");
            }
        }
    }

    private void generate(Locale locale) {
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

    // ------------------------------------------------------------------------ learned relations

    private void claimFixedCombinations() {
        for (ConstraintSpec spec : specs) {
            if (spec instanceof ConstraintSpec.FixedCombinations f) {
                if (f.columns() == null || f.columns().size() < 2) {
                    throw new BadInputException("invalid-constraint", "a fixed-combinations constraint needs at least two columns");
                }
                int[] cols = new int[f.columns().size()];
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = output.require(f.columns().get(i), "a fixed-combinations constraint");
                    claim(cols[i], "fixed combination");
                    comboOf.put(cols[i], comboColumns.size());
                }
                comboColumns.add(cols);
            }
        }
    }

    private void claimInequalities() {
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
                    throw contradiction(low, roles.get(low), "inequality");
                }
                if (roles.containsKey(high) && !"inequality".equals(roles.get(high))) {
                    throw contradiction(high, roles.get(high), "inequality");
                }
                lowsOf.computeIfAbsent(high, k -> new ArrayList<>()).add(low);
                strictOf.merge(high, Boolean.TRUE.equals(q.strict()), Boolean::logicalOr);
            }
        }
        highs = topological();
        for (int high : highs) {
            roles.put(high, "inequality");
        }
    }

    private List<Integer> topological() {
        List<Integer> order = new ArrayList<>();
        Map<Integer, Integer> state = new HashMap<>();
        for (int high : lowsOf.keySet()) {
            visit(high, state, order);
        }
        return order;
    }

    private void visit(int c, Map<Integer, Integer> state, List<Integer> order) {
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
            visit(low, state, order);
        }
        state.put(c, 2);
        if (lowsOf.containsKey(c)) {
            order.add(c);
        }
    }

    /** Range constraints, as conditions on output columns (two ranges on one column intersect). */
    private void collectRanges() {
        for (ConstraintSpec spec : specs) {
            if (spec instanceof ConstraintSpec.Range r) {
                int c = output.require(required(r.column(), "range", "column"), "a range constraint");
                if (roles.containsKey(c) && !"fixed combination".equals(roles.get(c))) {
                    throw contradiction(c, roles.get(c), "range");
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
    }

    // ------------------------------------------------------------------------ the model table

    /**
     * The model table, in output order with substitutions (a combination column for each fixed
     * combination, differences for the high sides of inequalities, years for birth dates); no
     * category or combination fewer than k rows share is learned.
     */
    private Layout.Fitted layOut() {
        int m = output.size();
        DisclosureLimits disclosure = DisclosureLimits.DEFAULT;
        List<ColumnDomain> outputColumns = new ArrayList<>(output.columns());
        List<Column> modelColumns = new ArrayList<>();
        int[] copyFrom = new int[m];
        Arrays.fill(copyFrom, -1);
        List<Layout.Combo> combos = new ArrayList<>();
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
                    Column composite = FixedCombinations.column(training, comboColumns.get(combo), modelColumns.size(), combos,
                            publicOnly ? 1 : disclosure.minGroup(), outputColumns);
                    modelColumns.add(composite);
                }
                continue;
            }
            if (lowsOf.containsKey(c)) {
                Column[] diffAndRaw = difference(c, lowsOf.get(c));
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
        if (modelColumns.isEmpty()) {
            throw new BadInputException("nothing-to-learn", "every column is generated (PII, formats, keys); there is nothing left to learn");
        }
        List<Layout.Derived> derived = new ArrayList<>();
        for (int high : highs) {
            derived.add(new Layout.Derived(high, lowsOf.get(high).stream().mapToInt(Integer::intValue).toArray(),
                    strictOf.getOrDefault(high, false), diffAt.get(high), rawAt.getOrDefault(high, -1)));
        }
        Layout layout = new Layout(new ModelDomain(outputColumns), copyFrom, combos, derived, generated,
                new Condition(new ArrayList<>(rangeByColumn.values())), notes);
        return new Layout.Fitted(layout, new Table(modelColumns));
    }

    /** The year of each date (UTC), NaN where missing: the coarse, non-identifying part of a birth date a model learns. */
    private static Column birthYears(Column dates) {
        double[] millis = ((NumericColumn) dates).values();
        double[] years = new double[millis.length];
        for (int r = 0; r < years.length; r++) {
            years[r] = Double.isNaN(millis[r]) ? Double.NaN
                    : Instant.ofEpochMilli((long) millis[r]).atZone(ZoneOffset.UTC).getYear();
        }
        return new NumericColumn(ColumnSchema.of(Layout.birthYearName(dates.name()), ColumnType.INTEGER), years);
    }

    /**
     * The high side of an inequality as the difference to the largest of its low sides (rows that
     * violate it are learned as equal, and noted), and, when a low side can be missing, the high
     * value itself for those rows.
     */
    private Column[] difference(int high, List<Integer> lows) {
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
        Column d = new NumericColumn(ColumnSchema.of(Layout.HIDDEN + "diff_" + h.name(), integral ? ColumnType.INTEGER : ColumnType.DECIMAL),
                diff);
        Column rw = anyRaw ? new NumericColumn(new ColumnSchema(Layout.HIDDEN + "raw_" + h.name(), h.type(), h.schema().format()), raw)
                : null;
        return new Column[] {d, rw};
    }

    // ------------------------------------------------------------------------ claims

    private static String required(String value, String kind, String field) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("invalid-constraint", "a " + kind + " constraint needs '" + field + "'");
        }
        return value;
    }

    private void claim(int c, String role) {
        String previous = roles.putIfAbsent(c, role);
        if (previous != null && !previous.equals(role)) {
            throw contradiction(c, previous, role);
        }
        if (previous != null) {
            throw new BadInputException("contradictory-constraints", "column '" + output.column(c).name() + "' appears in two "
                    + role + " constraints");
        }
    }

    private BadInputException contradiction(int c, String first, String second) {
        return new BadInputException("contradictory-constraints", "column '" + output.column(c).name() + "' cannot be both "
                + article(first) + " and " + article(second) + " column");
    }

    private static String article(String role) {
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }
}
