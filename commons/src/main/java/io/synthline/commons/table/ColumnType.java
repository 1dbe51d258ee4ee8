package io.synthline.commons.table;

/** Logical column types, decided by inference or by an explicit schema. */
public enum ColumnType {
    INTEGER,
    DECIMAL,
    BOOLEAN,
    CATEGORICAL,
    DATETIME,
    TEXT,
    IDENTIFIER;

    /** Stored as doubles in a {@link NumericColumn}. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == DATETIME;
    }
}
