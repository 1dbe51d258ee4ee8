package io.synthline.generator.engine.model;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.util.List;
import java.util.OptionalInt;

/** The columns a model produces, in order, with the values each may take. */
public record ModelDomain(List<ColumnDomain> columns) {
    public ModelDomain {
        columns = List.copyOf(columns);
    }

    public static ModelDomain of(Table table) {
        return new ModelDomain(table.columns().stream().map(ColumnDomain::of).toList());
    }

    public int size() {
        return columns.size();
    }

    public ColumnDomain column(int index) {
        return columns.get(index);
    }

    public TableSchema schema() {
        return new TableSchema(columns.stream().map(ColumnDomain::schema).toList());
    }

    public List<String> names() {
        return columns.stream().map(ColumnDomain::name).toList();
    }

    public OptionalInt indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The index of a column the caller named, or a 400 that lists the columns there are. */
    public int require(String name, String what) {
        return indexOf(name).orElseThrow(() -> new BadInputException("unknown-column",
                what + " names column '" + name + "' which the data does not have; columns are " + names()));
    }
}
