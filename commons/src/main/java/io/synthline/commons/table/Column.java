package io.synthline.commons.table;

/** One column of a {@link Table}. */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    ColumnSchema schema();

    default String name() {
        return schema().name();
    }

    default ColumnType type() {
        return schema().type();
    }

    int size();

    boolean isNull(int row);

    /** The value as it is written to CSV; null for missing. */
    String text(int row);

    default long nullCount() {
        long n = 0;
        for (int i = 0; i < size(); i++) {
            if (isNull(i)) {
                n++;
            }
        }
        return n;
    }
}
