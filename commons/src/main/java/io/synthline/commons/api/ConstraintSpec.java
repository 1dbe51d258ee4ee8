package io.synthline.commons.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** A rule every generated row satisfies. JSON: an object with {@code "type"} and the fields of the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConstraintSpec.FixedCombinations.class, name = "fixedCombinations"),
        @JsonSubTypes.Type(value = ConstraintSpec.Inequality.class, name = "inequality"),
        @JsonSubTypes.Type(value = ConstraintSpec.Range.class, name = "range"),
        @JsonSubTypes.Type(value = ConstraintSpec.Format.class, name = "format"),
        @JsonSubTypes.Type(value = ConstraintSpec.Unique.class, name = "unique")})
public sealed interface ConstraintSpec {

    /** Only combinations of these columns' values that occur in the training data are generated. */
    record FixedCombinations(List<String> columns) implements ConstraintSpec {
    }

    /** {@code low <= high} (or {@code <} when strict) for two numeric or datetime columns. */
    record Inequality(String low, String high, Boolean strict) implements ConstraintSpec {
    }

    /** The column's values stay within [min, max] (inclusive; either may be omitted). */
    record Range(String column, String min, String max) implements ConstraintSpec {
    }

    /**
     * The column is generated to match the regular expression (literals, classes, escapes
     * {@code \d \w \s}, groups with {@code |}, quantifiers) instead of being learned.
     */
    record Format(String column, String regex) implements ConstraintSpec {
    }

    /** No two generated rows share a value of these columns (a key; the first column is generated unique). */
    record Unique(List<String> columns) implements ConstraintSpec {
    }
}
