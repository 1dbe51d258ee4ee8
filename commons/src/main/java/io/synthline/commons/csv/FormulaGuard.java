package io.synthline.commons.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Keeps spreadsheets from running cells of a CSV file as formulas (CSV injection, OWASP): a cell
 * that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets read as "text" and do not display. Plain numbers ({@code -3.5}, {@code +1e5}) are
 * left alone: they are not formulas, and prefixing them would turn numbers into text.
 *
 * <p>A cell that already starts with an apostrophe gets one more, so that {@link #unescape} restores
 * every cell exactly: that is how Synthline reads back files it wrote (the CLI's {@code evaluate}
 * of {@code generate}'s output). A spreadsheet shows such a cell as it was, since it hides the first
 * apostrophe. Files that Synthline writes only for itself (stored datasets, holdouts, the stored
 * synthetic output the evaluator reads) are not escaped; see docs/security.md.
 */
public final class FormulaGuard {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private FormulaGuard() {
    }

    /** Whether a spreadsheet could read {@code cell} as a formula (or it starts with the escape itself). */
    public static boolean needsEscape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        return switch (cell.charAt(0)) {
            case '\'' -> true;
            case '=', '@', '\t', '\r' -> true;
            case '+', '-' -> !PLAIN_NUMBER.matcher(cell).matches();
            default -> false;
        };
    }

    public static String escape(String cell) {
        return needsEscape(cell) ? "'" + cell : cell;
    }

    /** The inverse of {@link #escape}: drops one leading apostrophe. */
    public static String unescape(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == '\'' ? cell.substring(1) : cell;
    }

    /** Copies a CSV file (comma, double quote, UTF-8) escaping every cell, header included. */
    public static void escape(InputStream csv, OutputStream out) {
        transform(csv, out, FormulaGuard::escape);
    }

    /**
     * Whether {@link #unescape(InputStream, OutputStream)} could change any cell of the file: false
     * when no byte of it is an apostrophe (no cell starts with one, in UTF-8 or any charset that
     * writes the apostrophe as that byte), so that a reader can take the file as it is instead of a
     * copy. A scan of the bytes, far cheaper than the parse and write of a copy.
     */
    public static boolean mayHaveEscapes(java.nio.file.Path file) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            byte[] bytes = buffer.array();
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\'') {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a CSV file written by {@link #escape(InputStream, OutputStream)} back to its original cells. */
    public static void unescape(InputStream csv, OutputStream out) {
        transform(csv, out, FormulaGuard::unescape);
    }

    private static void transform(InputStream csv, OutputStream out, UnaryOperator<String> cell) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(new InputStreamReader(csv, StandardCharsets.UTF_8));
                CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(w)) {
            String[] row = new String[0];
            for (CsvRecord r : reader) {
                int n = r.getFieldCount();
                if (row.length != n) {
                    row = new String[n];
                }
                for (int i = 0; i < n; i++) {
                    row[i] = cell.apply(r.getField(i));
                }
                writer.writeRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
