package io.synthline.profiler.engine.scan;

import io.synthline.commons.table.TextBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A block of consecutive rows, handed from the reader to the column workers: the cells as text
 * ranges ({@link TextBlock}, refilled in place, so the reader makes no garbage per cell) plus what
 * the workers report back.
 */
final class RowBatch {
    final TextBlock cells;
    final int[] sampleSlots;
    /** Per column taking part in the correlation sample, each row's number and code (read for sampled rows only). */
    final double[][] sampleNumbers;
    final int[][] sampleCodes;
    /** Per column group, the sum of its cells' row-hash contributions. */
    final long[][] rowHashParts;
    /** Per column group, the batch's values for the KLL sketches, applied by the reader in batch order. */
    final List<List<SeededKll.Feed>> kllFeeds;
    /** Per column group, the columns it updates in this batch. */
    int[][] groupColumns;
    /** When set, groups time each column's update into {@link #columnNanos}. */
    boolean timed;
    final long[] columnNanos;
    long index;
    CountDownLatch done;

    RowBatch(int columns, int capacity, int groups, int sampleColumns) {
        cells = new TextBlock(columns, Math.max(1, capacity));
        sampleNumbers = new double[sampleColumns][capacity];
        sampleCodes = new int[sampleColumns][capacity];
        sampleSlots = new int[capacity];
        rowHashParts = new long[groups][capacity];
        columnNanos = new long[columns];
        kllFeeds = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            kllFeeds.add(new ArrayList<>());
        }
    }

    int rows() {
        return cells.rows();
    }
}
