package io.synthline.commons.table;

import java.util.Arrays;

/**
 * Consecutive rows of a {@link RowSource} as text, without a {@code String} per cell: the rows'
 * characters in one buffer, in file order, and for every cell its start and length there, held
 * column by column so that code working through one column reads two dense arrays. A missing
 * cell has length {@link #MISSING}. Meant to be refilled over and over ({@link #clear()} keeps
 * the arrays), which is what lets a reader hand rows to other threads without per-cell garbage.
 *
 * <p>A block is full at its row capacity or once it holds {@link #CHAR_BUDGET} characters, so that
 * long text cells make shorter blocks instead of larger ones; a buffer that one huge row grew is
 * given back at the next {@link #clear()}.
 */
public final class TextBlock {
    public static final int MISSING = -1;
    /** Characters after which a block takes no more rows (a row already started is completed). */
    public static final int CHAR_BUDGET = 1 << 20;

    private final int columns;
    private final int capacity;
    private final int[] starts;
    private final int[] lengths;
    private final long[] lines;
    private char[] chars;
    private int used;
    private int rows;

    /** @param capacity rows it holds */
    public TextBlock(int columns, int capacity) {
        if (columns < 0 || capacity < 1) {
            throw new IllegalArgumentException("a block needs at least one row of zero or more columns");
        }
        this.columns = columns;
        this.capacity = capacity;
        this.starts = new int[Math.multiplyExact(columns, capacity)];
        this.lengths = new int[columns * capacity];
        this.lines = new long[capacity];
        this.chars = new char[initialChars()];
    }

    private int initialChars() {
        return Math.max(64, Math.min(CHAR_BUDGET, columns * capacity * 8));
    }

    public void clear() {
        if (chars.length > 4 * CHAR_BUDGET) {
            chars = new char[initialChars()];
        }
        used = 0;
        rows = 0;
    }

    public int columns() {
        return columns;
    }

    public int capacity() {
        return capacity;
    }

    public int rows() {
        return rows;
    }

    public boolean isFull() {
        return rows == capacity || used >= CHAR_BUDGET;
    }

    /** The buffer the cells point into (replaced when it grows: fetch it after filling). */
    public char[] chars() {
        return chars;
    }

    public int start(int column, int row) {
        return starts[column * capacity + row];
    }

    /** The cell's length, or {@link #MISSING}. */
    public int length(int column, int row) {
        return lengths[column * capacity + row];
    }

    /** Where the source found the row, for messages (see {@link RowSource#lineNumber()}). */
    public long line(int row) {
        return lines[row];
    }

    /** The cell as a string, or null when missing (for tests and cold paths). */
    public String value(int column, int row) {
        int length = length(column, row);
        return length == MISSING ? null : new String(chars, start(column, row), length);
    }

    /**
     * Copies characters of the row being added into the buffer; returns where they begin, to
     * which {@link #setCell} starts are relative.
     */
    public int appendChars(char[] source, int from, int count) {
        ensureRoom(count);
        System.arraycopy(source, from, chars, used, count);
        int at = used;
        used += count;
        return at;
    }

    /** Appends a cell's text (null: missing) to the row being added. */
    public void setCell(int column, String value) {
        if (value == null) {
            setCell(column, 0, MISSING);
            return;
        }
        int n = value.length();
        ensureRoom(n);
        value.getChars(0, n, chars, used);
        setCell(column, used, n);
        used += n;
    }

    private void ensureRoom(int count) {
        if (used + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(used + count, (int) Math.min(Integer.MAX_VALUE - 8, 2L * chars.length)));
        }
    }

    /** Points a cell of the row being added at characters already in the buffer. */
    public void setCell(int column, int start, int length) {
        int i = column * capacity + rows;
        starts[i] = start;
        lengths[i] = length;
    }

    /** Completes the row being added. */
    public void endRow(long line) {
        if (rows == capacity) {
            throw new IllegalStateException("the block is full");
        }
        lines[rows++] = line;
    }
}
