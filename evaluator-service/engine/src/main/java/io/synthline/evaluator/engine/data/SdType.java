package io.synthline.evaluator.engine.data;

import io.synthline.commons.table.ColumnType;
import java.util.Locale;
import java.util.Optional;

/** SDMetrics' statistical types. Columns without one (free text, identifiers) are not evaluated, as in SDMetrics. */
public enum SdType {
    NUMERICAL, DATETIME, CATEGORICAL, BOOLEAN;

    /** Numerical and datetime columns are "continuous" in SDMetrics' pair rules; the others are "discrete". */
    public boolean isContinuous() {
        return this == NUMERICAL || this == DATETIME;
    }

    public String sdmetricsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SdType parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The sdtype SDV's metadata detection gives a column of this inferred type, if any. */
    public static Optional<SdType> forColumnType(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> Optional.of(NUMERICAL);
            case DATETIME -> Optional.of(DATETIME);
            case BOOLEAN -> Optional.of(BOOLEAN);
            case CATEGORICAL -> Optional.of(CATEGORICAL);
            case TEXT, IDENTIFIER -> Optional.empty();
        };
    }
}
