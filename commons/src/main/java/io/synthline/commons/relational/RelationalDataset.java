package io.synthline.commons.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables and their metadata, checked against each other: every table of the metadata is there,
 * every declared and key column exists, and key columns hold text (values compare as written, so
 * {@code 7} and {@code 07} are different keys). Whether primary keys are unique and complete is
 * {@link #requireValidPrimaryKeys}' question (asked of real data, which must have them; synthetic
 * data is measured instead). Foreign keys may dangle; {@link KeyIndex#resolve} tells which rows do.
 */
public record RelationalDataset(RelationalMetadata metadata, Map<String, Table> tables) {
    public RelationalDataset {
        Map<String, Table> ordered = new LinkedHashMap<>();
        for (TableMetadata t : metadata.tables()) {
            Table table = tables.get(t.name());
            if (table == null) {
                throw new BadInputException("missing-table", "the metadata declares table '" + t.name() + "' but there is no such table"
                        + " (expected a file " + t.name() + ".csv); tables are " + tables.keySet());
            }
            ordered.put(t.name(), keysAsText(metadata, t.name(), table));
        }
        for (String name : tables.keySet()) {
            if (!ordered.containsKey(name)) {
                throw new BadInputException("undeclared-table", "table '" + name + "' is not in the metadata; tables there are "
                        + metadata.names());
            }
        }
        tables = Collections.unmodifiableMap(ordered);
        for (TableMetadata t : metadata.tables()) {
            Table table = tables.get(t.name());
            for (ColumnMetadata c : t.columns()) {
                requireColumn(table, t.name(), c.name(), "declared");
            }
            if (t.isSequential()) {
                requireColumn(table, t.name(), t.sequence().orderColumn(), "the sequence index");
            }
        }
    }

    /** This dataset, after checking that every primary key is unique and never missing (a 400 naming the first offending row otherwise). */
    public RelationalDataset requireValidPrimaryKeys() {
        for (TableMetadata t : metadata.tables()) {
            if (t.hasPrimaryKey()) {
                checkPrimaryKey(t.name(), t.primaryKey(), tables.get(t.name()));
            }
        }
        return this;
    }

    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new BadInputException("unknown-table", "no table named '" + name + "'; tables are " + tables.keySet());
        }
        return t;
    }

    /** The same tables under other metadata (e.g. keys proposed by the profiler and confirmed). */
    public RelationalDataset withMetadata(RelationalMetadata other) {
        return new RelationalDataset(other, tables).requireValidPrimaryKeys();
    }

    private static void requireColumn(Table table, String tableName, String column, String what) {
        if (table.schema().indexOf(column).isEmpty()) {
            throw new BadInputException("unknown-column", "table '" + tableName + "' has no column '" + column + "' (" + what
                    + "); its columns are " + table.schema().names());
        }
    }

    /** Key columns become text identifiers, so that keys of parent and child compare as written whatever types were inferred. */
    private static Table keysAsText(RelationalMetadata metadata, String name, Table table) {
        Set<String> keys = metadata.keyColumns(name);
        if (keys.isEmpty()) {
            return table;
        }
        List<Column> columns = new ArrayList<>(table.columnCount());
        for (String k : keys) {
            requireColumn(table, name, k, "a key");
        }
        boolean changed = false;
        for (Column c : table.columns()) {
            if (keys.contains(c.name()) && c.type() != ColumnType.IDENTIFIER) {
                columns.add(asIdentifier(c));
                changed = true;
            } else {
                columns.add(c);
            }
        }
        return changed ? new Table(columns) : table;
    }

    static Column asIdentifier(Column c) {
        ColumnSchema schema = ColumnSchema.of(c.name(), ColumnType.IDENTIFIER);
        if (c instanceof CategoricalColumn k) {
            return new CategoricalColumn(schema, k.codes(), k.categories());
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> categories = new ArrayList<>();
        int[] codes = new int[c.size()];
        for (int r = 0; r < codes.length; r++) {
            String t = c.text(r);
            codes[r] = t == null ? CategoricalColumn.NULL_CODE : index.computeIfAbsent(t, v -> {
                categories.add(v);
                return categories.size() - 1;
            });
        }
        return new CategoricalColumn(schema, codes, categories);
    }

    private static void checkPrimaryKey(String name, List<String> key, Table table) {
        KeyIndex index = KeyIndex.of(table, key);
        if (index.missingRows() > 0) {
            throw new BadInputException("invalid-primary-key", "the primary key " + key + " of table '" + name + "' is missing in "
                    + index.missingRows() + " rows (first: row " + (index.firstMissingRow() + 1) + ")");
        }
        if (index.duplicateRows() > 0) {
            throw new BadInputException("invalid-primary-key", "the primary key " + key + " of table '" + name + "' repeats in "
                    + index.duplicateRows() + " rows (first: row " + (index.firstDuplicateRow() + 1)
                    + "); declare a key whose values are unique");
        }
    }
}
