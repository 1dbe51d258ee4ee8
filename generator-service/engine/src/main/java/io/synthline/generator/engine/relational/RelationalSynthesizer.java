package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.relational.ColumnMetadata;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.disclosure.RareCategories;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.pii.ReplacementKind;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.synthesis.Synthesizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fits a {@link RelationalModel}: tables in topological order (parents first), each with the
 * single-table model of the spec over [parent's context (given)] + [own learned columns + child
 * counts]. The same dataset, spec and seed give the same model whatever the thread count.
 */
public final class RelationalSynthesizer {
    static final String PARENT = "__parent:";
    static final String CHILDREN = "__children:";

    private RelationalSynthesizer() {
    }

    public static RelationalModel fit(RelationalDataset dataset, RelationalSpec spec, long seed, int threads) {
        RelationalMetadata metadata = dataset.metadata();
        Synthesizer synthesizer = Synthesizers.create(spec.model(), spec.options(), threads);
        DisclosureLimits limits = disclosure(spec);
        int minGroup = limits.minGroup();
        Locale locale = spec.piiLocale() == null ? Locale.US : Locale.forLanguageTag(spec.piiLocale());
        for (String table : spec.piiColumns().keySet()) {
            metadata.table(table);
        }
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        // the real values fake PII must not equal, keyed, for a stored model's sidecar
        Map<String, CopyGuard> guards = new LinkedHashMap<>();
        Map<String, Table> contexts = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (String name : metadata.topologicalOrder()) {
            TableMetadata meta = metadata.table(name);
            Table data = dataset.table(name);
            long tableSeed = Seeds.derive(seed, "table:" + name);
            Set<String> keyColumns = metadata.keyColumns(name);
            Map<String, String> piiKinds = piiColumns(meta, spec.piiColumns().getOrDefault(name, Map.of()), data, name);
            // what is learned: every column that is neither a key, an identifier nor PII
            List<Integer> learned = new ArrayList<>();
            List<KeyPlan> keys = new ArrayList<>();
            Map<Integer, PiiColumn> pii = new LinkedHashMap<>();
            Map<Integer, List<String>> realPii = new LinkedHashMap<>();
            List<Relationship> parents = metadata.parentsOf(name);
            Relationship primary = parents.isEmpty() ? null : parents.getFirst();
            boolean sequential = meta.isSequential();
            boolean entityIsParent = sequential && primary != null && Set.copyOf(meta.sequence().entityKey()).equals(Set.copyOf(primary.childKey()));
            if (sequential && primary != null && !entityIsParent) {
                throw new BadInputException("invalid-sequence", "the sequence key " + meta.sequence().entityKey() + " of table '" + name
                        + "' must be its foreign key " + primary.childKey() + " to '" + primary.parentTable() + "' (the entity is the parent row)");
            }
            Set<String> foreignColumns = new LinkedHashSet<>();
            parents.forEach(r -> foreignColumns.addAll(r.childKey()));
            for (int c = 0; c < data.columnCount(); c++) {
                String column = data.column(c).name();
                ColumnMetadata declared = meta.column(column).orElse(null);
                if (piiKinds.containsKey(column)) {
                    String kind = piiKinds.get(column);
                    ReplacementKind k = kind == null || kind.isBlank() ? ReplacementKind.guess(column) : ReplacementKind.parse(kind);
                    pii.put(c, PiiColumn.learn(data.column(c), k, locale, tableSeed, false));
                    if (k.identifying()) {
                        realPii.put(c, texts(data.column(c)));
                    }
                } else if (meta.primaryKey().contains(column) && !foreignColumns.contains(column)) {
                    boolean perParent = primary != null && meta.primaryKey().stream().anyMatch(primary.childKey()::contains);
                    keys.add(KeyPlan.of(data, name, c, perParent));
                } else if (!keyColumns.contains(column) && RootConditions.isIdentifier(declared, data.column(c).type())) {
                    // identifiers are numbered, never learned: a learned identifier would be a copied one
                    keys.add(KeyPlan.of(data, name, c, false));
                } else if (!keyColumns.contains(column)) {
                    learned.add(c);
                }
            }
            List<KeyPlan> entityKeys = new ArrayList<>();
            if (sequential && primary == null) {
                for (String k : meta.sequence().entityKey()) {
                    entityKeys.add(KeyPlan.of(data, name, data.schema().indexOf(k).getAsInt(), false));
                }
            }
            // the counts of the children this table is the (primary) parent of
            List<String> counted = new ArrayList<>();
            List<Column> context = new ArrayList<>();
            int[] learnedIndex = learned.stream().mapToInt(Integer::intValue).toArray();
            for (int c : learnedIndex) {
                // as for one table: a category fewer than k rows share is learned (and generated) as <other>
                context.add(data.column(c) instanceof CategoricalColumn categorical ? RareCategories.merge(categorical, minGroup)
                        : data.column(c));
            }
            for (Relationship r : metadata.childrenOf(name)) {
                if (!metadata.parentsOf(r.childTable()).getFirst().equals(r)) {
                    continue;
                }
                int[] parentOf = KeyIndex.of(data, r.parentKey()).resolve(dataset.table(r.childTable()), r.childKey());
                double[] counts = new double[data.rowCount()];
                for (int p : parentOf) {
                    if (p >= 0) {
                        counts[p]++;
                    }
                }
                counted.add(r.childTable());
                context.add(Columns.integers(CHILDREN + r.childTable(), counts));
            }
            Table contextTable = new Table(context);
            contexts.put(name, contextTable);
            // the parent each row belongs to
            List<Column> given = new ArrayList<>();
            int[] parentOf = null;
            long orphans = 0;
            int[] primaryColumns = new int[0];
            if (primary != null) {
                parentOf = KeyIndex.of(dataset.table(primary.parentTable()), primary.parentKey()).resolve(data, primary.childKey());
                long dangling = Arrays.stream(parentOf).filter(p -> p == KeyIndex.DANGLING).count();
                orphans = Arrays.stream(parentOf).filter(p -> p < 0).count();
                if (dangling > 0) {
                    notes.add(name + ": " + dangling + " rows point at no " + primary.parentTable() + " row; they are learned as rows"
                            + " without parent and generated with the foreign key missing");
                }
                Table parentContext = contexts.get(primary.parentTable());
                TablePlan parentPlan = plans.get(primary.parentTable());
                for (int c = 0; c < parentContext.columnCount(); c++) {
                    Column column = parentContext.column(c);
                    given.add(Columns.pick(parentPlan.asGiven(c, column), parentOf, PARENT + column.name()));
                }
                primaryColumns = primary.childKey().stream().mapToInt(k -> data.schema().indexOf(k).getAsInt()).toArray();
            }
            List<TablePlan.Secondary> secondary = new ArrayList<>();
            Set<String> taken = new LinkedHashSet<>(primary == null ? List.of() : primary.childKey());
            for (Relationship r : parents.subList(Math.min(1, parents.size()), parents.size())) {
                if (r.childKey().stream().anyMatch(taken::contains)) {
                    notes.add(name + ": the foreign key " + r.label() + " shares columns with another one; its values come from that one");
                    continue;
                }
                taken.addAll(r.childKey());
                int[] columns = r.childKey().stream().mapToInt(k -> data.schema().indexOf(k).getAsInt()).toArray();
                int[] resolved = KeyIndex.of(dataset.table(r.parentTable()), r.parentKey()).resolve(data, r.childKey());
                long missing = Arrays.stream(resolved).filter(p -> p < 0).count();
                secondary.add(new TablePlan.Secondary(r, columns, data.rowCount() == 0 ? 0 : (double) missing / data.rowCount()));
            }
            FittedModel model = null;
            SequenceModel sequence = null;
            ModelDomain contextDomain = ModelDomain.of(contextTable);
            if (sequential) {
                int orderIndex = learned.indexOf(data.schema().indexOf(meta.sequence().orderColumn()).getAsInt());
                if (orderIndex < 0) {
                    throw new BadInputException("invalid-sequence", "the sequence index '" + meta.sequence().orderColumn() + "' of table '"
                            + name + "' must be a learned column, not a key or PII");
                }
                int[][] entities = entityRows(data, meta, parentOf, primary == null ? 0 : dataset.table(primary.parentTable()).rowCount(),
                        contextTable.column(orderIndex), notes, name);
                List<Column> parentColumns = new ArrayList<>();
                if (primary != null) {
                    Table parentContext = contexts.get(primary.parentTable());
                    TablePlan parentPlan = plans.get(primary.parentTable());
                    for (int c = 0; c < parentContext.columnCount(); c++) {
                        Column column = parentPlan.asGiven(c, parentContext.column(c));
                        parentColumns.add(Columns.pick(column, Columns.identity(column.size()), PARENT + column.name()));
                    }
                }
                sequence = SequenceModel.fit(contextTable, parentColumns, entities, orderIndex, synthesizer, tableSeed);
            } else if (contextTable.columnCount() > 0 && data.rowCount() > 0) {
                List<Column> all = new ArrayList<>(given);
                all.addAll(context);
                model = RelationalModel.fitGiven(synthesizer, new Table(all), given.size(), tableSeed);
            }
            if (!realPii.isEmpty()) {
                guards.put(name, CopyGuard.ofValues(realPii));
            }
            plans.put(name, new TablePlan(name, data.schema(), learnedIndex, counted, contextDomain, primary, primaryColumns, orphans,
                    data.rowCount(), model, secondary, keys, pii, sequence, entityKeys, TablePlan.givenCells(contextTable, limits)));
        }
        return new RelationalModel(metadata, plans, spec, seed, notes, guards);
    }

