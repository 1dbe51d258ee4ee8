package io.synthline.commons.relational;

import io.synthline.commons.api.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables of a dataset and the foreign keys between them. The relationships form a directed
 * acyclic graph (a table may have several parents and several children, but no table is its own
 * ancestor): generation goes parents first, so a cycle has no first table.
 */
public record RelationalMetadata(List<TableMetadata> tables, List<Relationship> relationships) {
    public RelationalMetadata {
        tables = List.copyOf(tables);
        relationships = List.copyOf(relationships);
        Map<String, TableMetadata> byName = new HashMap<>();
        for (TableMetadata t : tables) {
            if (byName.put(t.name(), t) != null) {
                throw new BadInputException("invalid-metadata", "table '" + t.name() + "' is declared twice");
            }
            Set<String> seen = new HashSet<>();
            for (ColumnMetadata c : t.columns()) {
                if (!seen.add(c.name())) {
                    throw new BadInputException("invalid-metadata", "column '" + c.name() + "' of table '" + t.name() + "' is declared twice");
                }
            }
        }
        for (Relationship r : relationships) {
            TableMetadata parent = byName.get(r.parentTable());
            if (parent == null || byName.get(r.childTable()) == null) {
                throw new BadInputException("invalid-metadata", "the relationship " + r.label() + " names table '"
                        + (parent == null ? r.parentTable() : r.childTable()) + "' which is not declared; tables are " + byName.keySet());
            }
            if (r.childKey().isEmpty() || r.childKey().size() != r.parentKey().size()) {
                throw new BadInputException("invalid-metadata", "the relationship " + r.label() + " needs as many foreign-key columns ("
                        + r.childKey().size() + ") as the parent's key has (" + r.parentKey().size() + ")");
            }
            if (!parent.primaryKey().equals(r.parentKey())) {
                throw new BadInputException("invalid-metadata", "the relationship " + r.label() + " must point at the primary key of '"
                        + r.parentTable() + "', which is " + (parent.hasPrimaryKey() ? parent.primaryKey() : "not declared"));
            }
        }
        order(tables, relationships);
    }

    public Optional<TableMetadata> find(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public TableMetadata table(String name) {
        return find(name).orElseThrow(() -> new BadInputException("unknown-table", "no table named '" + name + "'; tables are " + names()));
    }

    public List<String> names() {
        return tables.stream().map(TableMetadata::name).toList();
    }

    /** The foreign keys of a table, in declaration order. */
    public List<Relationship> parentsOf(String child) {
        return relationships.stream().filter(r -> r.childTable().equals(child)).toList();
    }

    /** The foreign keys pointing at a table, in declaration order. */
    public List<Relationship> childrenOf(String parent) {
        return relationships.stream().filter(r -> r.parentTable().equals(parent)).toList();
    }

    /** Tables with every parent before its children (declaration order among tables that may go in either order). */
    public List<String> topologicalOrder() {
        return order(tables, relationships);
    }

    /** A table's key columns: primary key, foreign keys and sequence entity key (in that order, each once). */
    public Set<String> keyColumns(String table) {
        TableMetadata t = table(table);
        Set<String> keys = new LinkedHashSet<>(t.primaryKey());
        parentsOf(table).forEach(r -> keys.addAll(r.childKey()));
        if (t.isSequential()) {
            keys.addAll(t.sequence().entityKey());
        }
        return keys;
    }

    public RelationalMetadata withTable(TableMetadata table) {
        List<TableMetadata> all = new ArrayList<>();
        for (TableMetadata t : tables) {
            all.add(t.name().equals(table.name()) ? table : t);
        }
        return new RelationalMetadata(all, relationships);
    }

    private static List<String> order(List<TableMetadata> tables, List<Relationship> relationships) {
        List<String> done = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (done.size() < tables.size()) {
            boolean progress = false;
            for (TableMetadata t : tables) {
                if (placed.contains(t.name())) {
                    continue;
                }
                boolean ready = relationships.stream().filter(r -> r.childTable().equals(t.name()))
                        .allMatch(r -> placed.contains(r.parentTable()));
                if (ready) {
                    placed.add(t.name());
                    done.add(t.name());
                    progress = true;
                }
            }
            if (!progress) {
                List<String> stuck = tables.stream().map(TableMetadata::name).filter(n -> !placed.contains(n)).toList();
                throw new BadInputException("cyclic-relationships", "the relationships between tables " + stuck
                        + " form a cycle (a table is its own ancestor); generation needs every parent before its children");
            }
        }
        return done;
    }
}
