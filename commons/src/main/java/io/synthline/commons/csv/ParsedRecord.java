package io.synthline.commons.csv;

import io.synthline.commons.table.TextBlock;

/** The record a {@link CsvRowSource} stands on: its fields as character ranges of one buffer. */
interface ParsedRecord {
    /** 1-based line the record starts on, as FastCSV counts lines (CR, LF and CR LF each end one). */
    long line();

    int fields();

    /** The characters {@link #start} and {@link #length} point into. */
    char[] text();

    int start(int field);

    int length(int field);

    boolean isNull(int field, NullTokens nulls);

    default String field(int field) {
        return new String(text(), start(field), length(field));
    }

    /**
     * Adds the record as a row of {@code block}: its characters as they are, its first
     * {@code columns} fields as cells, missing ones marked.
     */
    void appendTo(TextBlock block, int columns, NullTokens nulls, long line);
}
