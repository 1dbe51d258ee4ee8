package io.synthline.commons.table;

/**
 * Strict recognition of numbers written in data files. {@link Double#parseDouble} also accepts
 * "NaN", "Infinity", hex floats and a trailing 'd', none of which a data column means as a number;
 * integers with a leading zero (zip codes, account numbers) are codes, not numbers.
 */
public final class NumberText {
    private NumberText() {
    }

    /*
     * Each check exists once, on a range of a char[]: that is how the profiler holds cells, and its
     * per-cell loops then read the array directly. Other text is copied to a per-thread buffer first.
     */

    public static boolean isInteger(CharSequence s) {
        return isInteger(TextScratch.copy(s), 0, s.length());
    }

    public static boolean isDecimal(CharSequence s) {
        return isDecimal(TextScratch.copy(s), 0, s.length());
    }

    /** The value, or NaN when the text is null or not a strict number (see {@link #parse(char[], int, int)}). */
    public static double parse(CharSequence s) {
        if (s == null) {
            return Double.NaN;
        }
        return parse(TextScratch.copy(s), 0, s.length());
    }

    public static boolean isBoolean(CharSequence s) {
        return isBoolean(TextScratch.copy(s), 0, s.length());
    }

    public static boolean isInteger(char[] c, int o, int n) {
        if (n == 0) {
            return false;
        }
        int i = (c[o + 0] == '-' || c[o + 0] == '+') ? 1 : 0;
        int digits = n - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        if (digits > 1 && c[o + i] == '0') {
            return false;
        }
        for (; i < n; i++) {
            char ch = c[o + i];
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean isDecimal(char[] c, int o, int n) {
        int i = 0;
        if (n == 0) {
            return false;
        }
        if (c[o + 0] == '-' || c[o + 0] == '+') {
            i++;
        }
        int intDigits = 0;
        int start = i;
        while (i < n && isDigit(c[o + i])) {
            i++;
            intDigits++;
        }
        if (intDigits > 1 && c[o + start] == '0' && (i == n || c[o + i] != '.')) {
            return false;
        }
        int fracDigits = 0;
        if (i < n && c[o + i] == '.') {
            i++;
            while (i < n && isDigit(c[o + i])) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (c[o + i] == 'e' || c[o + i] == 'E')) {
            i++;
            if (i < n && (c[o + i] == '-' || c[o + i] == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(c[o + i])) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Powers of ten a double holds exactly, for the exact fast path of {@link #parse}. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The value, or NaN when the text is not a strict number ({@link #isInteger} or {@link #isDecimal}).
     * One pass over the characters: when the digits fit 2^53 and the decimal exponent is at most 22 in
     * magnitude, one IEEE multiplication or division of two exact values gives the correctly rounded
     * result (Clinger's fast path); everything else goes to {@link Double#parseDouble}.
     */
    public static double parse(char[] c, int o, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char first = c[o + 0];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        int start = i;
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        while (i < n) {
            char ch = c[o + i];
            if (ch < '0' || ch > '9') {
                break;
            }
            if (significant < 19) {
                mantissa = mantissa * 10 + (ch - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                significant++;
            }
            intDigits++;
            i++;
        }
        int fracDigits = 0;
        boolean dot = i < n && c[o + i] == '.';
        if (intDigits > 1 && c[o + start] == '0' && !dot) {
            return Double.NaN;
        }
        int scale = 0;
        if (dot) {
            i++;
            while (i < n) {
                char ch = c[o + i];
                if (ch < '0' || ch > '9') {
                    break;
                }
                if (significant < 19) {
                    mantissa = mantissa * 10 + (ch - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                    scale--;
                } else {
                    significant++;
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        boolean exponent = false;
        if (i < n && (c[o + i] == 'e' || c[o + i] == 'E')) {
            exponent = true;
            i++;
            boolean expNegative = false;
            if (i < n && (c[o + i] == '-' || c[o + i] == '+')) {
                expNegative = c[o + i] == '-';
                i++;
            }
            int expDigits = 0;
            int exp = 0;
            while (i < n) {
                char ch = c[o + i];
                if (ch < '0' || ch > '9') {
                    break;
                }
                if (exp < 100_000) {
                    exp = exp * 10 + (ch - '0');
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            scale += expNegative ? -exp : exp;
        }
        if (i != n) {
            return Double.NaN;
        }
        if (!dot && !exponent && intDigits <= 18) {
            return negative ? -mantissa : mantissa;
        }
        if (significant <= 15 && scale >= -22 && scale <= 22) {
            double v = (double) mantissa;
            v = scale < 0 ? v / EXACT_POWERS_OF_TEN[-scale] : v * EXACT_POWERS_OF_TEN[scale];
            return negative ? -v : v;
        }
        double v = Double.parseDouble(new String(c, o, n));
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** true, false, yes or no in any letter case (ASCII letters only). Called per cell: no allocation. */
    public static boolean isBoolean(char[] c, int o, int n) {
        return switch (n) {
            case 2 -> asciiEqualsIgnoreCase(c, o, "no");
            case 3 -> asciiEqualsIgnoreCase(c, o, "yes");
            case 4 -> asciiEqualsIgnoreCase(c, o, "true");
            case 5 -> asciiEqualsIgnoreCase(c, o, "false");
            default -> false;
        };
    }

    /** {@code lower} is lower-case ASCII letters of the same length as {@code s}. */
    private static boolean asciiEqualsIgnoreCase(char[] c, int o, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char ch = c[o + i];
            if (ch >= 'A' && ch <= 'Z') {
                ch += 'a' - 'A';
            }
            if (ch != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean parseBoolean(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.equals("true") || l.equals("yes");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
