package io.synthline.commons.table;

import io.synthline.commons.api.BadInputException;
import java.util.List;

/** An immutable columnar table. */
public final class Table {
    private final TableSchema schema;
    private final List<Column> columns;
    private final int rowCount;

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.schema = new TableSchema(this.columns.stream().map(Column::schema).toList());
        this.rowCount = this.columns.isEmpty() ? 0 : this.columns.getFirst().size();
        for (Column c : this.columns) {
            if (c.size() != rowCount) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rowCount);
            }
        }
    }

    public TableSchema schema() {
        return schema;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    public Column column(String name) {
        return columns.get(schema.indexOf(name).orElseThrow(() -> new BadInputException("unknown-column",
                "no column named '" + name + "'; columns are " + schema.names())));
    }
}
