package io.synthline.commons.table;

import io.synthline.commons.api.BadInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Ordered columns with unique names. */
public record TableSchema(List<ColumnSchema> columns) {
    public TableSchema {
        columns = List.copyOf(columns);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Integer previous = seen.put(columns.get(i).name(), i);
            if (previous != null) {
                throw new BadInputException("duplicate-column",
                        "column name '" + columns.get(i).name() + "' appears twice (columns " + (previous + 1)
                                + " and " + (i + 1) + ")");
            }
        }
    }

    public int size() {
        return columns.size();
    }

    public ColumnSchema column(int index) {
        return columns.get(index);
    }

    public OptionalInt indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public List<String> names() {
        return columns.stream().map(ColumnSchema::name).toList();
    }

    /**
     * The explicit schema wins for every column it names; columns it does not name keep the
     * inferred type. Naming a column the table does not have is a user mistake worth reporting.
     */
    public TableSchema overriddenBy(TableSchema explicit) {
        if (explicit == null) {
            return this;
        }
        for (ColumnSchema c : explicit.columns()) {
            if (indexOf(c.name()).isEmpty()) {
                throw new BadInputException("unknown-column",
                        "schema names column '" + c.name() + "' which the data does not have; columns are " + names());
            }
        }
        return new TableSchema(columns.stream()
                .map(c -> explicit.indexOf(c.name()).isPresent() ? explicit.column(explicit.indexOf(c.name()).getAsInt()) : c)
                .toList());
    }
}
