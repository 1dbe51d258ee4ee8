package io.synthline.commons.table;

/**
 * A window onto part of a {@code char[]}, read as a {@link CharSequence} without copying: the
 * way per-cell code (number, boolean and date recognition) reads cells that were never turned
 * into strings. Mutable and reused: whoever {@link #set}s it owns it, and a callee that keeps the
 * text must call {@link #toString()}.
 */
public final class CharSlice implements CharSequence {
    private char[] chars = new char[0];
    private int start;
    private int length;

    public CharSlice set(char[] chars, int start, int length) {
        this.chars = chars;
        this.start = start;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new String(chars, start + from, to - from);
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    /** A string of the current contents (a copy: it stays valid when the slice moves on). */
    @Override
    public String toString() {
        return new String(chars, start, length);
    }
}
