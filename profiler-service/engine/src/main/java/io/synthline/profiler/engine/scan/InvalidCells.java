package io.synthline.profiler.engine.scan;

/** Cells that do not fit the column's declared type: how many, and the line of the first. */
final class InvalidCells {
    private long count;
    private long firstLine = -1;

    void add(long line) {
        count++;
        if (firstLine < 0) {
            firstLine = line;
        }
    }

    long count() {
        return count;
    }

    /** The source line of the first invalid cell, null when there is none. */
    Long firstLine() {
        return firstLine < 0 ? null : firstLine;
    }
}
