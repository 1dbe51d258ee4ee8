package io.synthline.commons.relational;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of a relational dataset.
 *
 * @param columns    declared columns (all, some or none; undeclared ones get inferred types)
 * @param primaryKey the primary key's columns; empty when the table has none
 * @param sequence   set when the table holds event sequences per entity; null otherwise
 */
public record TableMetadata(String name, List<ColumnMetadata> columns, List<String> primaryKey, SequenceSpec sequence) {
    public TableMetadata {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public Optional<ColumnMetadata> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    public boolean isSequential() {
        return sequence != null;
    }

    public TableMetadata withPrimaryKey(List<String> key) {
        return new TableMetadata(name, columns, key, sequence);
    }

    public TableMetadata withSequence(SequenceSpec s) {
        return new TableMetadata(name, columns, primaryKey, s);
    }
}
