package io.synthline.generator.engine.pii;

import io.synthline.commons.profile.PiiFinding;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PII columns a dataset's profile flags, as the generator replaces them: column name to
 * {@link ReplacementKind} id. Every flagged column is replaced (never learned from); a column with
 * several findings takes the most confident one.
 */
public final class ProfilePii {
    private ProfilePii() {
    }

    public static Map<String, String> columns(List<PiiFinding> findings) {
        Map<String, PiiFinding> best = new LinkedHashMap<>();
        for (PiiFinding f : findings == null ? List.<PiiFinding>of() : findings) {
            best.merge(f.column(), f, (a, b) -> b.confidence() > a.confidence() ? b : a);
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        best.forEach((column, f) -> kinds.put(column, kind(f).id()));
        return kinds;
    }

    /** The locale most findings suggest, or null when none does. */
    public static String locale(List<PiiFinding> findings) {
        Map<String, Integer> votes = new HashMap<>();
        for (PiiFinding f : findings == null ? List.<PiiFinding>of() : findings) {
            if (f.locale() != null && !f.locale().isBlank()) {
                votes.merge(f.locale(), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static ReplacementKind kind(PiiFinding f) {
        if (f.kind() == null) {
            return ReplacementKind.guess(f.column());
        }
        return switch (f.kind()) {
            case EMAIL -> ReplacementKind.EMAIL;
            case PHONE -> ReplacementKind.PHONE;
            case PERSON_NAME -> switch (f.format() == null ? "" : f.format()) {
                case "first" -> ReplacementKind.FIRST_NAME;
                case "last" -> ReplacementKind.LAST_NAME;
                default -> ReplacementKind.FULL_NAME;
            };
            case STREET_ADDRESS -> ReplacementKind.STREET_ADDRESS;
            // national ids differ by scheme: their shape (letters, digits, separators) is kept, the values are random
            case NATIONAL_ID -> ReplacementKind.SSN;
            case CREDIT_CARD -> ReplacementKind.CREDIT_CARD;
            case IBAN -> ReplacementKind.IBAN;
            case IP_ADDRESS -> ReplacementKind.IP_ADDRESS;
            case DATE_OF_BIRTH -> ReplacementKind.DATE_OF_BIRTH;
            case FREE_TEXT_WITH_PII -> ReplacementKind.FREE_TEXT;
        };
    }
}
