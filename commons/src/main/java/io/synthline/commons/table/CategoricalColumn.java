package io.synthline.commons.table;

import java.util.List;
import java.util.Objects;

/**
 * Dictionary-encoded values: booleans, categories, free text and identifiers. Code -1 marks a
 * missing value; categories keep first-seen order so results do not depend on hashing.
 */
public final class CategoricalColumn implements Column {
    public static final int NULL_CODE = -1;

    private final ColumnSchema schema;
    private final int[] codes;
    private final List<String> categories;

    public CategoricalColumn(ColumnSchema schema, int[] codes, List<String> categories) {
        if (schema.type().isNumeric()) {
            throw new IllegalArgumentException(schema.name() + " is " + schema.type() + ", not categorical");
        }
        this.schema = schema;
        this.codes = Objects.requireNonNull(codes);
        this.categories = List.copyOf(categories);
    }

    @Override
    public ColumnSchema schema() {
        return schema;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isNull(int row) {
        return codes[row] == NULL_CODE;
    }

    public int code(int row) {
        return codes[row];
    }

    /** The backing array, shared for speed; callers must not modify it. */
    public int[] codes() {
        return codes;
    }

    public List<String> categories() {
        return categories;
    }

    public int cardinality() {
        return categories.size();
    }

    @Override
    public String text(int row) {
        int c = codes[row];
        return c == NULL_CODE ? null : categories.get(c);
    }
}
