package io.synthline.commons.relational;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key: the child's columns {@code childKey} hold the values of the parent's primary key
 * {@code parentKey} (in the same order; one column each unless the key is composite). A child row
 * whose foreign key is missing (every column empty) has no parent: the key is optional there.
 */
public record Relationship(String parentTable, String childTable, List<String> parentKey, List<String> childKey) {
    public Relationship {
        Objects.requireNonNull(parentTable, "parentTable");
        Objects.requireNonNull(childTable, "childTable");
        parentKey = List.copyOf(parentKey);
        childKey = List.copyOf(childKey);
    }

    /** How reports name it: {@code child.fk -> parent.pk}. */
    public String label() {
        return childTable + "." + String.join("+", childKey) + " -> " + parentTable + "." + String.join("+", parentKey);
    }
}
