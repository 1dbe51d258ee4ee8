package io.synthline.commons.table;

/**
 * A per-thread buffer that holds a copy of one text, so that checks written once for character
 * ranges ({@link NumberText}, {@link DateTimeFormats.Parser}) can take strings too without
 * allocating per call: readers of string tables call them once per cell.
 */
final class TextScratch {
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[64]);

    private TextScratch() {
    }

    /**
     * The text's characters at {@code [0, text.length())} of this thread's buffer, valid until the
     * thread's next call. Callers must not call back into code that uses it before they are done.
     */
    static char[] copy(CharSequence text) {
        int n = text.length();
        char[] buffer = BUFFER.get();
        if (buffer.length < n) {
            buffer = new char[Math.max(n, 2 * buffer.length)];
            BUFFER.set(buffer);
        }
        if (text instanceof String s) {
            s.getChars(0, n, buffer, 0);
        } else {
            for (int i = 0; i < n; i++) {
                buffer[i] = text.charAt(i);
            }
        }
        return buffer;
    }
}
