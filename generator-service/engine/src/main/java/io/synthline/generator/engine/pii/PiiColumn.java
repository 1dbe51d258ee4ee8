package io.synthline.generator.engine.pii;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.pii.Validators;
import io.synthline.commons.table.Column;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.format.Shapes;
import io.synthline.generator.engine.format.TextPattern;
import io.synthline.generator.engine.random.FeistelPermutation;
import io.synthline.generator.engine.random.Seeds;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one PII column is replaced. Nothing of the real values is learned except their shape
 * (for kinds whose format varies by source, e.g. phone numbers), whether they were unique, the
 * share of missing values. Real values are never emitted: a fitted column checks against hashes
 * of them held in memory only (they are never written: a stored model's generation checks
 * against its {@link io.synthline.generator.engine.disclosure.CopyGuard}). Values are made per row from the row's persona (consistent across the row's PII
 * columns); unique columns get a collision-free suffix or key derived from the row index.
 */
public final class PiiColumn {
    private static final int ATTEMPTS = 16;
    private static final int VALIDITY_REDRAWS = 64;
    /** Values of one shape needed before its digit positions are narrowed to the digits seen. */
    private static final int DIGIT_RANGE_VALUES = 200;
    private static final long CODE_SPACE = 36L * 36 * 36 * 36 * 36 * 36;

    private final String column;
    private final ReplacementKind kind;
    private final Locale locale;
    private final boolean unique;
    private final double missingShare;
    private final TextPattern shape;
    /** For {@link ReplacementKind#DATE_OF_BIRTH}: the format of the real values (a {@link DateTimeFormatter} pattern). */
    private final String datePattern;
    /** Hashes of the real identifying values, in memory after a fit, empty once read back (never stored). */
    private final long[] sourceHashes;
    private final long key;

