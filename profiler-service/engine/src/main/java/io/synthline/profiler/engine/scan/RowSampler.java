package io.synthline.profiler.engine.scan;

import java.util.SplittableRandom;

/**
 * Decides, row by row, whether a row enters the correlation sample and in which slot (Vitter's
 * reservoir algorithm R over whole rows, so every column of a sampled row is sampled together).
 * Below the capacity every row is kept, in order.
 */
final class RowSampler {
    private final int capacity;
    private final SplittableRandom random;
    private long seen;

    RowSampler(int capacity, long seed) {
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);
    }

    /** The slot for the next row, or -1 when it is not sampled. */
    int next() {
        long row = seen++;
        if (capacity == 0) {
            return -1;
        }
        if (row < capacity) {
            return (int) row;
        }
        long j = random.nextLong(row + 1);
        return j < capacity ? (int) j : -1;
    }

    /** Rows in the sample. */
    int size() {
        return (int) Math.min(seen, capacity);
    }

    boolean sampled() {
        return seen > capacity;
    }
}
