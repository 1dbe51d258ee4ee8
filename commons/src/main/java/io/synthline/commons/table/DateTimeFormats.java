package io.synthline.commons.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Datetime patterns the platform recognises, and the conversion between text and epoch
 * milliseconds (UTC; values without an offset are read as UTC wall-clock time so that writing
 * them back reproduces the original text).
 */
public final class DateTimeFormats {
    public static final String ISO_DATE = "uuuu-MM-dd";
    public static final String ISO_DATE_TIME = "uuuu-MM-dd'T'HH:mm:ss";

    /** Tried in this order by inference; the first that parses every value wins. */
    public static final List<String> CANDIDATES = List.of(
            ISO_DATE,
            "uuuu-MM-dd HH:mm:ss",
            ISO_DATE_TIME,
            "uuuu-MM-dd HH:mm:ss.SSS",
            "uuuu-MM-dd'T'HH:mm:ss.SSS",
            "uuuu-MM-dd'T'HH:mm:ssXXX",
            "uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
            "uuuu-MM-dd HH:mm",
            "uuuu-MM-dd'T'HH:mm",
            "uuuu/MM/dd",
            "MM/dd/uuuu",
            "dd/MM/uuuu",
            "M/d/uuuu",
            "d/M/uuuu",
            "dd.MM.uuuu",
            "d.M.uuuu",
            "MM/dd/uuuu HH:mm",
            "MM/dd/uuuu HH:mm:ss",
            "M/d/uuuu H:mm",
            "dd/MM/uuuu HH:mm",
            "dd/MM/uuuu HH:mm:ss");

    private static final Map<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Parser> PARSERS = new ConcurrentHashMap<>();

    private DateTimeFormats() {
    }

    public static DateTimeFormatter formatter(String pattern) {
        return CACHE.computeIfAbsent(pattern,
                p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC));
    }

    public static boolean hasTime(String pattern) {
        return pattern.contains("H");
    }

    public static boolean hasOffset(String pattern) {
        return pattern.contains("X");
    }

    /** Epoch milliseconds, or {@code Double.NaN} when the text does not match the pattern. */
    public static double parse(CharSequence text, String pattern) {
        return parser(pattern).parse(text);
    }

    /**
     * Reads texts written in one pattern. Code that parses many cells holds on to one instead of
     * calling {@link #parse(CharSequence, String)}, which looks the pattern up every time.
     */
    public static Parser parser(String pattern) {
        return PARSERS.computeIfAbsent(pattern, p -> new Parser(p, FastDatePattern.compile(p)));
    }

    /** A compiled pattern; thread-safe. */
    public static final class Parser {
        private final String pattern;
        /** Null when the pattern has parts the fast scanner does not know: then the formatter reads it. */
        private final FastDatePattern fast;

        private Parser(String pattern, FastDatePattern fast) {
            this.pattern = pattern;
            this.fast = fast;
        }

        public String pattern() {
            return pattern;
        }

        /** Epoch milliseconds, or {@code Double.NaN} when the text does not match the pattern. */
        public double parse(CharSequence text) {
            if (text == null) {
                return Double.NaN;
            }
            return parse(TextScratch.copy(text), 0, text.length());
        }

        /** {@link #parse(CharSequence)} of {@code chars[start..start+length)}, for per-cell loops. */
        public double parse(char[] chars, int start, int length) {
            if (length < 6 || !Character.isDigit(chars[start])) {
                return Double.NaN;
            }
            if (fast != null) {
                long millis = fast.parse(chars, start, length);
                return millis == FastDatePattern.NO_MATCH ? Double.NaN : millis;
            }
            return parseWithFormatter(new String(chars, start, length), pattern);
        }
    }

    /** The reference path: {@link DateTimeFormatter} in STRICT mode. */
    static double parseWithFormatter(CharSequence text, String pattern) {
        try {
            TemporalAccessor t = formatter(pattern).parse(text);
            if (hasOffset(pattern)) {
                return OffsetDateTime.from(t).toInstant().toEpochMilli();
            }
            if (hasTime(pattern)) {
                return LocalDateTime.from(t).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return LocalDate.from(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Double.NaN;
        }
    }

    public static String format(double epochMillis, String pattern) {
        Instant instant = Instant.ofEpochMilli(Math.round(epochMillis));
        if (hasOffset(pattern)) {
            return formatter(pattern).format(instant.atOffset(ZoneOffset.UTC));
        }
        if (hasTime(pattern)) {
            return formatter(pattern).format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        return formatter(pattern).format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
