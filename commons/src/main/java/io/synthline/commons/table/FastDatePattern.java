package io.synthline.commons.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link java.time.format.DateTimeFormatter} pattern compiled to a direct character scanner, for
 * the patterns inference tries on every cell. Parsing through {@code DateTimeFormatter} costs
 * microseconds and an exception per mismatch; this costs tens of nanoseconds and returns a
 * sentinel. Supports {@code uuuu yyyy MM M dd d HH H mm ss SSS XXX}, quoted literals and single
 * literal characters; {@link #compile} returns null for anything else, and callers fall back to
 * the formatter. Results equal the STRICT formatter's (checked by a test).
 */
final class FastDatePattern {
    static final long NO_MATCH = Long.MIN_VALUE;

    private enum Field { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MILLIS, OFFSET, LITERAL }

    private record Token(Field field, int minWidth, int maxWidth, char literal) {
    }

    /*
     * The tokens as parallel arrays of primitives: parse runs once per cell and candidate, and
     * walking these costs no pointer chasing (Token objects, enum ordinals) per token.
     */
    private final int[] fields;
    private final int[] minWidths;
    private final int[] maxWidths;
    private final char[] literals;

    /*
     * Most patterns (ISO dates and timestamps, dd/MM/uuuu...) give every part one width, so each
     * field sits at a fixed offset and a cell either has exactly the pattern's length or does not
     * match: such patterns are read by direct indexing, without walking the tokens.
     */
    /** The one length every matching text has, or -1 when some part's width varies. */
    private final int fixedLength;
    /** Offset of each field (indexed by ordinal, YEAR to MILLIS) in a fixed-width text, -1 when absent. */
    private final int[] fieldAt = new int[MILLIS_ORDINAL + 1];
    private final int[] literalAt;
    private final char[] literalChars;

    private FastDatePattern(List<Token> tokens) {
        int n = tokens.size();
        fields = new int[n];
        minWidths = new int[n];
        maxWidths = new int[n];
        literals = new char[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            fields[i] = t.field.ordinal();
            minWidths[i] = t.minWidth;
            maxWidths[i] = t.maxWidth;
            literals[i] = t.literal;
        }
        Arrays.fill(fieldAt, -1);
        int offset = 0;
        int literalCount = 0;
        boolean fixed = true;
        for (Token t : tokens) {
            fixed &= t.minWidth == t.maxWidth && t.field != Field.OFFSET;
            literalCount += t.field == Field.LITERAL ? 1 : 0;
        }
        literalAt = new int[literalCount];
        literalChars = new char[literalCount];
        int l = 0;
        for (Token t : tokens) {
            if (t.field == Field.LITERAL) {
                literalAt[l] = offset;
                literalChars[l++] = t.literal;
            } else if (t.field != Field.OFFSET) {
                fieldAt[t.field.ordinal()] = offset;
            }
            offset += t.minWidth;
        }
        fixedLength = fixed ? offset : -1;
    }

    private static final int YEAR = Field.YEAR.ordinal();
    private static final int MONTH = Field.MONTH.ordinal();
    private static final int DAY = Field.DAY.ordinal();
    private static final int HOUR = Field.HOUR.ordinal();
    private static final int MINUTE = Field.MINUTE.ordinal();
    private static final int SECOND = Field.SECOND.ordinal();
    private static final int MILLIS = Field.MILLIS.ordinal();
    private static final int OFFSET = Field.OFFSET.ordinal();
    private static final int LITERAL = Field.LITERAL.ordinal();
    private static final int MILLIS_ORDINAL = Field.MILLIS.ordinal();

    static FastDatePattern compile(String pattern) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0 || end == i + 1) {
                    return null;
                }
                for (int k = i + 1; k < end; k++) {
                    out.add(new Token(Field.LITERAL, 1, 1, pattern.charAt(k)));
                }
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                out.add(new Token(Field.LITERAL, 1, 1, c));
                i++;
                continue;
            }
            int run = 1;
            while (i + run < n && pattern.charAt(i + run) == c) {
                run++;
            }
            Token t = switch (c) {
                case 'u', 'y' -> run == 4 ? new Token(Field.YEAR, 4, 4, c) : null;
                case 'M' -> run <= 2 ? new Token(Field.MONTH, run, 2, c) : null;
                case 'd' -> run <= 2 ? new Token(Field.DAY, run, 2, c) : null;
                case 'H' -> run <= 2 ? new Token(Field.HOUR, run, 2, c) : null;
                case 'm' -> run == 2 ? new Token(Field.MINUTE, 2, 2, c) : null;
                case 's' -> run == 2 ? new Token(Field.SECOND, 2, 2, c) : null;
                case 'S' -> run == 3 ? new Token(Field.MILLIS, 3, 3, c) : null;
                case 'X' -> run == 3 ? new Token(Field.OFFSET, 1, 6, c) : null;
                default -> null;
            };
            if (t == null) {
                return null;
            }
            out.add(t);
            i += run;
        }
        return new FastDatePattern(out);
    }

    /** Epoch milliseconds (values without offset read as UTC), or {@link #NO_MATCH}. */
    long parse(char[] c, int o, int n) {
        if (fixedLength >= 0) {
            return parseFixed(c, o, n);
        }
        int year = 1970;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int millis = 0;
        int offsetSeconds = 0;
        int pos = 0;
        for (int k = 0; k < fields.length; k++) {
            int field = fields[k];
            if (field == LITERAL) {
                if (pos >= n || c[o + pos] != literals[k]) {
                    return NO_MATCH;
                }
                pos++;
                continue;
            }
            if (field == OFFSET) {
                if (pos >= n) {
                    return NO_MATCH;
                }
                char sign = c[o + pos];
                if (sign == 'Z') {
                    pos++;
                    continue;
                }
                if ((sign != '+' && sign != '-') || pos + 6 > n || c[o + pos + 3] != ':') {
                    return NO_MATCH;
                }
                int oh = twoDigits(c, o + pos + 1);
                int om = twoDigits(c, o + pos + 4);
                if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                    return NO_MATCH;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
                pos += 6;
                continue;
            }
            int value = 0;
            int width = 0;
            int maxWidth = maxWidths[k];
            while (width < maxWidth && pos < n) {
                char ch = c[o + pos];
                if (ch < '0' || ch > '9') {
                    break;
                }
                value = value * 10 + (ch - '0');
                width++;
                pos++;
            }
            if (width < minWidths[k]) {
                return NO_MATCH;
            }
            if (field == YEAR) {
                year = value;
            } else if (field == MONTH) {
                month = value;
            } else if (field == DAY) {
                day = value;
            } else if (field == HOUR) {
                hour = value;
            } else if (field == MINUTE) {
                minute = value;
            } else if (field == SECOND) {
                second = value;
            } else if (field == MILLIS) {
                millis = value;
            } else {
                throw new IllegalStateException();
            }
        }
        if (pos != n) {
            return NO_MATCH;
        }
        return epochMillis(year, month, day, hour, minute, second, millis, offsetSeconds);
    }

    private long parseFixed(char[] c, int o, int n) {
        if (n != fixedLength) {
            return NO_MATCH;
        }
        for (int k = 0; k < literalAt.length; k++) {
            if (c[o + literalAt[k]] != literalChars[k]) {
                return NO_MATCH;
            }
        }
        int year = digits(c, o, fieldAt[YEAR], 4, 1970);
        int month = digits(c, o, fieldAt[MONTH], 2, 1);
        int day = digits(c, o, fieldAt[DAY], 2, 1);
        int hour = digits(c, o, fieldAt[HOUR], 2, 0);
        int minute = digits(c, o, fieldAt[MINUTE], 2, 0);
        int second = digits(c, o, fieldAt[SECOND], 2, 0);
        int millis = digits(c, o, fieldAt[MILLIS], 3, 0);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return NO_MATCH;
        }
        return epochMillis(year, month, day, hour, minute, second, millis, 0);
    }

    /** The number written by the {@code width} digits at {@code c[o + at]}, {@code absent} when {@code at} is -1, -1 when one is not a digit. */
    private static int digits(char[] c, int o, int at, int width, int absent) {
        if (at < 0) {
            return absent;
        }
        int value = 0;
        for (int i = o + at, end = i + width; i < end; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static long epochMillis(int year, int month, int day, int hour, int minute, int second, int millis,
            int offsetSeconds) {
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return NO_MATCH;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 86_400L + hour * 3600L + minute * 60L + second) - offsetSeconds) * 1000L + millis;
    }

    private static int twoDigits(char[] c, int at) {
        char a = c[at];
        char b = c[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
