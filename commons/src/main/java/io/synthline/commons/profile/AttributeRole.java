package io.synthline.commons.profile;

/** Why an attribute matters for privacy and fairness. */
public enum AttributeRole {
    /** Combined with other public facts it can single a person out (age, sex, postcode, ...): privacy attacks use these. */
    QUASI_IDENTIFIER,
    /** Special-category data (GDPR Art. 9: race, religion, health, ...): what an attacker wants to infer. */
    SENSITIVE,
    /** A protected characteristic in anti-discrimination law: fairness metrics group by these. */
    PROTECTED
}
