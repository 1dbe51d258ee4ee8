package io.synthline.commons.table;

import java.util.List;

/**
 * A stream of rows read one at a time in constant memory, whatever the file format. Cells are
 * text (how a CSV writes them; Parquet values are rendered the same way) so that one type inference
 * and one profiler serve every format.
 */
public interface RowSource extends AutoCloseable {
    List<String> header();

    default int columnCount() {
        return header().size();
    }

    /** Moves to the next row; false at the end. */
    boolean next();

    /** The cell text, or null when missing. */
    String value(int column);

    /**
     * Replaces the block's rows with the next rows, as many as it holds or as are left; false when
     * none were left. Sources that parse text override it to skip making a string per cell.
     */
    default boolean fill(TextBlock block) {
        block.clear();
        int n = columnCount();
        while (!block.isFull() && next()) {
            for (int c = 0; c < n; c++) {
                block.setCell(c, value(c));
            }
            block.endRow(lineNumber());
        }
        return block.rows() > 0;
    }

    /** 1-based position of the current row in the file, for messages: the line (CSV) or row number (Parquet). */
    long lineNumber();

    /** Types the file itself declares (Parquet), or null when the format carries none (CSV). */
    default TableSchema declaredSchema() {
        return null;
    }

    @Override
    void close();
}
