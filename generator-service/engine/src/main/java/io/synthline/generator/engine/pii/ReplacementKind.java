package io.synthline.generator.engine.pii;

import io.synthline.commons.api.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a replaced PII column holds, which decides how its fake values are made. Finer than the
 * kinds the profiler detects ({@link io.synthline.commons.profile.PiiKind}): {@link ProfilePii}
 * maps a finding to one of these.
 */
public enum ReplacementKind {
    FIRST_NAME, LAST_NAME, FULL_NAME, EMAIL, USERNAME, PHONE, STREET_ADDRESS, CITY, ZIP, STATE, COUNTRY, COMPANY,
    IBAN, IP_ADDRESS, SSN, CREDIT_CARD,
    /**
     * A date in the real values' date format within the year of birth the model learned like any
     * other column (the exact real dates are never learned); a date between 1930 and 2005 when the
     * column holds no dates the model can learn the year of.
     */
    DATE_OF_BIRTH,
    /** Free text that held personal data: replaced by neutral filler sentences. */
    FREE_TEXT,
    /** Random letters and digits in the character pattern of the real values (e.g. "AB-1234"). */
    SHAPE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Kinds where one value points to one person (an e-mail address, a card number, a full name):
     * no generated value may equal a real one. Common values (first names, cities, birth dates) are
     * shared by many people; refusing the real ones would itself tell which occur in the data.
     */
    public boolean identifying() {
        return switch (this) {
            case FULL_NAME, EMAIL, USERNAME, PHONE, STREET_ADDRESS, IBAN, IP_ADDRESS, SSN, CREDIT_CARD, SHAPE -> true;
            default -> false;
        };
    }

    /** Kinds that can serve as keys: when every real value was distinct, generated ones are too. */
    boolean keyLike() {
        return identifying() && this != FULL_NAME;
    }

    /** Kinds whose format is best copied from the real values' shape rather than from a locale's templates. */
    boolean usesShape() {
        return this == PHONE || this == ZIP || this == SSN || this == SHAPE;
    }

    public static ReplacementKind parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return switch (key) {
            case "FIRSTNAME", "PERSON_FIRSTNAME", "GIVEN_NAME" -> FIRST_NAME;
            case "LASTNAME", "PERSON_LASTNAME", "SURNAME", "FAMILY_NAME" -> LAST_NAME;
            case "NAME", "FULLNAME", "PERSON_NAME", "PERSON_FULLNAME", "PERSON" -> FULL_NAME;
            case "EMAIL_ADDRESS", "MAIL" -> EMAIL;
            case "PHONE_NUMBER", "TELEPHONE" -> PHONE;
            case "ADDRESS", "STREET" -> STREET_ADDRESS;
            case "POSTCODE", "POSTAL_CODE", "ZIP_CODE", "ZIPCODE" -> ZIP;
            case "IP", "IPV4" -> IP_ADDRESS;
            case "CREDITCARD", "CARD_NUMBER" -> CREDIT_CARD;
            case "DOB", "BIRTHDATE", "BIRTH_DATE", "BIRTHDAY" -> DATE_OF_BIRTH;
            case "TEXT", "FREE_TEXT_WITH_PII", "NOTES" -> FREE_TEXT;
            case "NATIONAL_ID" -> SSN;
            default -> {
                try {
                    yield valueOf(key);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("unknown-pii-kind", "unknown PII kind '" + text + "'; kinds are "
                            + Arrays.stream(values()).map(ReplacementKind::id).collect(Collectors.joining(", ")));
                }
            }
        };
    }

    /** A guess from the column name, for columns flagged PII without a kind. */
    public static ReplacementKind guess(String columnName) {
        String n = columnName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.contains("email") || n.contains("mail")) {
            return EMAIL;
        }
        if (n.contains("phone") || n.contains("mobile") || n.contains("tel") || n.contains("fax")) {
            return PHONE;
        }
        if (n.contains("birth") || n.equals("dob")) {
            return DATE_OF_BIRTH;
        }
        if (n.contains("first") || n.contains("given") || n.contains("forename")) {
            return FIRST_NAME;
        }
        if (n.contains("last") || n.contains("surname") || n.contains("family")) {
            return LAST_NAME;
        }
        if (n.contains("user") || n.contains("login") || n.contains("handle")) {
            return USERNAME;
        }
        if (n.contains("company") || n.contains("employer") || n.contains("organisation") || n.contains("organization")) {
            return COMPANY;
        }
        if (n.contains("name")) {
            return FULL_NAME;
        }
        if (n.contains("street") || n.contains("address")) {
            return STREET_ADDRESS;
        }
        if (n.contains("city") || n.contains("town")) {
            return CITY;
        }
        if (n.contains("zip") || n.contains("postal") || n.contains("postcode")) {
            return ZIP;
        }
        if (n.contains("ssn") || n.contains("socialsecurity")) {
            return SSN;
        }
        if (n.contains("iban")) {
            return IBAN;
        }
        if (n.equals("ip") || n.contains("ipaddress")) {
            return IP_ADDRESS;
        }
        if (n.contains("card")) {
            return CREDIT_CARD;
        }
        return SHAPE;
    }
}
