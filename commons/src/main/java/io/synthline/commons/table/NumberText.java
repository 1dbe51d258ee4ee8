package io.synthline.commons.table;

/**
 * Strict recognition of numbers written in data files. {@link Double#parseDouble} also accepts
 * "NaN", "Infinity", hex floats and a trailing 'd', none of which a data column means as a number;
 * integers with a leading zero (zip codes, account numbers) are codes, not numbers.
 */
public final class NumberText {
    private NumberText() {
    }

    public static boolean isInteger(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int i = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int digits = n - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        if (digits > 1 && s.charAt(i) == '0') {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean isDecimal(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (n == 0) {
            return false;
        }
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        int intDigits = 0;
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        if (intDigits > 1 && s.charAt(start) == '0' && (i == n || s.charAt(i) != '.')) {
            return false;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
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
    public static double parse(CharSequence s) {
        if (s == null) {
            return Double.NaN;
        }
        int n = s.length();
        if (n == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        int start = i;
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (significant < 19) {
                mantissa = mantissa * 10 + (c - '0');
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
        boolean dot = i < n && s.charAt(i) == '.';
        if (intDigits > 1 && s.charAt(start) == '0' && !dot) {
            return Double.NaN;
        }
        int scale = 0;
        if (dot) {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                if (significant < 19) {
                    mantissa = mantissa * 10 + (c - '0');
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
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            exponent = true;
            i++;
            boolean expNegative = false;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            int expDigits = 0;
            int exp = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                if (exp < 100_000) {
                    exp = exp * 10 + (c - '0');
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
        double v = Double.parseDouble(s.toString());
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** true, false, yes or no in any letter case (ASCII letters only). Called per cell: no allocation. */
    public static boolean isBoolean(CharSequence s) {
        return switch (s.length()) {
            case 2 -> asciiEqualsIgnoreCase(s, "no");
            case 3 -> asciiEqualsIgnoreCase(s, "yes");
            case 4 -> asciiEqualsIgnoreCase(s, "true");
            case 5 -> asciiEqualsIgnoreCase(s, "false");
            default -> false;
        };
    }

    /** {@code lower} is lower-case ASCII letters of the same length as {@code s}. */
    private static boolean asciiEqualsIgnoreCase(CharSequence s, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
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
