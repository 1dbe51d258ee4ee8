package io.synthline.evaluator.engine.pii;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.evaluation.PiiReplacement;
import io.synthline.commons.pii.Validators;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks the columns whose values replaced personal data for what a replacement must be: values
 * of the kind's format (the same rules the profiler detects the kind with), as unique as the real
 * column, and no real value returned. A match with a real value is a leak for kinds where a value
 * points to one person (e-mail, phone, street address, full name, card, ...); for common values
 * shared by many people (first names, cities, birth dates) matches are shown, not counted.
 */
public final class PiiReport {
    /** Kinds where one value identifies one person. */
    static final Set<String> IDENTIFYING = Set.of("full_name", "email", "username", "phone", "street_address", "iban",
            "ip_address", "ssn", "credit_card", "shape");
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’. -]*");
    private static final Pattern FULL_NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’.-]*(?: [\\p{L}\\p{M}'’.-]+)+");
    private static final Pattern PLACE = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’ .,()-]*");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    private static final Pattern ZIP = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,9}");
    private static final double MAX_AGE_YEARS = 120;

    private PiiReport() {
    }

    /**
     * @param real      the real rows (training and held-out together: a value of either must not come back)
     * @param synthetic the synthetic rows
     */
    public static PiiReplacement evaluate(List<Table> real, Table synthetic, List<ReplacedColumn> replaced) {
        List<PiiReplacement.Column> columns = new ArrayList<>();
        long leaks = 0;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (ReplacedColumn r : replaced) {
            if (synthetic.schema().indexOf(r.column()).isEmpty()) {
                throw new BadInputException("unknown-column", "the manifest names replaced column '" + r.column()
                        + "' which the synthetic data does not have; columns are " + synthetic.schema().names());
            }
            Column syn = synthetic.column(r.column());
            Set<String> realValues = new HashSet<>();
            List<String> realShapes = new ArrayList<>();
            long realRows = 0;
            long realMissing = 0;
            for (Table t : real) {
                Column c = t.column(r.column());
                realRows += c.size();
                for (int i = 0; i < c.size(); i++) {
                    String v = c.text(i);
                    if (v == null) {
                        realMissing++;
                    } else if (realValues.add(normalised(v)) && realShapes.size() < 10_000) {
                        realShapes.add(shape(v.strip()));
                    }
                }
            }
            Format format = format(r.kind(), syn, Set.copyOf(realShapes), today);
            long values = 0;
            long valid = 0;
            long matches = 0;
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < syn.size(); i++) {
                String v = syn.text(i);
                if (v == null) {
                    continue;
                }
                values++;
                valid += format.test().test(i, v.strip()) ? 1 : 0;
                String n = normalised(v);
                distinct.add(n);
                matches += realValues.contains(n) ? 1 : 0;
            }
            boolean identifying = IDENTIFYING.contains(r.kind());
            if (identifying) {
                leaks += matches;
            }
            long realValuesPresent = realRows - realMissing;
            columns.add(new PiiReplacement.Column(r.column(), r.kind(), r.learnedAs(), !r.generatedOnly(), identifying, values,
                    share(syn.size() - values, syn.size()), share(realMissing, realRows), share(valid, values), format.rule(),
                    share(distinct.size(), values), share(realValues.size(), realValuesPresent), matches));
        }
        return new PiiReplacement(List.copyOf(columns), leaks);
    }

    /** How a value of a synthetic row is checked, and the rule in words. */
    private record Format(String rule, RowTest test) {
    }

    private interface RowTest {
        boolean test(int row, String value);
    }

    private static Format format(String kind, Column synthetic, Set<String> realShapes, LocalDate today) {
        return switch (kind) {
            case "first_name", "last_name" -> text("letters, apostrophes, hyphens and spaces, no digits", NAME);
            case "full_name" -> text("two or more words of letters, apostrophes and hyphens, no digits", FULL_NAME);
            case "email" -> value("an e-mail address (RFC 5322 syntax)", Validators::isEmail);
            case "username" -> text("letters, digits, '.', '_' and '-', at most 64", USERNAME);
            case "phone" -> value("a phone number (NANP, international or UK format)", Validators::isPhone);
            case "street_address" -> value("a street address (house number, street and type, optional unit)",
                    v -> Validators.streetAddressLocale(v) != null);
            case "city", "state", "country" -> text("a place name: letters and punctuation, no digits", PLACE);
            case "company" -> value("a name with at least one letter", v -> v.codePoints().anyMatch(Character::isLetter));
            case "zip" -> text("a postal code: upper-case letters, digits, spaces and hyphens", ZIP);
            case "iban" -> value("an IBAN of a known country passing the mod-97 check", v -> Validators.ibanCountry(v) != null);
            case "ip_address" -> value("an IPv4 or IPv6 address", v -> Validators.isIpv4(v) || Validators.isIpv6(v));
            case "credit_card" -> value("a card number passing the Luhn check", Validators::isCardNumber);
            case "ssn" -> value("a US SSN in an issued range (###-##-####), or the character shape of the real values",
                    v -> Validators.looksLikeSsn(v) ? Validators.isValidSsn(v) : realShapes.contains(shape(v)));
            case "date_of_birth" -> synthetic instanceof NumericColumn n && synthetic.type() == ColumnType.DATETIME
                    ? new Format("a date implying an age of 0 to " + (int) MAX_AGE_YEARS + " years today", (row, v) -> {
                        double age = (today.toEpochDay() * 86_400_000.0 - n.value(row)) / (365.2425 * 86_400_000.0);
                        return age >= 0 && age <= MAX_AGE_YEARS;
                    })
                    : shaped(realShapes);
            case "free_text" -> value("text mentioning no e-mail address and no phone number",
                    v -> !Validators.mentionsEmail(v) && !Validators.mentionsPhone(v));
            default -> shaped(realShapes);
        };
    }

    private static Format text(String rule, Pattern pattern) {
        return new Format(rule, (row, v) -> pattern.matcher(v).matches());
    }

    private static Format value(String rule, Predicate<String> test) {
        return new Format(rule, (row, v) -> test.test(v));
    }

    private static Format shaped(Set<String> realShapes) {
        return new Format("the character shape of a real value (digits, letters and separators in place)",
                (row, v) -> realShapes.contains(shape(v)));
    }

    /** Digits become 9, letters A or a, everything else stays: "AB-1234" and "XZ-0071" have one shape. */
    static String shape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        v.codePoints().forEach(c -> sb.appendCodePoint(Character.isDigit(c) ? '9'
                : Character.isUpperCase(c) ? 'A' : Character.isLetter(c) ? 'a' : c));
        return sb.toString();
    }

    /** Trimmed and case-folded, as the generator compares them: "John@X.com " is "john@x.com". */
    static String normalised(String v) {
        return v.strip().toLowerCase(Locale.ROOT);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
