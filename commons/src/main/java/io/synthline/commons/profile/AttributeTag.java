package io.synthline.commons.profile;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A column that is a quasi-identifier or sensitive-attribute candidate.
 *
 * @param confidence 0..1
 * @param evidence   why, in words (column name, matching values), without raw values of PII columns
 */
public record AttributeTag(String column, AttributeCategory category, Set<AttributeRole> roles, double confidence,
        List<String> evidence) {
    public AttributeTag {
        // in the enum's order: Set.copyOf iterates in an order that changes from one JVM run to the next,
        // and the profile document must read the same for the same input
        EnumSet<AttributeRole> ordered = EnumSet.noneOf(AttributeRole.class);
        if (roles != null) {
            ordered.addAll(roles);
        }
        roles = Collections.unmodifiableSet(ordered);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
