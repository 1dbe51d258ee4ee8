package io.synthline.generator.engine.privacy.domain;

import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import java.util.List;

/**
 * The set of values a column may take, known before (or learned privately before) any
 * measurement of the data. Values outside it are mapped into it: numbers clamped to the bounds,
 * unknown categories treated as missing; a row that has nowhere to go (missing value in a
 * non-nullable column) is left out of every measurement. Each of these is a per-row map, so
 * every count keeps sensitivity 1.
 */
public sealed interface ColumnDomain permits ColumnDomain.Categorical, ColumnDomain.Numeric, ColumnDomain.Excluded {
    ColumnSchema schema();

    default String name() {
        return schema().name();
    }

    /** A finite set of values; the order is the code order. */
    record Categorical(ColumnSchema schema, List<String> categories, boolean nullable) implements ColumnDomain {
        public Categorical {
            categories = List.copyOf(categories);
        }
    }

    /** Numbers (integers, decimals, datetimes as epoch milliseconds) in [min, max]. */
    record Numeric(ColumnSchema schema, double min, double max, boolean nullable) implements ColumnDomain {
        public boolean integer() {
            return schema.type() == ColumnType.INTEGER;
        }
    }

    /** Not modelled (identifiers): the synthetic column stays empty. */
    record Excluded(ColumnSchema schema, String reason) implements ColumnDomain {
    }
}
