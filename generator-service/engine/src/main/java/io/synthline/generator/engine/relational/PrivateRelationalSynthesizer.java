package io.synthline.generator.engine.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.relational.ColumnMetadata;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.dp.PrivateModel;
import io.synthline.generator.engine.dp.PrivateSynthesizers;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.pii.ReplacementKind;
import io.synthline.generator.engine.random.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Differentially private synthesis of a parent table with its child tables, private at the level
 * of the individual (a parent row with all its child rows is one neighbour), by flattening: one
 * row per parent holding its columns, per child table the number of its child rows (clipped to
 * {@code maxChildren}) and {@code maxChildren} slots of child columns. The single-table DP model
 * (MST or AIM) then learns the flattened table, where adding or removing a person changes one row:
 * its (epsilon, delta) is the user-level guarantee, with no group-privacy factor.
 *
 * <p>Contribution bounding: a parent keeps at most {@code maxChildren} rows of each child table
 * (the first by the order column of a sequential table, else a seeded random subset decided by the
 * parent's own rows only). A public bound, set by the user, never learned from the data: more
 * children are not learned, and the child counts of the output stop there. Child rows without a
 * parent are not learned (they belong to no individual). Domains come from the declaration
 * ({@code table.column} names; every child slot takes its column's declaration) or are learned
 * under DP with the budget share of the request; the count columns are declared public [0, max].
 */
public final class PrivateRelationalSynthesizer {
    public static final int DEFAULT_MAX_CHILDREN = 5;
    static final String COUNT = "__count:";

    private PrivateRelationalSynthesizer() {
    }

    /**
     * @param privacy     user-level (epsilon, delta) and the public domain, columns named {@code table.column}
     * @param maxChildren the contribution bound: child rows learned per parent and child table
     */
    public record Settings(String model, Map<String, String> options, PrivacySpec privacy, int maxChildren, String piiLocale) {
        public Settings {
            if (!PrivateSynthesizers.isPrivate(model)) {
                throw new BadInputException("unknown-model", "'" + model + "' is not a differentially private model; those are "
                        + PrivateSynthesizers.NAMES);
            }
            if (maxChildren < 1 || maxChildren > 50) {
                throw new BadInputException("invalid-model-option", "the contribution bound (child rows per parent) must be between 1"
                        + " and 50, got " + maxChildren);
            }
        }
    }

    /** One child table of the flattened row: its learned columns and where they sit. */
    record ChildSlots(Relationship relationship, int[] learned, int countColumn, int firstSlotColumn, String orderColumn) {
    }

    public static PrivateRelationalModel fit(RelationalDataset dataset, Settings settings, long seed) {
        RelationalMetadata metadata = dataset.metadata();
        List<String> roots = metadata.tables().stream().map(TableMetadata::name).filter(t -> metadata.parentsOf(t).isEmpty()).toList();
        if (roots.size() != 1) {
            throw new BadInputException("dp-relational-shape", "differentially private synthesis of related tables takes one parent table"
                    + " and its child tables; tables without parent here: " + roots);
        }
        String root = roots.getFirst();
        for (TableMetadata t : metadata.tables()) {
            List<Relationship> parents = metadata.parentsOf(t.name());
            if (!t.name().equals(root) && (parents.size() != 1 || !parents.getFirst().parentTable().equals(root))) {
                throw new BadInputException("dp-relational-shape", "differentially private synthesis takes a parent with direct children"
                        + " only; table '" + t.name() + "' has foreign keys " + parents.stream().map(Relationship::label).toList());
            }
        }
        int k = settings.maxChildren();
        Table parent = dataset.table(root);
        int[] parentLearned = learned(metadata, root, parent);
        List<Column> flat = new ArrayList<>();
        Map<String, DeclaredColumn> declared = declarations(settings.privacy());
        List<DeclaredColumn> flatDeclared = new ArrayList<>();
        for (int c : parentLearned) {
            Column col = parent.column(c);
            flat.add(col);
            declare(declared, root + "." + col.name(), col.name(), null, flatDeclared);
        }
        List<ChildSlots> children = new ArrayList<>();
        for (Relationship r : metadata.childrenOf(root)) {
            Table child = dataset.table(r.childTable());
            TableMetadata childMeta = metadata.table(r.childTable());
            int[] learned = learned(metadata, r.childTable(), child);
            int[] parentOf = KeyIndex.of(parent, r.parentKey()).resolve(child, r.childKey());
            int[][] kept = bounded(child, childMeta, parentOf, parent.rowCount(), k, Seeds.derive(seed, "bound:" + r.childTable()));
            double[] counts = new double[parent.rowCount()];
            for (int p = 0; p < counts.length; p++) {
                counts[p] = kept[p].length;
            }
            int countColumn = flat.size();
            String countName = COUNT + r.childTable();
            flat.add(new NumericColumn(ColumnSchema.of(countName, ColumnType.INTEGER), counts));
            flatDeclared.add(new DeclaredColumn(countName, ColumnType.INTEGER, null, 0.0, (double) k, null, false));
            int firstSlot = flat.size();
            for (int j = 0; j < k; j++) {
                int[] rows = new int[parent.rowCount()];
                for (int p = 0; p < rows.length; p++) {
                    rows[p] = j < kept[p].length ? kept[p][j] : -1;
                }
                for (int c : learned) {
                    String name = slotName(r.childTable(), j, child.column(c).name());
                    flat.add(Columns.pick(child.column(c), rows, name));
                    declare(declared, r.childTable() + "." + child.column(c).name(), name, true, flatDeclared);
                }
            }
            children.add(new ChildSlots(r, learned, countColumn, firstSlot,
                    childMeta.isSequential() ? childMeta.sequence().orderColumn() : null));
        }
        PrivacySpec flatPrivacy = new PrivacySpec(settings.privacy().epsilon(), settings.privacy().delta(),
                settings.privacy().domainBudgetShare(), settings.privacy().requireDeclaredDomain(), flatDeclared);
        PrivateModel model = PrivateSynthesizers.create(settings.model(), flatPrivacy, settings.options()).fit(new Table(flat), seed);
        Locale locale = settings.piiLocale() == null ? Locale.US : Locale.forLanguageTag(settings.piiLocale());
        Map<String, Map<Integer, PiiColumn>> pii = new LinkedHashMap<>();
        for (TableMetadata t : metadata.tables()) {
            Map<Integer, PiiColumn> columns = new LinkedHashMap<>();
            Table table = dataset.table(t.name());
            for (ColumnMetadata c : t.columns()) {
                if (c.isPii()) {
                    int index = table.schema().indexOf(c.name()).getAsInt();
                    ReplacementKind kind = c.sdtype().equals("pii") ? ReplacementKind.guess(c.name()) : ReplacementKind.parse(c.sdtype());
                    // nothing of the real values: a DP model may learn only what its accounting covers
                    columns.put(index, PiiColumn.fromKind(c.name(), kind, locale, Seeds.derive(seed, "table:" + t.name()), null));
                }
            }
            pii.put(t.name(), columns);
        }
        return new PrivateRelationalModel(metadata, root, parentLearned, children, model, k, pii,
                schemas(dataset), keyPlans(dataset));
    }

    static String slotName(String table, int slot, String column) {
        return table + "[" + (slot + 1) + "]." + column;
    }

    /** Columns the flattened row learns: not keys, identifiers or PII. */
    private static int[] learned(RelationalMetadata metadata, String table, Table data) {
        Set<String> keys = metadata.keyColumns(table);
        TableMetadata meta = metadata.table(table);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < data.columnCount(); c++) {
            String name = data.column(c).name();
            ColumnMetadata d = meta.column(name).orElse(null);
            boolean skip = keys.contains(name) || d != null && (d.isId() || d.isPii())
                    || (d == null || d.sdtype() == null) && data.column(c).type() == ColumnType.IDENTIFIER;
            if (!skip) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The child rows each parent keeps: all when at most {@code k}, else the first {@code k} by the
     * order column (sequences) or {@code k} drawn from the parent's own rows with a stream seeded by
     * the parent's position (no other parent's rows take part in the choice).
     */
    private static int[][] bounded(Table child, TableMetadata meta, int[] parentOf, int parents, int k, long seed) {
        List<List<Integer>> rows = new ArrayList<>(parents);
        for (int p = 0; p < parents; p++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < parentOf.length; r++) {
            if (parentOf[r] >= 0) {
                rows.get(parentOf[r]).add(r);
            }
        }
        double[] order = meta.isSequential() && child.column(meta.sequence().orderColumn()) instanceof NumericColumn n ? n.values() : null;
        int[][] out = new int[parents][];
        for (int p = 0; p < parents; p++) {
            List<Integer> mine = rows.get(p);
            if (order != null) {
                mine.sort((a, b) -> Double.compare(Double.isNaN(order[a]) ? Double.POSITIVE_INFINITY : order[a],
                        Double.isNaN(order[b]) ? Double.POSITIVE_INFINITY : order[b]));
            } else if (mine.size() > k) {
                Collections.shuffle(mine, new Random(new SplittableRandom(Seeds.derive(seed, p)).nextLong()));
            }
            out[p] = mine.stream().limit(k).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static Map<String, DeclaredColumn> declarations(PrivacySpec privacy) {
        Map<String, DeclaredColumn> out = new LinkedHashMap<>();
        if (privacy.domain() != null) {
            for (DeclaredColumn c : privacy.domain()) {
                out.put(c.name(), c);
            }
        }
        return out;
    }

    /** The declaration of {@code qualified} under the flattened name (slots: always nullable, a slot may be empty). */
    private static void declare(Map<String, DeclaredColumn> declared, String qualified, String name, Boolean nullable,
            List<DeclaredColumn> out) {
        DeclaredColumn d = declared.get(qualified);
        if (d != null) {
            out.add(new DeclaredColumn(name, d.type(), d.format(), d.min(), d.max(), d.categories(), nullable != null ? nullable : d.nullable()));
        }
    }

    private static Map<String, List<ColumnSchema>> schemas(RelationalDataset dataset) {
        Map<String, List<ColumnSchema>> out = new LinkedHashMap<>();
        dataset.tables().forEach((name, t) -> out.put(name, t.schema().columns()));
        return out;
    }

    /** Generated key and identifier columns per table (primary keys after the foreign key numbered per parent). */
    private static Map<String, List<KeyPlan>> keyPlans(RelationalDataset dataset) {
        RelationalMetadata metadata = dataset.metadata();
        Map<String, List<KeyPlan>> out = new LinkedHashMap<>();
        for (TableMetadata t : metadata.tables()) {
            Table data = dataset.table(t.name());
            Set<String> foreign = new HashSet<>();
            metadata.parentsOf(t.name()).forEach(r -> foreign.addAll(r.childKey()));
            List<KeyPlan> keys = new ArrayList<>();
            boolean perParent = t.primaryKey().stream().anyMatch(foreign::contains);
            for (int c = 0; c < data.columnCount(); c++) {
                String name = data.column(c).name();
                ColumnMetadata d = t.column(name).orElse(null);
                if (t.primaryKey().contains(name) && !foreign.contains(name)) {
                    keys.add(KeyPlan.of(data, t.name(), c, perParent));
                } else if (!metadata.keyColumns(t.name()).contains(name) && (d != null && d.isId()
                        || (d == null || d.sdtype() == null) && data.column(c).type() == ColumnType.IDENTIFIER)) {
                    keys.add(KeyPlan.of(data, t.name(), c, false));
                }
            }
            out.put(t.name(), keys);
        }
        return out;
    }
}
