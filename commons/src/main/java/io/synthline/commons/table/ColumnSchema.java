package io.synthline.commons.table;

import java.util.Objects;

/**
 * @param format for {@link ColumnType#DATETIME}, the {@link java.time.format.DateTimeFormatter}
 *               pattern values are read and written with; null otherwise
 */
public record ColumnSchema(String name, ColumnType type, String format) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type == ColumnType.DATETIME && format == null) {
            format = DateTimeFormats.ISO_DATE_TIME;
        }
    }

    public static ColumnSchema of(String name, ColumnType type) {
        return new ColumnSchema(name, type, null);
    }

    public ColumnSchema withType(ColumnType newType, String newFormat) {
        return new ColumnSchema(name, newType, newFormat);
    }
}
