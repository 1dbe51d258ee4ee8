package io.synthline.generator.engine.privacy.domain;

import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * A column's public domain: the set of values it may take, known before (or learned privately before) any
 * measurement of the data. Values outside it are mapped into it: numbers clamped to the bounds,
 * unknown categories to the "other" category of a learned set (or, for a declared list, treated
 * as missing); a row that has nowhere to go (missing value in a non-nullable column) is left out
 * of every measurement. Each of these is a per-row map, so
 * every count keeps sensitivity 1.
 */
public sealed interface PublicDomain permits PublicDomain.Categorical, PublicDomain.Numeric, PublicDomain.Excluded {
    ColumnSchema schema();

    default String name() {
        return schema().name();
    }

    /**
     * A finite set of values; the order is the code order.
     *
     * @param other the category (one of {@code categories}) that values outside the set count as,
     *              or null when they count as missing
     */
    record Categorical(ColumnSchema schema, List<String> categories, boolean nullable, String other) implements PublicDomain {
        /** The label of the bucket for values a privately learned category set left out. */
        public static final String OTHER = "(other)";

        public Categorical {
            categories = List.copyOf(categories);
            if (other != null && !categories.contains(other)) {
                throw new IllegalArgumentException("the other category must be one of the categories");
            }
        }

        /** Values outside the set count as missing. */
        public Categorical(ColumnSchema schema, List<String> categories, boolean nullable) {
            this(schema, categories, nullable, null);
        }

        /**
         * A learned set: {@code kept} (sorted) and a last category for every other value, labelled
         * {@link #OTHER} or, should a kept value already be that, {@code OTHER} with a number.
         */
        public static Categorical learned(ColumnSchema schema, List<String> kept, boolean nullable) {
            String label = OTHER;
            for (int i = 2; kept.contains(label); i++) {
                label = "(other " + i + ")";
            }
            List<String> categories = new ArrayList<>(kept);
            categories.add(label);
            return new Categorical(schema, categories, nullable, label);
        }
    }

    /** Numbers (integers, decimals, datetimes as epoch milliseconds) in [min, max]. */
    record Numeric(ColumnSchema schema, double min, double max, boolean nullable) implements PublicDomain {
        public boolean integer() {
            return schema.type() == ColumnType.INTEGER;
        }
    }

    /** Not modelled (identifiers): the synthetic column stays empty. */
    record Excluded(ColumnSchema schema, String reason) implements PublicDomain {
    }
}
