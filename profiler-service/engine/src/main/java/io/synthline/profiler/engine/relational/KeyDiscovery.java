package io.synthline.profiler.engine.relational;

import io.synthline.commons.relational.ColumnMetadata;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.KeyProposal;
import io.synthline.commons.relational.KeyProposal.ForeignKeyCandidate;
import io.synthline.commons.relational.KeyProposal.PrimaryKeyCandidate;
import io.synthline.commons.relational.KeyProposal.SequenceCandidate;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.SequenceSpec;
import io.synthline.commons.relational.Strftime;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes keys for tables without metadata.
 *
 * <p>Primary keys: a column whose values are unique and never missing; confidence grows with a
 * key-like name ({@code id}, {@code *_id}, {@code <table>_id}, {@code key}, {@code code}), a position
 * first in the table and identifier-like values, and falls for decimals and dates (unique by
 * accident). When no single column qualifies, pairs of key-like columns unique together
 * (e.g. {@code order_id + line_no}).
 *
 * <p>Foreign keys: inclusion dependencies from a child column (or, for a composite parent key,
 * the child columns of the same names) into a parent's proposed primary key. Coverage is the
 * share of the child's distinct non-missing values found in the parent key (a few dangling
 * references do not hide a key). Confidence rests on coverage, on the names (same name as the
 * key, or {@code <parent>_id}) and on the values: text identifiers rarely coincide by accident,
 * small integers often do (a {@code quantity} of 1 to 5 is included in any integer key). A foreign
 * key implied by a composite one through the parent (returns.order_id -> orders when
 * returns.(order_id, line_no) -> order_lines and order_lines.order_id -> orders) is not proposed.
 *
 * <p>Sequences: a table without a primary key whose proposed foreign key repeats, with a date or
 * integer column that orders each entity's rows (the pair is unique in at least 95 % of rows).
 */
public final class KeyDiscovery {
    static final double MIN_COVERAGE = 0.95;
    private static final int MAX_PAIR_COLUMNS = 12;

    private KeyDiscovery() {
    }

    public static KeyProposal propose(RelationalDataset dataset) {
        Map<String, Map<String, ColumnFacts>> facts = new LinkedHashMap<>();
        dataset.tables().forEach((name, table) -> {
            Map<String, ColumnFacts> columns = new LinkedHashMap<>();
            for (Column c : table.columns()) {
                columns.put(c.name(), ColumnFacts.of(c));
            }
            facts.put(name, columns);
        });
        List<PrimaryKeyCandidate> primaries = new ArrayList<>();
        Map<String, PrimaryKeyCandidate> best = new LinkedHashMap<>();
        dataset.tables().forEach((name, table) -> {
            List<PrimaryKeyCandidate> found = primaryKeys(name, table, facts.get(name));
            primaries.addAll(found);
            found.stream().filter(p -> p.confidence() >= KeyProposal.ACCEPT).findFirst().ifPresent(p -> best.put(name, p));
        });
        List<ForeignKeyCandidate> foreign = new ArrayList<>();
        for (var child : dataset.tables().entrySet()) {
            for (PrimaryKeyCandidate parentKey : best.values()) {
                if (parentKey.table().equals(child.getKey())) {
                    continue;
                }
                ForeignKeyCandidate f = foreignKey(child.getKey(), child.getValue(), facts.get(child.getKey()), parentKey,
                        dataset.table(parentKey.table()), facts.get(parentKey.table()));
                if (f != null) {
                    foreign.add(f);
                }
            }
        }
        foreign.sort(Comparator.comparingDouble(ForeignKeyCandidate::confidence).reversed());
        List<ForeignKeyCandidate> accepted = withoutImplied(foreign.stream().filter(f -> f.confidence() >= KeyProposal.ACCEPT).toList());
        List<SequenceCandidate> sequences = new ArrayList<>();
        for (var e : dataset.tables().entrySet()) {
            if (best.containsKey(e.getKey())) {
                continue;
            }
            accepted.stream().filter(f -> f.childTable().equals(e.getKey())).findFirst()
                    .map(f -> sequence(e.getKey(), e.getValue(), f)).ifPresent(sequences::add);
        }
        return new KeyProposal(primaries, foreign, sequences, metadata(dataset, best, accepted));
    }

