package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.TableSummary;

/**
 * Counts rows identical to an earlier row in bounded memory. The distinct row hashes are kept in an
 * open-addressing set; when it holds more than {@code capacity} of them, only hashes whose top
 * {@code level} bits are zero are kept (a 2^-level sample that keeps or drops all copies of a row
 * together), so the duplicate count of the sample scaled by 2^level is an unbiased estimate. Exact
 * (up to 64-bit hash collisions) while level is 0.
 *
 * <p>No count is kept per row: the duplicates in the sample are the sampled rows minus the distinct
 * ones, and the sampled rows at any level are known from how many rows had each number of leading
 * zero bits. Row hashes are random, so every row probes a random slot: one array of hashes costs a
 * cache line per row where hashes beside counts cost two. The set grows with the rows seen, so a
 * small file neither allocates nor probes a table sized for millions.
 */
final class DuplicateRowTracker {
    private static final long EMPTY = 0;
    private static final int INITIAL_SLOTS = 4096;
    private final int capacity;
    private long[] hashes = new long[INITIAL_SLOTS];
    private int size;
    private int level;
    private long rows;
    /** Rows whose hash has {@code i} leading zero bits, at index {@code i}. */
    private final long[] rowsByLeadingZeros = new long[Long.SIZE + 1];

    DuplicateRowTracker(int capacity) {
        this.capacity = Math.max(16, capacity);
    }

    void add(long rowHash) {
        rows++;
        long h = rowHash == EMPTY ? 1 : rowHash;
        rowsByLeadingZeros[Long.numberOfLeadingZeros(h)]++;
        if (!sampled(h)) {
            return;
        }
        int mask = hashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != EMPTY) {
            if (hashes[i] == h) {
                return;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        size++;
        if (size > capacity) {
            level++;
            rehash(hashes.length);
        } else if (size * 4L > hashes.length * 3L) {
            rehash(hashes.length * 2);
        }
    }

    private boolean sampled(long h) {
        return level == 0 || (h >>> (64 - level)) == 0;
    }

    private void rehash(int slots) {
        long[] old = hashes;
        hashes = new long[slots];
        size = 0;
        int mask = slots - 1;
        for (long h : old) {
            if (h != EMPTY && sampled(h)) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (hashes[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                size++;
            }
        }
    }

    TableSummary.DuplicateRows result() {
        long sampledRows = 0;
        for (int zeros = level; zeros <= Long.SIZE; zeros++) {
            sampledRows += rowsByLeadingZeros[zeros];
        }
        long duplicates = sampledRows - size;
        double fraction = Math.pow(2, -level);
        long estimate = Math.round(duplicates / fraction);
        estimate = Math.min(estimate, Math.max(0, rows - 1));
        return new TableSummary.DuplicateRows(estimate, rows == 0 ? 0 : (double) estimate / rows, level == 0, fraction);
    }
}
