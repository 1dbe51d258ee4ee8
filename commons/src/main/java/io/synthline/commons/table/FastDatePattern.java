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
    /** Offset of each field in a fixed-width text, -1 when absent. */
    private final int yearAt;
    private final int monthAt;
    private final int dayAt;
    private final int hourAt;
    private final int minuteAt;
    private final int secondAt;
    private final int millisAt;
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
        int[] fieldAt = new int[Field.values().length];
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
        yearAt = fieldAt[YEAR];
        monthAt = fieldAt[MONTH];
        dayAt = fieldAt[DAY];
        hourAt = fieldAt[HOUR];
        minuteAt = fieldAt[MINUTE];
        secondAt = fieldAt[SECOND];
        millisAt = fieldAt[MILLIS];
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
                int oh = pair(c, o + pos + 1);
                int om = pair(c, o + pos + 4);
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
        int year = yearAt < 0 ? 1970 : pair(c, o + yearAt) * 100 + pair(c, o + yearAt + 2);
        int month = monthAt < 0 ? 1 : pair(c, o + monthAt);
        int day = dayAt < 0 ? 1 : pair(c, o + dayAt);
        int hour = hourAt < 0 ? 0 : pair(c, o + hourAt);
        int minute = minuteAt < 0 ? 0 : pair(c, o + minuteAt);
        int second = secondAt < 0 ? 0 : pair(c, o + secondAt);
        int millis = millisAt < 0 ? 0 : pair(c, o + millisAt) * 10 + digit(c[o + millisAt + 2]);
        // a non-digit made one of them negative (pair and digit go below zero for it)
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return NO_MATCH;
        }
        return epochMillis(year, month, day, hour, minute, second, millis, 0);
    }

    /** Two digits as a number; negative (far enough that a multiple of 100 plus a pair stays negative) when either is not a digit. */
    private static int pair(char[] c, int at) {
        int a = c[at] - '0';
        int b = c[at + 1] - '0';
        return (a | b | 9 - a | 9 - b) < 0 ? -10_000 : a * 10 + b;
    }

    private static int digit(char ch) {
        int d = ch - '0';
        return (d | 9 - d) < 0 ? -10_000 : d;
    }

    private static long epochMillis(int year, int month, int day, int hour, int minute, int second, int millis,
            int offsetSeconds) {
        // every month has 28 days: the month's length (a jump on the month, which random dates mispredict) is rarely needed
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return NO_MATCH;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 86_400L + hour * 3600L + minute * 60L + second) - offsetSeconds) * 1000L + millis;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), for four-digit years. */
    private static int daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