    private static List<PrimaryKeyCandidate> primaryKeys(String table, Table t, Map<String, ColumnFacts> facts) {
        List<PrimaryKeyCandidate> out = new ArrayList<>();
        int position = 0;
        for (Column c : t.columns()) {
            ColumnFacts f = facts.get(c.name());
            if (f.missing == 0 && f.unique && t.rowCount() > 0) {
                List<String> evidence = new ArrayList<>();
                evidence.add("unique and present in all " + t.rowCount() + " rows");
                double confidence = 0.55;
                if (keyName(c.name(), table)) {
                    confidence += 0.3;
                    evidence.add("key-like name");
                }
                if (position == 0) {
                    confidence += 0.1;
                    evidence.add("first column");
                }
                if (c.type() == ColumnType.DECIMAL || c.type() == ColumnType.DATETIME || f.anyWhitespace) {
                    confidence -= 0.35;
                    evidence.add("values are " + (f.anyWhitespace ? "text with spaces" : c.type().name().toLowerCase(Locale.ROOT))
                            + ", unique perhaps by accident");
                }
                if (t.rowCount() < 10) {
                    confidence -= 0.2;
                    evidence.add("only " + t.rowCount() + " rows");
                }
                out.add(new PrimaryKeyCandidate(table, List.of(c.name()), clamp(confidence), evidence));
            }
            position++;
        }
        if (out.stream().noneMatch(p -> p.confidence() >= KeyProposal.ACCEPT)) {
            out.addAll(compositeKeys(table, t, facts));
        }
        out.sort(Comparator.comparingDouble(PrimaryKeyCandidate::confidence).reversed());
        return out;
    }

    private static List<PrimaryKeyCandidate> compositeKeys(String table, Table t, Map<String, ColumnFacts> facts) {
        List<Column> candidates = t.columns().stream()
                .filter(c -> facts.get(c.name()).missing == 0 && c.type() != ColumnType.DECIMAL && !facts.get(c.name()).anyWhitespace)
                .sorted(Comparator.comparing((Column c) -> !keyName(c.name(), table)))
                .limit(MAX_PAIR_COLUMNS).toList();
        List<PrimaryKeyCandidate> out = new ArrayList<>();
        for (int a = 0; a < candidates.size(); a++) {
            for (int b = a + 1; b < candidates.size(); b++) {
                Column ca = candidates.get(a);
                Column cb = candidates.get(b);
                Set<String> seen = new HashSet<>();
                boolean unique = true;
                for (int r = 0; r < t.rowCount() && unique; r++) {
                    unique = seen.add(ca.text(r) + '\u001F' + cb.text(r));
                }
                if (!unique) {
                    continue;
                }
                List<String> evidence = new ArrayList<>();
                evidence.add("together unique and present in all " + t.rowCount() + " rows; neither alone is unique");
                double confidence = 0.45;
                int named = (keyName(ca.name(), table) ? 1 : 0) + (keyName(cb.name(), table) ? 1 : 0);
                if (named > 0) {
                    confidence += 0.15 * named;
                    evidence.add(named + " key-like name" + (named > 1 ? "s" : ""));
                }
                if (ca.type() == ColumnType.DATETIME || cb.type() == ColumnType.DATETIME) {
                    confidence -= 0.2;
                    evidence.add("a date takes part (events, perhaps: see sequences)");
                } else {
                    // a generated key part is numbered 1, 2, ... within its parent: right for a line number, a loss for a year
                    Column ordering = orderingNumber(ca, cb, table) ? ca : orderingNumber(cb, ca, table) ? cb : null;
                    if (ordering != null) {
                        confidence -= 0.2;
                        evidence.add("'" + ordering.name() + "' is a number that orders events, not 1, 2, ... within each '"
                                + (ordering == ca ? cb : ca).name() + "' (perhaps: see sequences)");
                    }
                }
                out.add(new PrimaryKeyCandidate(table, List.of(ca.name(), cb.name()), clamp(confidence), evidence));
            }
        }
        return out;
    }

