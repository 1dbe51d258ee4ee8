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

    /**
     * The given rows, in the given order, as a new table with the same schema. Categorical columns
     * are re-coded to the categories those rows use, in first-seen order, so the result equals
     * reading a file of just those rows with this schema: nothing of the other rows survives.
     */
    public Table rows(int[] rowIndices) {
        List<Column> selected = new java.util.ArrayList<>(columns.size());
        for (Column c : columns) {
            selected.add(switch (c) {
                case NumericColumn n -> {
                    double[] values = new double[rowIndices.length];
                    for (int i = 0; i < rowIndices.length; i++) {
                        values[i] = n.value(rowIndices[i]);
                    }
                    yield new NumericColumn(n.schema(), values);
                }
                case CategoricalColumn k -> {
                    int[] newCode = new int[k.cardinality()];
                    java.util.Arrays.fill(newCode, CategoricalColumn.NULL_CODE);
                    List<String> categories = new java.util.ArrayList<>();
                    int[] codes = new int[rowIndices.length];
                    for (int i = 0; i < rowIndices.length; i++) {
                        int old = k.code(rowIndices[i]);
                        if (old == CategoricalColumn.NULL_CODE) {
                            codes[i] = CategoricalColumn.NULL_CODE;
                            continue;
                        }
                        if (newCode[old] == CategoricalColumn.NULL_CODE) {
                            newCode[old] = categories.size();
                            categories.add(k.categories().get(old));
                        }
                        codes[i] = newCode[old];
                    }
                    yield new CategoricalColumn(k.schema(), codes, categories);
                }
            });
        }
        return new Table(selected);
    }

    public Column column(String name) {
        return columns.get(schema.indexOf(name).orElseThrow(() -> new BadInputException("unknown-column",
                "no column named '" + name + "'; columns are " + schema.names())));
    }
}
