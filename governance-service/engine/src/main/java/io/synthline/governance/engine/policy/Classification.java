package io.synthline.governance.engine.policy;

import io.synthline.commons.api.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** How sensitive a dataset is; decides which policy applies to everything generated from it. */
public enum Classification {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Classification parse(String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("invalid-classification", "classification is required: one of " + names());
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("invalid-classification", "unknown classification '" + value + "': one of " + names());
        }
    }

    /** Lenient reading of stored or third-party values: unknown means the strictest. */
    public static Classification orRestricted(String value) {
        try {
            return parse(value);
        } catch (BadInputException e) {
            return RESTRICTED;
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(Classification::wireName).toList().toString();
    }
}
