package io.synthline.commons.csv;

import io.synthline.commons.api.BadInputException;

/** The file is not the CSV the caller said it is. Carries the 1-based line (and column when known). */
public class CsvFormatException extends BadInputException {
    private final long line;
    private final String column;

    public CsvFormatException(String slug, long line, String column, String message) {
        super(slug, 400, where(line, column) + message);
        this.line = line;
        this.column = column;
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

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
