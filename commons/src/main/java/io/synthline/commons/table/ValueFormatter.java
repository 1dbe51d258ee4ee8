package io.synthline.commons.table;

import java.math.BigDecimal;

/** Renders a numeric cell as text the way its column type expects (integers without ".0", dates by pattern). */
@FunctionalInterface
public interface ValueFormatter {
    String format(double value);

    static ValueFormatter forSchema(ColumnSchema schema) {
        return switch (schema.type()) {
            case INTEGER -> v -> Long.toString(Math.round(v));
            case DECIMAL -> ValueFormatter::decimal;
            case DATETIME -> {
                String pattern = schema.format();
                yield v -> DateTimeFormats.format(v, pattern);
            }
            default -> throw new IllegalArgumentException(schema.type() + " is not numeric");
        };
    }

    /** Shortest text that reads back to the same double, never in exponent notation. */
    static String decimal(double v) {
        String s = Double.toString(v);
        if (s.indexOf('E') >= 0) {
            s = new BigDecimal(s).toPlainString();
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
