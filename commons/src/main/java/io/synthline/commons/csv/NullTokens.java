package io.synthline.commons.csv;

import java.util.Set;

/**
 * Decides whether a cell is missing under a {@link CsvOptions}, called once per cell. Almost no
 * real cell is a null token, so cheap filters on length and on the first and last character
 * reject nearly all of them before the set lookup (which would hash the whole cell).
 */
final class NullTokens {
    private final Set<String> tokens;
    private final boolean emptyAsNull;
    private final long lengths;
    private final boolean[] firstChars = new boolean[128];
    private final boolean[] lastChars = new boolean[128];
    private boolean nonAscii;

    NullTokens(CsvOptions options) {
        this.tokens = options.nullTokens();
        this.emptyAsNull = options.emptyAsNull();
        long mask = 0;
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            mask |= t.length() < Long.SIZE ? 1L << t.length() : Long.MIN_VALUE;
            nonAscii |= !mark(firstChars, t.charAt(0)) | !mark(lastChars, t.charAt(t.length() - 1));
        }
        this.lengths = mask;
    }

    private static boolean mark(boolean[] table, char c) {
        if (c >= table.length) {
            return false;
        }
        table[c] = true;
        return true;
    }

    /** Whether {@code chars[start..start+len)} is missing; reads the characters in place (no view object per cell). */
    boolean isNull(char[] chars, int start, int len) {
        if (len == 0) {
            return emptyAsNull;
        }
        if ((lengths & (len < Long.SIZE ? 1L << len : Long.MIN_VALUE)) == 0) {
            return false;
        }
        if (!nonAscii) {
            char first = chars[start];
            char last = chars[start + len - 1];
            if (first >= 128 || !firstChars[first] || last >= 128 || !lastChars[last]) {
                return false;
            }
        }
        return tokens.contains(new String(chars, start, len));
    }
}