    /** Formats tried, in order, on the real values of a date-of-birth column; the first that reads all of them wins. */
    static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "MM/dd/yyyy", "dd/MM/yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
            "yyyyMMdd", "d/M/yyyy", "M/d/yyyy", "dd-MM-yyyy");
    private static final LocalDate BIRTHS_FROM = LocalDate.of(1930, 1, 1);
    private static final int BIRTH_DAYS = (int) (LocalDate.of(2005, 12, 31).toEpochDay() - BIRTHS_FROM.toEpochDay() + 1);

    private PiiColumn(String column, ReplacementKind kind, Locale locale, boolean unique, double missingShare, TextPattern shape,
            String datePattern, long[] sourceHashes, long key) {
        this.column = column;
        this.kind = kind;
        this.locale = locale;
        this.unique = unique;
        this.missingShare = missingShare;
        this.shape = shape;
        this.datePattern = datePattern;
        this.sourceHashes = sourceHashes;
        this.key = key;
    }

    /**
     * @param yearLearned for {@link ReplacementKind#DATE_OF_BIRTH}: the model learns the year of birth (and
     *                    its missing values), so this column only places a day in it
     */
    public static PiiColumn learn(Column source, ReplacementKind kind, Locale locale, long seed, boolean yearLearned) {
        Set<String> seen = new HashSet<>();
        boolean unique = true;
        int missing = 0;
        List<String> values = new ArrayList<>();
        for (int r = 0; r < source.size(); r++) {
            String v = source.text(r);
            if (v == null) {
                missing++;
                continue;
            }
            values.add(v);
            if (!seen.add(v)) {
                unique = false;
            }
        }
        // only values that identify someone are kept out of the output (and need hashes for that); refusing common
        // values such as first names or birthdays would reveal which of them occur in the data
        long[] hashes = kind.identifying() ? seen.stream().mapToLong(PiiColumn::hash).sorted().distinct().toArray() : new long[0];
        // numbering plans forbid some digits in some places (area codes never start with 0 or 1): kept from the values
        TextPattern shape = !kind.usesShape() ? null : kind == ReplacementKind.PHONE || kind == ReplacementKind.SSN
                ? Shapes.inferWithDigitRanges(values, DIGIT_RANGE_VALUES) : Shapes.infer(values);
        String datePattern = kind == ReplacementKind.DATE_OF_BIRTH ? datePattern(values) : null;
        double missingShare = source.size() == 0 || yearLearned ? 0 : (double) missing / source.size();
        // names, birthdays and places are shared by many people: their uniqueness in a small table is not a key's
        boolean keepUnique = unique && values.size() > 1 && kind.keyLike();
        return new PiiColumn(source.name(), kind, locale, keepUnique, missingShare, shape, datePattern, hashes,
                Seeds.derive(seed, "pii:" + source.name()));
    }

    /** The first of {@link #DATE_PATTERNS} that reads every (of the first 1,000) real values; ISO when none does. */
    static String datePattern(List<String> values) {
        List<String> probe = values.subList(0, Math.min(values.size(), 1000));
        for (String pattern : DATE_PATTERNS) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
            boolean all = !probe.isEmpty();
            for (String v : probe) {
                try {
                    LocalDate.parse(v.strip(), f);
                } catch (DateTimeParseException e) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return pattern;
            }
        }
        return DATE_PATTERNS.getFirst();
    }

    /**
     * A PII column made from its kind alone, with nothing learned from the real values (for
     * differentially private models, where every fact about the rows must go through the
     * privacy accounting): no missing values, no uniqueness, no source hashes, and for the kinds
     * whose format is otherwise copied from the data a common public format (US-style phone
     * numbers, 5-digit ZIP codes, SSNs). {@code shape} needs the real values and is refused.
     *
     * @param datePattern for dates of birth, the column's declared format (schema metadata, public as its type); null: ISO
     */
    public static PiiColumn fromKind(String column, ReplacementKind kind, Locale locale, long seed, String datePattern) {
        TextPattern shape = switch (kind) {
            case PHONE -> TextPattern.compile("\\d{3}-\\d{3}-\\d{4}");
            case ZIP -> TextPattern.compile("\\d{5}");
            case SSN -> TextPattern.compile("\\d{3}-\\d{2}-\\d{4}");
            case SHAPE -> throw new BadInputException("dp-pii-shape", "PII column '" + column + "': the kind 'shape' copies the real"
                    + " values' pattern, which a differentially private model may not read; give a kind or a format constraint (regex)");
            default -> null;
        };
        String dates = kind != ReplacementKind.DATE_OF_BIRTH ? null : datePattern != null ? datePattern : DATE_PATTERNS.getFirst();
        return new PiiColumn(column, kind, locale, false, 0, shape, dates, new long[0], Seeds.derive(seed, "pii:" + column));
    }

    public String column() {
        return column;
    }

    public ReplacementKind kind() {
        return kind;
    }

    public Locale locale() {
        return locale;
    }

    public boolean unique() {
        return unique;
    }

    /** Trimmed and case-folded, so "John@X.com" and "john@x.com " count as the same value. */
    public static String normalised(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The unkeyed 64-bit hash of a normalised value: held in memory only, never written. */
    public static long hash(String value) {
        String v = normalised(value);
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < v.length(); i++) {
            h = (h ^ v.charAt(i)) * 0x100000001B3L;
        }
        return Seeds.mix(h);
    }

    public boolean isSourceValue(String value) {
        return value != null && Arrays.binarySearch(sourceHashes, hash(value)) >= 0;
    }

    /**
     * A worker's generator for this column checked against the real values this column was fitted
     * on (in memory); {@code persona} is shared by the row's PII columns.
     */
    public Generator generator(Persona persona) {
        return new Generator(persona, sourceHashes.length == 0 ? null : this::isSourceValue);
    }

    /** A worker's generator that refuses the values {@code isReal} recognises (a stored model's copy guard); null: none. */
    public Generator generator(Persona persona, java.util.function.Predicate<String> isReal) {
        return new Generator(persona, isReal);
    }

    public static Persona persona(Locale locale) {
        return new Persona(locale);
    }

    /** The persona of row {@code row}: the same for every PII column of the row. */
    public static void resetPersona(Persona persona, long runSeed, long row, int attempt) {
        persona.reset(Seeds.derive(Seeds.derive(runSeed, "persona"), row * 64 + attempt));
    }

    public final class Generator {
        private final Persona persona;
        private final FeistelPermutation codes = new FeistelPermutation(CODE_SPACE, key);
        private final FeistelPermutation keys;
        private final java.util.function.Predicate<String> isReal;

        Generator(Persona persona, java.util.function.Predicate<String> isReal) {
            this.persona = persona;
            this.isReal = isReal;
            this.keys = shape != null && unique ? new FeistelPermutation(Math.max(1, shape.size()), key) : null;
        }

        /** The value of this column for one row; {@code random} is the column's own stream of that row. */
        public String value(long row, java.util.random.RandomGenerator random) {
            if (missingShare > 0 && random.nextDouble() < missingShare) {
                return null;
            }
            if (isReal == null) {
                return make(row, random, 0);
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String v = make(row, random, attempt);
                if (!isReal.test(v)) {
                    return v;
                }
            }
            // a real value keeps coming back (tiny formats): make it unmistakably synthetic
            return make(row, random, 0) + "-" + code(row);
        }

        /**
         * A date of birth in {@code year} (the model's draw; NaN: missing), on a day drawn uniformly
         * from the row's stream: no real date is read, so none is copied, and the learned distribution
         * of ages and its relations to the other columns hold to the year.
         */
        public String birthDate(double year, java.util.random.RandomGenerator random) {
            if (Double.isNaN(year)) {
                return null;
            }
            LocalDate first = LocalDate.of((int) Math.round(year), 1, 1);
            return first.plusDays(random.nextInt(first.lengthOfYear())).format(dateFormat());
        }

        private DateTimeFormatter dateFormat() {
            return DateTimeFormatter.ofPattern(datePattern.replace("yyyy", "uuuu"), Locale.ROOT);
        }

        private String make(long row, java.util.random.RandomGenerator random, int attempt) {
            if (shape != null) {
                if (unique && row < shape.size()) {
                    return shape.decode(keys.apply((row + attempt * 7919L) % shape.size()));
                }
                // random digits in a phone's or SSN's shape are often no valid number (area code 0xx, SSN area 9xx):
                // drawn again until valid, which the real values' shape nearly always allows
                String v = shape.random(random);
                for (int redraw = 0; redraw < VALIDITY_REDRAWS && !validForKind(v); redraw++) {
                    v = shape.random(random);
                }
                return v;
            }
            var faker = persona.faker();
            // every value keeps its kind's format: a key's uniqueness and a redraw's difference go where the format
            // allows them (an e-mail's local part, an address's unit), never digits glued to a name
            String code = unique ? code(row + attempt * CODE_SPACE / ATTEMPTS) : null;
            String retry = attempt == 0 ? "" : Integer.toString(attempt);
            return switch (kind) {
                case FIRST_NAME -> persona.first();
                case LAST_NAME -> persona.last();
                // a real full name came back: another person's name, not the same name with a number
                case FULL_NAME -> attempt == 0 ? persona.first() + " " + persona.last()
                        : faker.name().firstName() + " " + faker.name().lastName();
                case EMAIL -> Persona.slug(persona.first()) + "." + Persona.slug(persona.last()) + (unique ? "." + code : retry)
                        + "@" + persona.emailDomain();
                case USERNAME -> Persona.slug(persona.first()) + "." + Persona.slug(persona.last()) + (unique ? "." + code : retry);
                case STREET_ADDRESS -> faker.address().streetAddress() + (unique ? ", Unit " + code.toUpperCase(Locale.ROOT) : "");
                case CITY -> faker.address().city();
                case STATE -> faker.address().state();
                case COUNTRY -> faker.address().country();
                case COMPANY -> faker.company().name();
                case IBAN -> faker.finance().iban();
                case IP_ADDRESS -> faker.internet().ipV4Address();
                case CREDIT_CARD -> faker.finance().creditCard();
                // from the row's stream, not Datafaker's birthday(): that one depends on today's date
                case DATE_OF_BIRTH -> BIRTHS_FROM.plusDays(random.nextInt(BIRTH_DAYS)).format(dateFormat());
                case FREE_TEXT -> faker.lorem().sentence();
                default -> throw new IllegalStateException("no generator for " + kind);
            };
        }

        private boolean validForKind(String v) {
            return switch (kind) {
                case PHONE -> Validators.isPhone(v);
                case SSN -> !Validators.looksLikeSsn(v) || Validators.isValidSsn(v);
                default -> true;
            };
        }

        private String code(long row) {
            String s = Long.toString(codes.apply(Math.floorMod(row, CODE_SPACE)), 36);
            return "0".repeat(6 - s.length()) + s;
        }
    }

    public void write(ModelOutput out) throws IOException {
        out.writeString(column);
        out.writeString(kind.name());
        out.writeString(locale.toLanguageTag());
        out.writeBoolean(unique);
        out.writeDouble(missingShare);
        // the shape slot holds the date format for dates of birth (a kind older artifacts cannot contain)
        out.writeString(shape != null ? shape.source() : datePattern);
        out.writeLong(key);
    }

    public static PiiColumn read(ModelInput in) throws IOException {
        String column = in.readString();
        ReplacementKind kind = ReplacementKind.valueOf(in.readString());
        Locale locale = Locale.forLanguageTag(in.readString());
        boolean unique = in.readBoolean();
        double missing = in.readDouble();
        String shape = in.readString();
        boolean date = kind == ReplacementKind.DATE_OF_BIRTH;
        return new PiiColumn(column, kind, locale, unique, missing, shape == null || date ? null : TextPattern.compile(shape),
                date ? shape : null, new long[0], in.readLong());
    }
}
