package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.TableSummary;

/**
 * Counts rows identical to an earlier row in bounded memory. Row hashes are kept in an
 * open-addressing table with their counts; when it holds more than {@code capacity} distinct rows,
 * only hashes whose top {@code level} bits are zero are kept (a 2^-level sample that keeps or
 * drops all copies of a row together), so the duplicate count of the sample scaled by 2^level is
 * an unbiased estimate. Exact (up to 64-bit hash collisions) while level is 0.
 */
final class DuplicateRowTracker {
    private static final long EMPTY = 0;
    private final int capacity;
    private long[] keys;
    private int[] counts;
    private int size;
    private int level;
    private long rows;

    DuplicateRowTracker(int capacity) {
        this.capacity = Math.max(16, capacity);
        int slots = Integer.highestOneBit(Math.max(64, Math.min(this.capacity, 1 << 16))) * 2;
        keys = new long[slots];
        counts = new int[slots];
    }

    void add(long rowHash) {
        rows++;
        long h = rowHash == EMPTY ? 1 : rowHash;
        if (!sampled(h)) {
            return;
        }
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == h) {
                counts[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        counts[i] = 1;
        size++;
        if (size > capacity) {
            level++;
            rehash(keys.length);
        } else if (size * 4L > keys.length * 3L) {
            rehash(keys.length * 2);
        }
    }

    private boolean sampled(long h) {
        return level == 0 || (h >>> (64 - level)) == 0;
    }

    private void rehash(int slots) {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[slots];
        counts = new int[slots];
        size = 0;
        int mask = slots - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long h = oldKeys[j];
            if (h != EMPTY && sampled(h)) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = h;
                counts[i] = oldCounts[j];
                size++;
            }
        }
    }

    TableSummary.DuplicateRows result() {
        long duplicates = 0;
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != EMPTY) {
                duplicates += counts[j] - 1;
            }
        }
        double fraction = Math.pow(2, -level);
        long estimate = Math.round(duplicates / fraction);
        estimate = Math.min(estimate, Math.max(0, rows - 1));
        return new TableSummary.DuplicateRows(estimate, rows == 0 ? 0 : (double) estimate / rows, level == 0, fraction);
    }
}
