package io.synthline.commons.api;

import io.synthline.commons.table.ColumnType;
import java.util.HashSet;
import java.util.List;

/**
 * One column of a public domain declaration: its type and, for differentially private models,
 * the value set or bounds that may be assumed without looking at the data. Anything left open
 * (no categories, no bounds) must be learned under DP or refused.
 *
 * @param type       optional; when null the column's type comes from the data (and is then
 *                   treated as public metadata, which the privacy report says)
 * @param format     optional value format (e.g. a date pattern), as in the table schema
 * @param min        lower bound of a numeric column (values below are clamped)
 * @param max        upper bound of a numeric column (values above are clamped)
 * @param categories the complete value set of a categorical column (other values are treated as missing)
 * @param nullable   whether missing values are possible; default true
 */
public record DeclaredColumn(String name, ColumnType type, String format, Double min, Double max, List<String> categories,
        Boolean nullable) {
    public DeclaredColumn {
        if (name == null || name.isBlank()) {
            throw new BadInputException("invalid-schema", "every schema column needs a name");
        }
        if (categories != null) {
            if (categories.isEmpty()) {
                throw new BadInputException("invalid-schema", "column '" + name + "' declares an empty category list");
            }
            if (categories.stream().anyMatch(c -> c == null) || new HashSet<>(categories).size() != categories.size()) {
                throw new BadInputException("invalid-schema", "column '" + name + "' declares a category twice or a null category");
            }
            categories = List.copyOf(categories);
        }
        if ((min == null) != (max == null)) {
            throw new BadInputException("invalid-schema", "column '" + name + "' must declare both min and max, or neither");
        }
        if (min != null && !(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new BadInputException("invalid-schema", "column '" + name + "' needs finite bounds with min < max, got ["
                    + min + ", " + max + "]");
        }
        if (type != null && type.isNumeric() && categories != null) {
            throw new BadInputException("invalid-schema", "column '" + name + "' is " + type + " but declares categories");
        }
        if (type != null && !type.isNumeric() && min != null) {
            throw new BadInputException("invalid-schema", "column '" + name + "' is " + type + " but declares bounds");
        }
    }

    public boolean isNullable() {
        return nullable == null || nullable;
    }

    public boolean hasBounds() {
        return min != null;
    }

    public boolean hasCategories() {
        return categories != null;
    }
}
