package io.synthline.commons.table;

/**
 * Strict recognition of numbers written in data files. {@link Double#parseDouble} also accepts
 * "NaN", "Infinity", hex floats and a trailing 'd', none of which a data column means as a number;
 * integers with a leading zero (zip codes, account numbers) are codes, not numbers.
 */
public final class NumberText {
    private NumberText() {
    }

    public static boolean isInteger(String s) {
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

    public static boolean isDecimal(String s) {
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

    /** The value, or NaN when the text is not a strict decimal number. */
    public static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        if (isInteger(s)) {
            return Long.parseLong(s);
        }
        if (isDecimal(s)) {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? Double.NaN : v;
        }
        return Double.NaN;
    }

    public static boolean isBoolean(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "false", "yes", "no" -> true;
            default -> false;
        };
    }

    public static boolean parseBoolean(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.equals("true") || l.equals("yes");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
