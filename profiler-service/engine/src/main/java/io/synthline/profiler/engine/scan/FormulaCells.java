package io.synthline.profiler.engine.scan;

/**
 * Cells a spreadsheet would execute when the data is opened there (CSV injection, OWASP): text
 * starting with {@code =}, {@code @}, or {@code +}/{@code -} followed by something that is not a
 * plain number, and the same after a leading tab or carriage return.
 */
public final class FormulaCells {
    private FormulaCells() {
    }

    /** Call only for values that are not numbers. */
    public static boolean looksLikeFormula(CharSequence s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
            i++;
        }
        if (n - i < 2) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '=' || c == '@') {
            return true;
        }
        if (c == '+' || c == '-') {
            // "-" placeholders, "--" separators and "-abc" words are common; a formula has an operator, call or reference
            for (int k = i + 1; k < n; k++) {
                char d = s.charAt(k);
                if (d == '(' || d == '|' || d == '!' || d == '=' || d == '+' || d == '*' || d == '/' || d == '^') {
                    return true;
                }
            }
        }
        return false;
    }
}
