package io.synthline.profiler.engine.relational;

import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.util.List;

/** A table already in memory as a row source, so that a table of a relational dataset is profiled like a file. */
final class TableRows implements RowSource {
    private final Table table;
    private int row = -1;

    TableRows(Table table) {
        this.table = table;
    }

    @Override
    public List<String> header() {
        return table.schema().names();
    }

    @Override
    public boolean next() {
        return ++row < table.rowCount();
    }

    @Override
    public String value(int column) {
        return table.column(column).text(row);
    }

    @Override
    public long lineNumber() {
        return row + 2L;
    }

    @Override
    public TableSchema declaredSchema() {
        return table.schema();
    }

    @Override
    public void close() {
    }
}
