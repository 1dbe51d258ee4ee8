package io.synthline.profiler.engine.scan;

import java.util.Arrays;

/**
 * A column's distinct values, numbered in order of first appearance, with their counts. Looked up
 * once per cell, so it is laid out for the cache: an open-addressing table of codes plus each
 * value's hash in a flat array, so that a probe reads the value's text only to confirm a matching
 * hash (a {@code HashMap} would chase node, key and entry objects on every lookup).
 */
final class Dictionary {
    private int[] slots = new int[64]; // code + 1; 0 marks an empty slot
    private int[] hashes = new int[32];
    private String[] values = new String[32];
    private long[] counts = new long[32];
    private int size;

    int size() {
        return size;
    }

    String value(int code) {
        return values[code];
    }

    long count(int code) {
        return counts[code];
    }

    void increment(int code) {
        counts[code]++;
    }

    /** The value's code, or -1 when it is not in the dictionary. */
    int codeOf(String value) {
        int h = value.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int code = s - 1;
            if (hashes[code] == h && values[code].equals(value)) {
                return code;
            }
        }
    }

    /** Adds a value that is not in the dictionary yet, with count 1; returns its code. */
    int add(String value) {
        if (size == values.length) {
            int n = size * 2;
            hashes = Arrays.copyOf(hashes, n);
            values = Arrays.copyOf(values, n);
            counts = Arrays.copyOf(counts, n);
        }
        int code = size++;
        int h = value.hashCode();
        hashes[code] = h;
        values[code] = value;
        counts[code] = 1;
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
        int i = spread(hashes[code]) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = code + 1;
    }

    /** String hashes differ mostly in their low bits' neighbours; mix so that linear probing stays short. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
