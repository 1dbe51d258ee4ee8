package io.synthline.commons.profile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Demographic and special-category attributes. Each category carries the roles it usually plays;
 * a tag may narrow them.
 */
public enum AttributeCategory {
    AGE(AttributeRole.QUASI_IDENTIFIER, AttributeRole.PROTECTED),
    SEX_GENDER(AttributeRole.QUASI_IDENTIFIER, AttributeRole.PROTECTED),
    RACE(AttributeRole.QUASI_IDENTIFIER, AttributeRole.SENSITIVE, AttributeRole.PROTECTED),
    ETHNICITY(AttributeRole.QUASI_IDENTIFIER, AttributeRole.SENSITIVE, AttributeRole.PROTECTED),
    RELIGION(AttributeRole.SENSITIVE, AttributeRole.PROTECTED),
    NATIONALITY(AttributeRole.QUASI_IDENTIFIER, AttributeRole.PROTECTED),
    POSTCODE(AttributeRole.QUASI_IDENTIFIER),
    HEALTH(AttributeRole.SENSITIVE, AttributeRole.PROTECTED),
    MARITAL_STATUS(AttributeRole.QUASI_IDENTIFIER, AttributeRole.PROTECTED),
    SEXUAL_ORIENTATION(AttributeRole.SENSITIVE, AttributeRole.PROTECTED),
    DISABILITY(AttributeRole.SENSITIVE, AttributeRole.PROTECTED),
    DATE_OF_BIRTH(AttributeRole.QUASI_IDENTIFIER);

    private final Set<AttributeRole> roles;

    AttributeCategory(AttributeRole first, AttributeRole... rest) {
        this.roles = Set.copyOf(EnumSet.of(first, rest));
    }

    public Set<AttributeRole> defaultRoles() {
        return roles;
    }
}
