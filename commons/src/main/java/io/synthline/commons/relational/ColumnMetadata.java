package io.synthline.commons.relational;

import java.util.Locale;
import java.util.Objects;

/**
 * One declared column of a table.
 *
 * @param sdtype         SDV's statistical type: {@code numerical}, {@code categorical}, {@code boolean},
 *                       {@code datetime}, {@code id}, or a PII type ({@code pii}, {@code email}, {@code name}, ...)
 * @param datetimeFormat for datetimes, the strftime pattern of the values ({@code %Y-%m-%d}); null = inferred
 */
public record ColumnMetadata(String name, String sdtype, String datetimeFormat) {
    public static final String NUMERICAL = "numerical";
    public static final String CATEGORICAL = "categorical";
    public static final String BOOLEAN = "boolean";
    public static final String DATETIME = "datetime";
    public static final String ID = "id";

    public ColumnMetadata {
        Objects.requireNonNull(name, "name");
        sdtype = sdtype == null ? null : sdtype.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isId() {
        return ID.equals(sdtype);
    }

    /** Any sdtype other than the statistical ones and {@code id} marks a column to replace by fake values, never learned. */
    public boolean isPii() {
        return sdtype != null && !switch (sdtype) {
            case NUMERICAL, CATEGORICAL, BOOLEAN, DATETIME, ID -> true;
            default -> false;
        };
    }
}
