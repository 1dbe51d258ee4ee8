package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A block of consecutive rows in column-major order, handed from the reader to the column workers.
 * Cells are overwritten by the next fill, never cleared: only the first {@link #rows} are read, and
 * clearing would cost a reference store per cell on the serial reader stage.
 */
final class RowBatch {
    final String[][] cells;
    final long[] lines;
    final int[] sampleSlots;
    /** Per column group, the sum of its cells' row-hash contributions. */
    final long[][] rowHashParts;
    /** Per column group, the batch's values for the KLL sketches, applied by the reader in batch order. */
    final List<List<SeededKll.Feed>> kllFeeds;
    /** Per column group, the columns it updates in this batch. */
    int[][] groupColumns;
    /** When set, groups update column by column and time each column into {@link #columnNanos}. */
    boolean timed;
    final long[] columnNanos;
    int rows;
    long index;
    CountDownLatch done;

    RowBatch(int columns, int capacity, int groups) {
        cells = new String[columns][capacity];
        lines = new long[capacity];
        sampleSlots = new int[capacity];
        rowHashParts = new long[groups][capacity];
        columnNanos = new long[columns];
        kllFeeds = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            kllFeeds.add(new ArrayList<>());
        }
    }

    int capacity() {
        return lines.length;
    }
}
