package io.synthline.commons.table;

import java.util.Arrays;

/**
 * A column's distinct values, numbered in order of first appearance, with their counts (the
 * profiler's exact counts, a table reader's categories, type inference's distinct values). Looked up
 * once per cell with the cell's {@link ValueHash} and its characters, so it is laid out for the
 * cache: an open-addressing table of codes, each value's hash in a flat array, and the values'
 * characters back to back in one pool, so that a probe compares characters only to confirm a
 * matching hash and never touches a string (a {@code HashMap} would chase node, key and entry
 * objects on every lookup). Each value is kept once, as characters in the pool.
 */
public final class TextDictionary {
    private int[] slots = new int[64]; // code + 1; 0 marks an empty slot
    private long[] hashes = new long[32];
    private long[] counts = new long[32];
    private char[] pool = new char[256];
    /** Value {@code code}'s characters are {@code pool[ends[code - 1] .. ends[code])}. */
    private int[] ends = new int[32];
    private int size;

    public int size() {
        return size;
    }

    /** The value's text (a new string each time: callers are the profile's final steps, not the per-cell path). */
    public String value(int code) {
        int from = code == 0 ? 0 : ends[code - 1];
        return new String(pool, from, ends[code] - from);
    }

    public long hash(int code) {
        return hashes[code];
    }

    public long count(int code) {
        return counts[code];
    }

    public void increment(int code) {
        counts[code]++;
    }

    /** The code of the value {@code chars[start..start+length)} whose {@link ValueHash} is {@code hash}, or -1 when it is not in the dictionary. */
    public int codeOf(long hash, char[] chars, int start, int length) {
        int mask = slots.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int code = s - 1;
            if (hashes[code] == hash) {
                int from = code == 0 ? 0 : ends[code - 1];
                if (ends[code] - from == length && sameChars(pool, from, chars, start, length)) {
                    return code;
                }
            }
        }
    }

    /** Cells are short: a plain loop beats {@code Arrays.equals}, whose vectorised compare has a set-up cost. */
    private static boolean sameChars(char[] a, int from, char[] b, int start, int length) {
        if (length > 32) {
            return Arrays.equals(a, from, from + length, b, start, start + length);
        }
        for (int i = 0; i < length; i++) {
            if (a[from + i] != b[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Adds a value that is not in the dictionary yet, with count 1; returns its code. */
    public int add(long hash, char[] chars, int start, int length) {
        if (size == hashes.length) {
            int n = size * 2;
            hashes = Arrays.copyOf(hashes, n);
            counts = Arrays.copyOf(counts, n);
            ends = Arrays.copyOf(ends, n);
        }
        int from = size == 0 ? 0 : ends[size - 1];
        if (from + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(from + length, 2 * pool.length));
        }
        System.arraycopy(chars, start, pool, from, length);
        int code = size++;
        hashes[code] = hash;
        counts[code] = 1;
        ends[code] = from + length;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int c = 0; c < size; c++) {
                place(c);
            }
        } else {
            place(code);
        }
        return code;
    }

    private void place(int code) {
        int mask = slots.length - 1;
        int i = (int) hashes[code] & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = code + 1;
    }
}
