package io.synthline.commons.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tables (or rows one at a time) as UTF-8 CSV with LF line endings; missing values are empty fields. */
public final class CsvTableWriter implements AutoCloseable {
    private final CsvWriter writer;
    private final String[] row;
    private final boolean escapeFormulas;

    private CsvTableWriter(Writer out, java.util.List<String> header, boolean escapeFormulas) {
        this.writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(out);
        this.row = new String[header.size()];
        this.escapeFormulas = escapeFormulas;
        writeRow(header.toArray(String[]::new));
    }

    public static CsvTableWriter open(OutputStream out, java.util.List<String> header) {
        return open(out, header, false);
    }

    /** @param escapeFormulas for files people open in spreadsheets: cells are escaped with {@link FormulaGuard} */
    public static CsvTableWriter open(OutputStream out, java.util.List<String> header, boolean escapeFormulas) {
        return new CsvTableWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), header, escapeFormulas);
    }

    /** Writes one row; null cells become empty fields. The array is copied out before returning. */
    public void writeRow(String... cells) {
        for (int i = 0; i < row.length; i++) {
            String cell = cells[i] == null ? "" : cells[i];
            row[i] = escapeFormulas ? FormulaGuard.escape(cell) : cell;
        }
        writer.writeRecord(row);
    }

    public static void write(Table table, OutputStream out) {
        write(table, out, false);
    }

    public static void write(Table table, OutputStream out, boolean escapeFormulas) {
        try (CsvTableWriter w = open(out, table.schema().names(), escapeFormulas)) {
            String[] cells = new String[table.columnCount()];
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < cells.length; c++) {
                    Column col = table.column(c);
                    cells[c] = col.text(r);
                }
                w.writeRow(cells);
            }
        }
    }

    public static void write(Table table, Path path) {
        try (OutputStream out = Files.newOutputStream(path)) {
            write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