    /**
     * Whether {@code part} is an integer without a key-like name whose values are not a numbering of
     * the rows sharing a value of {@code other} (a year, an amount), rather than a line number that
     * counts them (1..m or 0..m-1 for a group of m rows).
     */
    private static boolean orderingNumber(Column part, Column other, String table) {
        if (part.type() != ColumnType.INTEGER || keyName(part.name(), table)) {
            return false;
        }
        Map<String, Integer> groupSize = new HashMap<>();
        for (int r = 0; r < other.size(); r++) {
            groupSize.merge(other.text(r), 1, Integer::sum);
        }
        int largest = groupSize.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int r = 0; r < part.size(); r++) {
            try {
                long v = Long.parseLong(part.text(r).strip());
                if (v < 0 || v > largest) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static ForeignKeyCandidate foreignKey(String child, Table c, Map<String, ColumnFacts> childFacts, PrimaryKeyCandidate parentKey,
            Table p, Map<String, ColumnFacts> parentFacts) {
        List<String> parentColumns = parentKey.columns();
        if (parentColumns.size() > 1) {
            if (!parentColumns.stream().allMatch(childFacts::containsKey)) {
                return null;
            }
            return scored(child, c, parentColumns, parentKey, p, true);
        }
        String key = parentColumns.getFirst();
        ColumnFacts keyFacts = parentFacts.get(key);
        ForeignKeyCandidate bestCandidate = null;
        for (Column column : c.columns()) {
            ColumnFacts f = childFacts.get(column.name());
            if (column.type() == ColumnType.DECIMAL || f.distinct.isEmpty() || f.distinct.size() > keyFacts.distinct.size()
                    || f.anyWhitespace) {
                continue;
            }
            boolean named = column.name().equalsIgnoreCase(key) || singular(parentKey.table()).concat("_id").equalsIgnoreCase(column.name())
                    || column.name().toLowerCase(Locale.ROOT).endsWith("_" + key.toLowerCase(Locale.ROOT));
            ForeignKeyCandidate candidate = scored(child, c, List.of(column.name()), parentKey, p, named);
            if (candidate != null && (bestCandidate == null || candidate.confidence() > bestCandidate.confidence())) {
                bestCandidate = candidate;
            }
        }
        return bestCandidate;
    }

    private static ForeignKeyCandidate scored(String child, Table c, List<String> childColumns, PrimaryKeyCandidate parentKey, Table p,
            boolean named) {
        Set<List<String>> keys = new HashSet<>();
        Column[] pk = parentKey.columns().stream().map(p::column).toArray(Column[]::new);
        for (int r = 0; r < p.rowCount(); r++) {
            keys.add(KeyIndex.value(pk, r));
        }
        Column[] fk = childColumns.stream().map(c::column).toArray(Column[]::new);
        Set<List<String>> values = new HashSet<>();
        int missing = 0;
        for (int r = 0; r < c.rowCount(); r++) {
            List<String> v = KeyIndex.value(fk, r);
            if (v == null) {
                missing++;
            } else {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        long found = values.stream().filter(keys::contains).count();
        double coverage = (double) found / values.size();
        if (coverage < MIN_COVERAGE) {
            return null;
        }
        boolean textual = fk[0].type() != ColumnType.INTEGER && values.stream().anyMatch(v -> !v.getFirst().chars().allMatch(Character::isDigit));
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%d of %d distinct values (%.1f %%) are %s keys", found, values.size(), 100 * coverage,
                parentKey.table()));
        double confidence = coverage * coverage;
        if (named) {
            confidence *= 0.95;
            evidence.add("name matches the key");
        } else if (textual && values.size() >= 20) {
            confidence *= 0.6;
            evidence.add("text identifiers, unlikely to coincide");
        } else {
            confidence *= 0.3;
            evidence.add(textual ? "few distinct values" : "numbers, which may coincide with the key by accident");
        }
        if (missing > 0) {
            evidence.add(String.format(Locale.ROOT, "missing in %.1f %% of rows (optional)", 100.0 * missing / c.rowCount()));
        }
        return new ForeignKeyCandidate(child, childColumns, parentKey.table(), parentKey.columns(), coverage,
                (double) missing / Math.max(1, c.rowCount()), clamp(confidence), evidence);
    }

    /** Drops a foreign key that a composite one implies through its parent. */
    private static List<ForeignKeyCandidate> withoutImplied(List<ForeignKeyCandidate> accepted) {
        List<ForeignKeyCandidate> kept = new ArrayList<>();
        for (ForeignKeyCandidate f : accepted) {
            boolean implied = accepted.stream().anyMatch(g -> g != f && g.childTable().equals(f.childTable())
                    && g.childColumns().size() > f.childColumns().size() && g.childColumns().containsAll(f.childColumns())
                    && accepted.stream().anyMatch(h -> h.childTable().equals(g.parentTable()) && h.parentTable().equals(f.parentTable())));
            boolean sameColumnsTaken = kept.stream().anyMatch(k -> k.childTable().equals(f.childTable()) && k.childColumns().equals(f.childColumns()));
            if (!implied && !sameColumnsTaken) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static SequenceCandidate sequence(String table, Table t, ForeignKeyCandidate entity) {
        Column[] key = entity.childColumns().stream().map(t::column).toArray(Column[]::new);
        Map<List<String>, Integer> perEntity = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> v = KeyIndex.value(key, r);
            if (v != null) {
                perEntity.merge(v, 1, Integer::sum);
            }
        }
        double meanLength = perEntity.isEmpty() ? 0 : (double) t.rowCount() / perEntity.size();
        if (meanLength < 1.5) {
            return null;
        }
        SequenceCandidate best = null;
        for (Column order : t.columns()) {
            if (order.type() != ColumnType.DATETIME && order.type() != ColumnType.INTEGER || entity.childColumns().contains(order.name())) {
                continue;
            }
            Set<String> pairs = new HashSet<>();
            int duplicates = 0;
            for (int r = 0; r < t.rowCount(); r++) {
                if (!pairs.add(keyText(key, r) + '\u001F' + order.text(r))) {
                    duplicates++;
                }
            }
            double uniqueShare = 1 - (double) duplicates / Math.max(1, t.rowCount());
            if (uniqueShare < 0.95) {
                continue;
            }
            double confidence = (order.type() == ColumnType.DATETIME ? 0.8 : 0.6) * uniqueShare;
            if (order.name().toLowerCase(Locale.ROOT).matches(".*(date|time|year|day|month|_at|_on|seq|step|index|order).*")) {
                confidence += 0.15;
            }
            List<String> evidence = List.of(String.format(Locale.ROOT, "%.1f rows per %s on average", meanLength, entity.parentTable()),
                    String.format(Locale.ROOT, "(%s, %s) unique in %.1f %% of rows", String.join("+", entity.childColumns()), order.name(),
                            100 * uniqueShare));
            SequenceCandidate s = new SequenceCandidate(table, entity.childColumns(), order.name(), clamp(confidence), evidence);
            if (best == null || s.confidence() > best.confidence()) {
                best = s;
            }
        }
        return best;
    }

    private static RelationalMetadata metadata(RelationalDataset dataset, Map<String, PrimaryKeyCandidate> best,
            List<ForeignKeyCandidate> accepted) {
        List<TableMetadata> tables = new ArrayList<>();
        for (var e : dataset.tables().entrySet()) {
            Table t = e.getValue();
            PrimaryKeyCandidate pk = best.get(e.getKey());
            Set<String> keys = new HashSet<>(pk == null ? List.of() : pk.columns());
            accepted.stream().filter(f -> f.childTable().equals(e.getKey())).forEach(f -> keys.addAll(f.childColumns()));
            List<ColumnMetadata> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                columns.add(keys.contains(c.name()) ? new ColumnMetadata(c.name(), ColumnMetadata.ID, null) : sdtype(c));
            }
            tables.add(new TableMetadata(e.getKey(), columns, pk == null ? List.of() : pk.columns(), null));
        }
        List<Relationship> relationships = new ArrayList<>();
        for (ForeignKeyCandidate f : accepted) {
            relationships.add(f.relationship());
        }
        try {
            return new RelationalMetadata(tables, relationships);
        } catch (io.synthline.commons.api.BadInputException cycle) {
            // a cycle among proposals: keep the foreign keys that do not close one, most confident first
            List<Relationship> acyclic = new ArrayList<>();
            for (Relationship r : relationships) {
                acyclic.add(r);
                try {
                    new RelationalMetadata(tables, acyclic);
                } catch (io.synthline.commons.api.BadInputException e) {
                    acyclic.removeLast();
                }
            }
            return new RelationalMetadata(tables, acyclic);
        }
    }

    private static ColumnMetadata sdtype(Column c) {
        return switch (c.type()) {
            case INTEGER, DECIMAL -> new ColumnMetadata(c.name(), ColumnMetadata.NUMERICAL, null);
            case DATETIME -> new ColumnMetadata(c.name(), ColumnMetadata.DATETIME, Strftime.fromJava(c.schema().format()));
            case BOOLEAN -> new ColumnMetadata(c.name(), ColumnMetadata.BOOLEAN, null);
            case CATEGORICAL -> new ColumnMetadata(c.name(), ColumnMetadata.CATEGORICAL, null);
            // undeclared, so that PII detection still looks at them (an identifier may be an e-mail address)
            case IDENTIFIER, TEXT -> new ColumnMetadata(c.name(), null, null);
        };
    }

    static boolean keyName(String column, String table) {
        String n = column.toLowerCase(Locale.ROOT);
        String t = singular(table).toLowerCase(Locale.ROOT);
        return n.equals("id") || n.endsWith("_id") || n.endsWith("id") && column.length() > 2 && Character.isUpperCase(column.charAt(column.length() - 2))
                || n.equals("key") || n.endsWith("_key") || n.equals("code") || n.endsWith("_no") || n.endsWith("_number")
                || n.equals(t + "id") || n.equals("uuid") || n.equals("guid");
    }

    static String singular(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        if (t.endsWith("ies")) {
            return t.substring(0, t.length() - 3) + "y";
        }
        if (t.endsWith("ses") || t.endsWith("xes")) {
            return t.substring(0, t.length() - 2);
        }
        return t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
    }

    private static String keyText(Column[] key, int r) {
        StringBuilder b = new StringBuilder();
        for (Column c : key) {
            b.append(c.text(r)).append('\u001F');
        }
        return b.toString();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(0.99, Math.round(v * 1000) / 1000.0));
    }

    /** What a column's values show about it as a key. */
    record ColumnFacts(Set<String> distinct, int missing, boolean unique, boolean anyWhitespace) {
        static ColumnFacts of(Column c) {
            Set<String> distinct = new HashSet<>();
            int missing = 0;
            boolean unique = true;
            boolean whitespace = false;
            for (int r = 0; r < c.size(); r++) {
                String t = c.text(r);
                if (t == null) {
                    missing++;
                    continue;
                }
                if (!distinct.add(t)) {
                    unique = false;
                }
                if (!whitespace && t.chars().anyMatch(Character::isWhitespace)) {
                    whitespace = true;
                }
            }
            return new ColumnFacts(distinct, missing, unique, whitespace);
        }
    }
}
