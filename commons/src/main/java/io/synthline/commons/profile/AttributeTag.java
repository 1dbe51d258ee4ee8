package io.synthline.commons.profile;

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
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
