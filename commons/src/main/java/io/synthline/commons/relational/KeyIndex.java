package io.synthline.commons.relational;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a table by the value of a (possibly composite) key: a key value is the list of its
 * columns' texts; a row with any key column missing has no key.
 */
public final class KeyIndex {
    private final Map<List<String>, Integer> rowOf;
    private final int missingRows;
    private final int firstMissingRow;
    private final int duplicateRows;
    private final int firstDuplicateRow;

    private KeyIndex(Map<List<String>, Integer> rowOf, int missingRows, int firstMissingRow, int duplicateRows, int firstDuplicateRow) {
        this.rowOf = rowOf;
        this.missingRows = missingRows;
        this.firstMissingRow = firstMissingRow;
        this.duplicateRows = duplicateRows;
        this.firstDuplicateRow = firstDuplicateRow;
    }

    /** Indexes the key's values (a repeated value keeps its first row). */
    public static KeyIndex of(Table table, List<String> key) {
        Column[] columns = key.stream().map(table::column).toArray(Column[]::new);
        Map<List<String>, Integer> rowOf = new HashMap<>(Math.max(16, table.rowCount() * 2));
        int missing = 0;
        int firstMissing = -1;
        int duplicates = 0;
        int firstDuplicate = -1;
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> value = value(columns, r);
            if (value == null) {
                missing++;
                firstMissing = firstMissing < 0 ? r : firstMissing;
            } else if (rowOf.putIfAbsent(value, r) != null) {
                duplicates++;
                firstDuplicate = firstDuplicate < 0 ? r : firstDuplicate;
            }
        }
        return new KeyIndex(rowOf, missing, firstMissing, duplicates, firstDuplicate);
    }

    /** The key value of row {@code r}, or null when a key column is missing there. */
    public static List<String> value(Column[] columns, int r) {
        if (columns.length == 1) {
            String t = columns[0].text(r);
            return t == null ? null : List.of(t);
        }
        String[] parts = new String[columns.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = columns[i].text(r);
            if (parts[i] == null) {
                return null;
            }
        }
        return Arrays.asList(parts);
    }

    /** The row holding this key value, or -1. */
    public int row(List<String> value) {
        Integer r = value == null ? null : rowOf.get(value);
        return r == null ? -1 : r;
    }

    public int size() {
        return rowOf.size();
    }

    public int missingRows() {
        return missingRows;
    }

    public int firstMissingRow() {
        return firstMissingRow;
    }

    public int duplicateRows() {
        return duplicateRows;
    }

    public int firstDuplicateRow() {
        return firstDuplicateRow;
    }

    /**
     * For every row of {@code child}: the row of this (parent) index its foreign key {@code childKey}
     * points at, {@link #NO_PARENT} when the key is missing, {@link #DANGLING} when it points at no row.
     */
    public int[] resolve(Table child, List<String> childKey) {
        Column[] columns = childKey.stream().map(child::column).toArray(Column[]::new);
        int[] parent = new int[child.rowCount()];
        if (columns.length == 1 && columns[0] instanceof CategoricalColumn k) {
            // one lookup per distinct value, not per row
            int[] byCode = new int[k.cardinality()];
            for (int c = 0; c < byCode.length; c++) {
                byCode[c] = rowOrDangling(List.of(k.categories().get(c)));
            }
            int[] codes = k.codes();
            for (int r = 0; r < parent.length; r++) {
                parent[r] = codes[r] < 0 ? NO_PARENT : byCode[codes[r]];
            }
            return parent;
        }
        for (int r = 0; r < parent.length; r++) {
            List<String> v = value(columns, r);
            parent[r] = v == null ? NO_PARENT : rowOrDangling(v);
        }
        return parent;
    }

    private int rowOrDangling(List<String> value) {
        Integer r = rowOf.get(value);
        return r == null ? DANGLING : r;
    }

    public static final int NO_PARENT = -1;
    public static final int DANGLING = -2;
}
