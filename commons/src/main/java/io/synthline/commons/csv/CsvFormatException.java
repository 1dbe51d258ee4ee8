package io.synthline.commons.csv;

import io.synthline.commons.api.BadInputException;

/** The file is not the CSV the caller said it is. Carries the 1-based line (and column when known). */
public class CsvFormatException extends BadInputException {
    private final long line;
    private final String column;
    private final String reason;

    public CsvFormatException(String slug, long line, String column, String message) {
        super(slug, 400, where(line, column) + message);
        this.line = line;
        this.column = column;
        this.reason = message;
        if (line > 0) {
            detail("line", line);
        }
        if (column != null) {
            detail("column", column);
        }
    }

    private static String where(long line, String column) {
        if (line <= 0) {
            return "";
        }
        return column == null ? "line " + line + ": " : "line " + line + ", column '" + column + "': ";
    }

    @Override
    public CsvFormatException detail(String name, Object value) {
        super.detail(name, value);
        return this;
    }

    /**
     * The same problem found by a reader that started {@code linesBefore} lines into the file (a
     * chunk read in parallel), told with the file's own line numbers.
     */
    CsvFormatException shifted(long linesBefore) {
        CsvFormatException moved = new CsvFormatException(slug(), line > 0 ? line + linesBefore : line, column, reason);
        details().forEach((name, value) -> moved.details().putIfAbsent(name, value));
        return moved;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
