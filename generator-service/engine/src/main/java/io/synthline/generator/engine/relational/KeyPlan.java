package io.synthline.generator.engine.relational;

import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import java.util.List;

/**
 * How one generated key column gets its values. Keys are never learned nor copied from the real
 * data: integer keys are numbered, text keys are {@code <table>-<number>}, so no real key appears in
 * the output and every one is unique where it has to be.
 *
 * @param column   the column's index in the table
 * @param integers the real values are all integers (the output numbers them likewise)
 * @param perParent numbered within each parent row (1, 2, ...: the part of a composite key after the
 *                 foreign key, like {@code line_no}) instead of across the table
 */
record KeyPlan(int column, String prefix, boolean integers, boolean perParent) {

    static KeyPlan of(Table table, String tableName, int column, boolean perParent) {
        Column c = table.column(column);
        boolean integers = true;
        for (int r = 0; r < c.size() && integers; r++) {
            String t = c.text(r);
            integers = t == null || t.chars().allMatch(Character::isDigit) && !t.isEmpty() && t.length() < 18;
        }
        return new KeyPlan(column, tableName + "-", integers, perParent);
    }

    /** The value numbered {@code n} (from 1). */
    String value(long n) {
        return integers ? Long.toString(n) : prefix + n;
    }

    static boolean anyPerParent(List<KeyPlan> keys) {
        return keys.stream().anyMatch(KeyPlan::perParent);
    }
}
