package io.synthline.commons.api;

import java.util.List;

/**
 * One condition of a generation request: every generated row satisfies it. Give exactly one of
 * {@code equals}, {@code in}, or a range ({@code min} and/or {@code max}, inclusive; numbers or
 * datetimes written as in the data).
 */
public record ConditionSpec(String column, String equals, List<String> in, String min, String max) {
    public static ConditionSpec equalTo(String column, String value) {
        return new ConditionSpec(column, value, null, null, null);
    }

    public static ConditionSpec oneOf(String column, List<String> values) {
        return new ConditionSpec(column, null, values, null, null);
    }

    public static ConditionSpec between(String column, String min, String max) {
        return new ConditionSpec(column, null, null, min, max);
    }
}
