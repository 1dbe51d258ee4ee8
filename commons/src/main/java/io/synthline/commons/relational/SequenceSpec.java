package io.synthline.commons.relational;

import java.util.List;
import java.util.Objects;

/**
 * A sequential table: the rows of one entity (same {@code entityKey}) form a sequence ordered by
 * {@code orderColumn} (a date, a number or an index).
 */
public record SequenceSpec(List<String> entityKey, String orderColumn) {
    public SequenceSpec {
        entityKey = List.copyOf(entityKey);
        Objects.requireNonNull(orderColumn, "orderColumn");
        if (entityKey.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs an entity key");
        }
    }
}
