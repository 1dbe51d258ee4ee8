package io.synthline.profiler.engine.pii;

import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.pii.Validators;
import io.synthline.commons.profile.PiiKind;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a column holds personal data, from two kinds of evidence: the column's name
 * (split into words) and a sample of its values checked by kind-specific validators (Luhn for
 * cards, mod-97 for IBANs, the SSA's rules for SSNs, ...). Value evidence dominates; a name alone
 * yields only a weak finding, which the default threshold does not report. One finding per column
 * (the most confident kind), except free text, which reports the kinds embedded in it.
 */
public final class PiiDetector {
    /** What the detector sees of a column. */
    public record Column(String name, ColumnType type, String datePattern, List<String> sample, long distinct,
            long count) {
    }

    private static final double NAME_BOOST = 0.12;
    private static final double NAME_ONLY = 0.35;

    private final LocalDate today;

    public PiiDetector() {
        this(LocalDate.now(ZoneOffset.UTC));
    }

    /** @param today reference date for date-of-birth plausibility (ages) */
    public PiiDetector(LocalDate today) {
        this.today = today;
    }

    public List<PiiFinding> detect(Column column, double minConfidence) {
        ColumnName name = ColumnName.of(column.name());
        List<String> all = column.sample().stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        // validators run once per distinct value, weighted by its count: categorical columns cost a handful of checks
        Sample values = Sample.of(all);
        List<PiiFinding> candidates = new ArrayList<>();
        boolean numeric = column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL;
        if (!all.isEmpty() && numeric) {
            // plain numbers can only be card numbers, or phone numbers when the name says so
            candidates.add(card(name, values));
            PiiFinding phone = phone(name, values);
            candidates.add(phone != null && name.hasAny(PHONE_WORDS) ? phone : null);
        } else if (!all.isEmpty()) {
            candidates.add(email(name, values));
            candidates.add(phone(name, values));
            candidates.add(card(name, values));
            candidates.add(iban(name, values));
            candidates.add(nationalId(name, values));
            candidates.add(ip(name, values));
            candidates.add(dateOfBirth(name, column, values));
            candidates.add(address(name, values));
            candidates.add(personName(name, column, values));
        }
        candidates.removeIf(f -> f == null);
        PiiFinding best = candidates.stream().max(Comparator.comparingDouble(PiiFinding::confidence)
                .thenComparing(f -> -f.kind().ordinal())).orElse(null);
        if (best == null || best.confidence() < minConfidence) {
            PiiFinding text = freeText(name, column, values);
            if (text != null && text.confidence() >= minConfidence) {
                return List.of(text);
            }
            return List.of();
        }
        return List.of(best);
    }

    /** Distinct sampled values with their counts. */
    record Sample(Map<String, Integer> counts, int size) {
        static Sample of(List<String> values) {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            values.forEach(v -> counts.merge(v, 1, Integer::sum));
            return new Sample(counts, values.size());
        }

        /** Share of sampled values that pass. */
        double share(java.util.function.Predicate<String> test) {
            long hits = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (test.test(e.getKey())) {
                    hits += e.getValue();
                }
            }
            return size == 0 ? 0 : (double) hits / size;
        }
    }

    private static final String[] PHONE_WORDS = {"phone", "telephone", "tel", "mobile", "cell", "cellphone", "fax",
            "phone_number", "contact_number"};

    /** Confidence from the share of values that validated, boosted by a matching column name. */
    private static PiiFinding finding(String column, PiiKind kind, double matchShare, double minShare, double weight,
            boolean nameHint, String locale, String format, long sampled, String valueEvidence) {
        List<String> evidence = new ArrayList<>();
        double confidence;
        if (matchShare >= minShare) {
            confidence = weight * matchShare + (nameHint ? NAME_BOOST : 0);
            evidence.add(valueEvidence);
        } else if (nameHint) {
            confidence = NAME_ONLY * Math.max(0.2, matchShare / Math.max(minShare, 1e-9));
            evidence.add(String.format(Locale.ROOT, "only %.1f%% of %,d sampled values fit", 100 * matchShare, sampled));
        } else {
            return null;
        }
        if (nameHint) {
            evidence.add(0, "column name '" + column + "' suggests " + kind);
        }
        return new PiiFinding(column, kind, round(Math.min(0.99, confidence)), locale, format, round(matchShare), sampled,
                evidence, List.of());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String pct(double share, int n, String what) {
        return String.format(Locale.ROOT, "%.1f%% of %,d sampled values %s", 100 * share, n, what);
    }

    private PiiFinding email(ColumnName name, Sample values) {
        double s = values.share(Validators::isEmail);
        boolean hint = name.hasAny("email", "e_mail", "mail", "email_address");
        return finding(name.raw(), PiiKind.EMAIL, s, 0.6, 1.0, hint, null, null, values.size(),
                pct(s, values.size(), "are email addresses"));
    }

    private PiiFinding phone(ColumnName name, Sample values) {
        double s = values.share(Validators::isPhone);
        boolean hint = name.hasAny("phone", "telephone", "tel", "mobile", "cell", "cellphone", "fax", "phone_number",
                "contact_number");
        Map<String, Integer> locales = new HashMap<>();
        for (Map.Entry<String, Integer> e : values.counts().entrySet()) {
            if (Validators.isPhone(e.getKey())) {
                String l = Validators.phoneLocale(e.getKey());
                if (l != null) {
                    locales.merge(l, e.getValue(), Integer::sum);
                }
            }
        }
        String locale = majority(locales, values.size() * s * 0.6);
        double international = values.share(v -> v.startsWith("+") && Validators.isPhone(v));
        String format = "en-US".equals(locale) ? "NANP" : international > s / 2 ? "E164" : "NATIONAL";
        return finding(name.raw(), PiiKind.PHONE, s, 0.6, 0.9, hint, locale, format, values.size(),
                pct(s, values.size(), "are phone numbers"));
    }

    private PiiFinding card(ColumnName name, Sample values) {
        Set<String> brands = new TreeSet<>();
        long hits = 0;
        long branded = 0;
        for (Map.Entry<String, Integer> e : values.counts().entrySet()) {
            if (Validators.isCardNumber(e.getKey())) {
                hits += e.getValue();
                String b = Validators.cardBrand(e.getKey());
                if (b != null) {
                    brands.add(b);
                    branded += e.getValue();
                }
            }
        }
        double s = (double) hits / values.size();
        // random numbers pass Luhn one time in ten: a column of which nearly all pass holds check-digited numbers;
        // prefixes of the common brands on top make them cards beyond doubt
        double weight = hits > 0 && branded >= 0.8 * hits ? 1.0 : 0.9;
        boolean hint = name.hasAny("card", "credit_card", "cc", "cc_number", "card_number", "pan", "creditcard");
        return finding(name.raw(), PiiKind.CREDIT_CARD, s, 0.8, weight, hint, null, brands.isEmpty() ? null : String.join(",", brands),
                values.size(), pct(s, values.size(), "are card numbers passing the Luhn check")
                        + String.format(Locale.ROOT, ", %.1f%% of those with a common brand's prefix", hits == 0 ? 0 : 100.0 * branded / hits));
    }

    private PiiFinding iban(ColumnName name, Sample values) {
        Map<String, Integer> countries = new HashMap<>();
        long hits = 0;
        for (Map.Entry<String, Integer> e : values.counts().entrySet()) {
            String c = Validators.ibanCountry(e.getKey());
            if (c != null) {
                countries.merge(c, e.getValue(), Integer::sum);
                hits += e.getValue();
            }
        }
        double s = (double) hits / values.size();
        boolean hint = name.hasAny("iban", "bank_account", "account_number");
        String top = majority(countries, hits * 0.6);
        return finding(name.raw(), PiiKind.IBAN, s, 0.8, 1.0, hint, top == null ? null : IBAN_LOCALES.get(top),
                countries.isEmpty() ? null : String.join(",", new TreeSet<>(countries.keySet())), values.size(),
                pct(s, values.size(), "are IBANs passing the mod-97 check"));
    }

    private static final Map<String, String> IBAN_LOCALES = Map.ofEntries(Map.entry("DE", "de-DE"),
            Map.entry("FR", "fr-FR"), Map.entry("GB", "en-GB"), Map.entry("ES", "es-ES"), Map.entry("IT", "it-IT"),
            Map.entry("NL", "nl-NL"), Map.entry("BE", "nl-BE"), Map.entry("AT", "de-AT"), Map.entry("CH", "de-CH"),
            Map.entry("IE", "en-IE"), Map.entry("PT", "pt-PT"), Map.entry("PL", "pl-PL"), Map.entry("SE", "sv-SE"),
            Map.entry("DK", "da-DK"), Map.entry("NO", "nb-NO"), Map.entry("FI", "fi-FI"));

    private PiiFinding nationalId(ColumnName name, Sample values) {
        boolean hint = name.hasAny("ssn", "social_security", "social_security_number", "national_id", "nino",
                "national_insurance", "national_insurance_number", "tax_id", "tin", "sin", "passport", "id_number");
        double written = values.share(Validators::looksLikeSsn);
        double valid = values.share(Validators::isValidSsn);
        double nino = values.share(Validators::isNino);
        if (nino > written) {
            return finding(name.raw(), PiiKind.NATIONAL_ID, nino, 0.6, 0.95, hint, "en-GB", "UK_NINO", values.size(),
                    pct(nino, values.size(), "are UK National Insurance numbers"));
        }
        // the written form alone is common for codes; issued SSNs avoid area 000, 666 and 900-999, random codes do not
        double validAmongWritten = written == 0 ? 0 : valid / written;
        double strength = validAmongWritten >= 0.99 ? 1.0 : validAmongWritten >= 0.96 ? 0.75 : 0.35;
        PiiFinding f = finding(name.raw(), PiiKind.NATIONAL_ID, written, 0.6, 0.95 * strength, hint, "en-US", "US_SSN",
                values.size(), pct(written, values.size(), "are written as US SSNs")
                        + String.format(Locale.ROOT, ", %.1f%% of those in issued ranges", 100 * validAmongWritten));
        return f;
    }

    private PiiFinding ip(ColumnName name, Sample values) {
        double v4 = values.share(Validators::isIpv4);
        double v6 = values.share(Validators::isIpv6);
        boolean hint = name.hasAny("ip", "ip_address", "ipaddress", "ipv4", "ipv6", "client_ip", "remote_addr",
                "source_ip", "src_ip", "dst_ip");
        double s = v4 + v6;
        String format = v4 > 0 && v6 > 0 ? "IPV4,IPV6" : v6 > 0 ? "IPV6" : "IPV4";
        return finding(name.raw(), PiiKind.IP_ADDRESS, s, 0.7, 0.95, hint, null, format, values.size(),
                pct(s, values.size(), "are IP addresses"));
    }

    /** Words of a column name that say its date is an event in a record's life, not the person's birth. */
    private static final String[] EVENT_WORDS = {"debut", "hire", "hired", "start", "started", "end", "ended", "created", "opened",
            "closed", "joined", "since", "signup", "registered", "registration", "game", "visit", "order", "admission", "admitted",
            "discharge", "discharged", "issued", "expiry", "expires", "final", "first", "last", "death", "died", "married",
            "purchase", "purchased", "updated", "modified", "enrolled", "enrollment", "graduation", "graduated", "retired"};

    private PiiFinding dateOfBirth(ColumnName name, Column column, Sample values) {
        boolean hint = name.hasAny("dob", "birth", "birthday", "birthdate", "date_of_birth", "birth_date", "born",
                "geburtsdatum", "fecha_nacimiento", "date_naissance");
        String pattern = column.datePattern();
        if (pattern == null || DateTimeFormats.hasTime(pattern)) {
            return hint ? finding(name.raw(), PiiKind.DATE_OF_BIRTH, 0, 0.9, 0.9, true, null, pattern, values.size(), "") : null;
        }
        double[] ages = new double[values.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : values.counts().entrySet()) {
            double t = DateTimeFormats.parse(e.getKey(), pattern);
            if (!Double.isNaN(t)) {
                double age = (today.toEpochDay() * 86_400_000.0 - t) / (365.2425 * 86_400_000.0);
                Arrays.fill(ages, n, n + e.getValue(), age);
                n += e.getValue();
            }
        }
        ages = Arrays.copyOf(ages, n);
        Arrays.sort(ages);
        if (ages.length == 0) {
            return null;
        }
        double plausible = Arrays.stream(ages).filter(a -> a >= 0 && a <= 120).count() / (double) ages.length;
        double median = ages[ages.length / 2];
        double iqr = ages[(ages.length * 3) / 4] - ages[ages.length / 4];
        // without a name hint, only the age profile of a population (adults of all ages) counts as evidence, and not for a
        // date its name ties to an event of the record (a debut, a hiring, an opening): those span decades as birth dates do
        boolean population = plausible >= 0.99 && median >= 25 && median <= 70 && iqr >= 10;
        boolean event = name.hasAny(EVENT_WORDS);
        double s = hint ? plausible : (population && !event ? plausible : 0);
        return finding(name.raw(), PiiKind.DATE_OF_BIRTH, s, 0.9, hint ? 0.85 : 0.6, hint, null, pattern, values.size(),
                String.format(Locale.ROOT, "dates imply ages with median %.0f years (IQR %.0f), %.1f%% between 0 and 120",
                        median, iqr, 100 * plausible));
    }

    private PiiFinding address(ColumnName name, Sample values) {
        int us = 0;
        int de = 0;
        int fr = 0;
        for (Map.Entry<String, Integer> e : values.counts().entrySet()) {
            String locale = Validators.streetAddressLocale(e.getKey());
            if ("en-US".equals(locale)) {
                us += e.getValue();
            } else if ("de-DE".equals(locale)) {
                de += e.getValue();
            } else if ("fr-FR".equals(locale)) {
                fr += e.getValue();
            }
        }
        double s = (double) (us + de + fr) / values.size();
        boolean hint = name.hasAny("address", "street", "street_address", "addr", "address_line", "address_line_1",
                "address1", "home_address", "mailing_address", "strasse", "adresse");
        String locale = us >= de && us >= fr ? "en-US" : de >= fr ? "de-DE" : "fr-FR";
        return finding(name.raw(), PiiKind.STREET_ADDRESS, s, 0.6, 0.9, hint, s > 0 ? locale : null, null, values.size(),
                pct(s, values.size(), "are street addresses"));
    }

    private PiiFinding personName(ColumnName name, Column column, Sample values) {
        boolean fullHint = name.hasAny("name", "full_name", "fullname", "person", "customer", "customer_name",
                "patient", "patient_name", "employee_name", "contact", "contact_name", "holder", "account_holder",
                "cardholder", "owner_name", "client_name", "student_name", "applicant");
        boolean firstHint = name.hasAny("first_name", "firstname", "given_name", "forename", "fname", "vorname", "prenom");
        boolean lastHint = name.hasAny("last_name", "lastname", "surname", "family_name", "lname", "nachname", "nom");
        boolean notAPerson = name.hasAny("file", "file_name", "company", "company_name", "product", "product_name",
                "user_name", "username", "host", "hostname", "city", "country", "street", "brand", "category", "job",
                "title", "department", "team", "project", "app", "table", "column", "field", "domain", "organization",
                "org", "school", "university", "hospital", "store", "shop", "vendor", "supplier", "merchant", "bank",
                "event", "display_name", "screen_name", "nickname", "state", "region", "county", "district");
        boolean hint = (fullHint || firstHint || lastHint) && !notAPerson;
        NameShapes.Summary shapes = NameShapes.summarize(values);
        double distinctRatio = column.count() == 0 ? 0 : Math.min(1.0, (double) column.distinct() / Math.min(column.count(), 1000));
        // names are many and varied: a column of 30 distinct words is a category list, not people
        boolean varied = distinctRatio >= 0.15 || column.distinct() >= 200;
        boolean dictionary = shapes.dictionaryShare() >= 0.15 || (hint && shapes.dictionaryShare() >= 0.03);
        double s = varied && dictionary ? shapes.nameShare() : 0;
        String format = firstHint ? "first" : lastHint ? "last" : shapes.multiTokenShare() >= 0.5 ? "full"
                : shapes.firstHits() >= shapes.lastHits() * 1.5 ? "first" : shapes.lastHits() >= shapes.firstHits() * 1.5 ? "last" : "single";
        return finding(name.raw(), PiiKind.PERSON_NAME, s, 0.85, hint ? 0.85 : 0.75, hint, null, format, values.size(),
                pct(shapes.nameShare(), values.size(), "are shaped like personal names")
                        + String.format(Locale.ROOT, ", %.1f%% contain a common given or family name", 100 * shapes.dictionaryShare()));
    }

    private static final Pattern EMBEDDED_SSN = Pattern.compile("(?<![\\w-])\\d{3}-\\d{2}-\\d{4}(?![\\w-])");
    private static final Pattern EMBEDDED_CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
    private static final Pattern EMBEDDED_IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern EMBEDDED_IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");
    private static final Pattern EMBEDDED_NAME = Pattern.compile("\\b(\\p{Lu}\\p{Ll}+)\\s+(\\p{Lu}\\p{Ll}+)\\b");

    /**
     * Text that mentions personal data. Also categorical and identifier columns: notes whose other
     * values are a few canned phrases ("Resolved", "Call back later") have few distinct values and
     * are typed categorical, yet the values that mention someone are personal data all the same.
     * A kind counts when at least two distinct values hold it (one text repeated is no one's data).
     */
    private PiiFinding freeText(ColumnName name, Column column, Sample values) {
        ColumnType type = column.type();
        if (values.size() == 0 || !(type == ColumnType.TEXT || type == ColumnType.CATEGORICAL || type == ColumnType.IDENTIFIER)) {
            return null;
        }
        Map<PiiKind, Integer> kinds = new EnumMap<>(PiiKind.class);
        Map<PiiKind, Integer> distinctKinds = new EnumMap<>(PiiKind.class);
        List<Set<PiiKind>> perValue = new ArrayList<>(values.counts().size());
        long cardRuns = 0;
        long luhnRuns = 0;
        for (String v : values.counts().keySet()) {
            if (v.length() > 20_000) {
                v = v.substring(0, 20_000);
            }
            Set<PiiKind> found = new HashSet<>();
            perValue.add(found);
            if (!hasWhitespace(v)) {
                // one token is no text: whether it is an identifier of some kind the kind's own check decided
                continue;
            }
            if (Validators.mentionsEmail(v)) {
                found.add(PiiKind.EMAIL);
            }
            if (EMBEDDED_SSN.matcher(v).find() && anyMatch(EMBEDDED_SSN, v, Validators::isValidSsn)) {
                found.add(PiiKind.NATIONAL_ID);
            }
            if (Validators.mentionsPhone(v)) {
                found.add(PiiKind.PHONE);
            }
            int[] runs = cardRuns(v);
            cardRuns += runs[0];
            luhnRuns += runs[1];
            if (runs[1] > 0) {
                found.add(PiiKind.CREDIT_CARD);
            }
            if (anyMatch(EMBEDDED_IBAN, v, c -> Validators.ibanCountry(c) != null)) {
                found.add(PiiKind.IBAN);
            }
            if (anyMatch(EMBEDDED_IPV4, v, Validators::isIpv4)) {
                found.add(PiiKind.IP_ADDRESS);
            }
            Matcher m = EMBEDDED_NAME.matcher(v);
            while (m.find()) {
                if (Dictionaries.FIRST_NAMES.contains(m.group(1).toLowerCase(Locale.ROOT))
                        && Dictionaries.LAST_NAMES.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                    found.add(PiiKind.PERSON_NAME);
                    break;
                }
            }
        }
        // one number in ten passes Luhn by chance: card numbers in text count only when most card-length numbers pass
        boolean cards = luhnRuns >= 0.5 * cardRuns;
        int withPii = 0;
        int i = 0;
        for (int count : values.counts().values()) {
            Set<PiiKind> found = perValue.get(i++);
            if (!cards) {
                found.remove(PiiKind.CREDIT_CARD);
            }
            if (!found.isEmpty()) {
                withPii += count;
                found.forEach(k -> {
                    kinds.merge(k, count, Integer::sum);
                    distinctKinds.merge(k, 1, Integer::sum);
                });
            }
        }
        double s = (double) withPii / values.size();
        List<PiiKind> embedded = distinctKinds.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).toList();
        if (s < 0.02 || embedded.isEmpty()) {
            return null;
        }
        double confidence = round(Math.min(0.95, 0.55 + s));
        List<String> evidence = new ArrayList<>();
        evidence.add(pct(s, values.size(), "of free text contain personal data"));
        kinds.forEach((k, n) -> evidence.add(k + " in " + n + " sampled values"));
        return new PiiFinding(name.raw(), PiiKind.FREE_TEXT_WITH_PII, confidence, null, null, round(s), values.size(),
                evidence, embedded);
    }

    private static boolean hasWhitespace(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isWhitespace(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Card-length digit runs in a text and how many of them are card numbers. */
    private static int[] cardRuns(String v) {
        int[] runs = new int[2];
        Matcher m = EMBEDDED_CARD.matcher(v);
        while (m.find()) {
            runs[0]++;
            if (Validators.isCardNumber(m.group().strip())) {
                runs[1]++;
            }
        }
        return runs;
    }

    private static boolean anyMatch(Pattern p, String v, java.util.function.Predicate<String> valid) {
        Matcher m = p.matcher(v);
        while (m.find()) {
            if (valid.test(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static String majority(Map<String, Integer> counts, double atLeast) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= atLeast)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
