package io.synthline.commons.profile;

/** Kinds of personal data the profiler recognises. */
public enum PiiKind {
    EMAIL,
    PHONE,
    /** {@link PiiFinding#format()} says {@code full}, {@code first} or {@code last}. */
    PERSON_NAME,
    STREET_ADDRESS,
    /** {@link PiiFinding#format()} names the scheme, e.g. {@code US_SSN} or {@code UK_NINO}. */
    NATIONAL_ID,
    /** {@link PiiFinding#format()} lists the card brands seen, e.g. {@code VISA,MASTERCARD}. */
    CREDIT_CARD,
    /** {@link PiiFinding#format()} lists the ISO 3166 country codes seen, e.g. {@code DE,FR}. */
    IBAN,
    /** {@link PiiFinding#format()} is {@code IPV4}, {@code IPV6} or {@code IPV4,IPV6}. */
    IP_ADDRESS,
    /** {@link PiiFinding#format()} is the datetime pattern of the values. */
    DATE_OF_BIRTH,
    /** Free text that contains personal data; {@link PiiFinding#embedded()} lists which kinds. */
    FREE_TEXT_WITH_PII
}