    private static List<String> texts(Column column) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < column.size(); r++) {
            if (column.text(r) != null) {
                out.add(column.text(r));
            }
        }
        return out;
    }

    /** The disclosure limits: the tree's {@code minGroup} and {@code maxIntervals} options, else the defaults. */
    private static DisclosureLimits disclosure(RelationalSpec spec) {
        return new DisclosureLimits(option(spec, "minGroup", DisclosureLimits.DEFAULT.minGroup()),
                option(spec, "maxIntervals", DisclosureLimits.DEFAULT.maxIntervals()));
    }

    private static int option(RelationalSpec spec, String name, int otherwise) {
        String option = spec.options().get(name);
        try {
            return option == null ? otherwise : Math.max(1, Integer.parseInt(option.strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("invalid-model-option", name + " must be an integer, got '" + option + "'");
        }
    }

    /** The rows of each entity, ordered by the order column (missing last, ties in file order). */
    private static int[][] entityRows(Table data, TableMetadata meta, int[] parentOf, int parentRows, Column order, List<String> notes,
            String name) {
        Map<Object, List<Integer>> byEntity = new LinkedHashMap<>();
        int withoutEntity = 0;
        if (parentOf != null) {
            for (int p = 0; p < parentRows; p++) {
                byEntity.put(p, new ArrayList<>());
            }
            for (int r = 0; r < parentOf.length; r++) {
                if (parentOf[r] < 0) {
                    withoutEntity++;
                } else {
                    byEntity.get(parentOf[r]).add(r);
                }
            }
        } else {
            Column[] key = meta.sequence().entityKey().stream().map(data::column).toArray(Column[]::new);
            for (int r = 0; r < data.rowCount(); r++) {
                List<String> v = KeyIndex.value(key, r);
                if (v == null) {
                    withoutEntity++;
                } else {
                    byEntity.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                }
            }
        }
        if (withoutEntity > 0) {
            notes.add(name + ": " + withoutEntity + " rows belong to no entity (sequence key missing or dangling); sequences are"
                    + " learned without them and none is generated");
        }
        double[] values = ((NumericColumn) order).values();
        int[][] out = new int[byEntity.size()][];
        int e = 0;
        for (List<Integer> rows : byEntity.values()) {
            out[e++] = rows.stream().sorted((a, b) -> {
                double x = values[a];
                double y = values[b];
                int c = Double.compare(Double.isNaN(x) ? Double.POSITIVE_INFINITY : x, Double.isNaN(y) ? Double.POSITIVE_INFINITY : y);
                return c != 0 ? c : Integer.compare(a, b);
            }).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Columns replaced by fake values: those the metadata gives a PII sdtype, and those the spec names. */
    private static Map<String, String> piiColumns(TableMetadata meta, Map<String, String> requested, Table data, String table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ColumnMetadata c : meta.columns()) {
            if (c.isPii()) {
                out.put(c.name(), c.sdtype().equals("pii") ? null : c.sdtype());
            }
        }
        requested.forEach((column, kind) -> {
            if (data.schema().indexOf(column).isEmpty()) {
                throw new BadInputException("unknown-column", "PII column '" + column + "' is not a column of table '" + table
                        + "'; its columns are " + data.schema().names());
            }
            out.put(column, kind);
        });
        return out;
    }
}
