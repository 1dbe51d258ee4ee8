package io.synthline.profiler.engine.scan;

import java.util.concurrent.CountDownLatch;

/** A block of consecutive rows in column-major order, handed from the reader to the column workers. */
final class RowBatch {
    final String[][] cells;
    final long[] lines;
    final int[] sampleSlots;
    /** Per column group, the sum of its cells' row-hash contributions. */
    final long[][] rowHashParts;
    int rows;
    long index;
    CountDownLatch done;

    RowBatch(int columns, int capacity, int groups) {
        cells = new String[columns][capacity];
        lines = new long[capacity];
        sampleSlots = new int[capacity];
        rowHashParts = new long[groups][capacity];
    }

    int capacity() {
        return lines.length;
    }

    void clearCells() {
        for (String[] column : cells) {
            java.util.Arrays.fill(column, 0, rows, null);
        }
    }
}
