package io.synthline.commons.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast number and date scanners agree with the JDK's parsers they replace. */
class FastParsingTest {

    /** The original definition: strict syntax checks, then the JDK parsers. */
    private static double referenceParse(String s) {
        if (NumberText.isInteger(s)) {
            return Long.parseLong(s);
        }
        if (NumberText.isDecimal(s)) {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? Double.NaN : v;
        }
        return Double.NaN;
    }

    @Test
    void booleansInAnyAsciiCaseAndNothingElse() {
        for (String b : new String[] {"true", "TRUE", "False", "yes", "YeS", "no", "NO"}) {
            assertThat(NumberText.isBoolean(b)).as(b).isTrue();
        }
        // U+017F (long s) and U+212A (Kelvin sign) upper-case to ASCII letters; they are not booleans
        for (String t : new String[] {"", "n", "tru", "truee", "ye", "yeah", "0", "1", "on", "off", "ye\u017f",
                "fal\u017fe", "t", "f", "y"}) {
            assertThat(NumberText.isBoolean(t)).as(t).isFalse();
        }
    }

    @Test
    void numbersParseBitForBitLikeTheJdk() {
        List<String> cases = new ArrayList<>(List.of("0", "-0", "+7", "007", "0.5", "00.5", ".5", "5.", "-.5e3", "1e400",
                "1e-400", "1E+5", "1e", "--1", "1.2.3", "", "-", "NaN", "Infinity", "0x1p3", "1d", "12345678901234567890",
                "123456789012345678", "9007199254740993", "0.1", "0.30000000000000004", "1e22", "1e23", "123.456e-20",
                " 1", "1 ", "4.35", "2.675", "1,5"));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 40_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-10, 12));
                case 1 -> random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) / Math.pow(10, random.nextInt(0, 8));
                case 2 -> Math.round(random.nextDouble() * 100_000) / 100.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (Double.isFinite(v)) {
                cases.add(Double.toString(v));
                cases.add(String.format(java.util.Locale.ROOT, "%.6f", v));
            }
            cases.add(Long.toString(random.nextLong()));
            cases.add(random.nextInt(1000) + "." + String.format("%0" + random.nextInt(1, 20) + "d", random.nextInt(1_000_000)));
        }
        for (String s : cases) {
            double expected = referenceParse(s);
            double actual = NumberText.parse(s);
            assertThat(Double.doubleToLongBits(actual)).as("'%s' -> %s vs %s", s, actual, expected)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
    }

    @Test
    void datesParseLikeTheStrictFormatter() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> garbage = List.of("2024-02-30", "2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01T25:00:00",
                "2024-01-01T10:60:00", "2024-01-01 10:00", "13/13/2024", "1/1/24", "2024-01-01T10:00:00+19:00",
                "2024-01-01T10:00:00+05:30", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00-00:00", "31.12.1999", "0001-01-01",
                "2000-02-29 23:59:59.999", "x2024-01-01", "2024-01-01x", "1/2/2020 3:04", "2024-01-0a", "2024/01-01",
                "2024-01-01 10:00:0x", "+024-01-01", "2024-01-01 10:00:00 ", " 2024-01-01", "2024-01-01T10:00:00.12x",
                "2024-00-10", "2024-01-00", "2023-11-31", "12/31/2024 24:00", "31/12/2024 23:59:60", "2024-01-01 1:00:00");
        // every pattern also sees text written in every other pattern: near misses of the right length
        List<String> others = new ArrayList<>();
        for (String pattern : DateTimeFormats.CANDIDATES) {
            for (int i = 0; i < 40; i++) {
                others.add(DateTimeFormats.format(random.nextLong(-2_208_988_800_000L, 4_102_444_800_000L), pattern));
            }
        }
        for (String pattern : DateTimeFormats.CANDIDATES) {
            assertThat(FastDatePattern.compile(pattern)).as(pattern).isNotNull();
            List<String> texts = new ArrayList<>(garbage);
            texts.addAll(others);
            for (int i = 0; i < 3_000; i++) {
                long seconds = random.nextLong(-2_208_988_800L, 4_102_444_800L);
                LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, random.nextInt(1000) * 1_000_000, ZoneOffset.UTC);
                texts.add(DateTimeFormats.format(t.toInstant(ZoneOffset.UTC).toEpochMilli(), pattern));
            }
            for (String text : texts) {
                double expected = DateTimeFormats.parseWithFormatter(text, pattern);
                double actual = DateTimeFormats.parse(text, pattern);
                assertThat(Double.doubleToLongBits(actual)).as("%s with %s: %s vs %s", text, pattern, actual, expected)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        }
        assertThat(DateTimeFormats.parse("2024-02-29T10:00:00+01:00", "uuuu-MM-dd'T'HH:mm:ssXXX"))
                .isEqualTo(Instant.parse("2024-02-29T09:00:00Z").toEpochMilli());
    }
}
