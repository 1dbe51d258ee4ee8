package io.synthline.commons.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the data rows of a CSV file with a header, one row at a time, in constant memory.
 * Every structural problem (ragged rows, bad encoding, oversized fields, bad headers) becomes a
 * {@link CsvFormatException} naming the line.
 */
public final class CsvRowSource implements AutoCloseable {
    private final CsvOptions options;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;
    private CsvRecord current;
    private long lastLine;
    private long rowIndex = -1;

    private CsvRowSource(InputStream in, CsvOptions options) {
        this.options = options;
        CharsetDecoder decoder = options.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = CsvReader.builder()
                .fieldSeparator(options.delimiter())
                .quoteCharacter(options.quote())
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(bufferLimit(options.maxFieldChars()))
                .ofCsvRecord(new InputStreamReader(skipUtf8Bom(in), decoder));
        this.records = reader.iterator();
        this.header = readHeader();
    }

    /** FastCSV grows its buffer by doubling and fails obscurely unless the cap is a power of two. */
    private static int bufferLimit(int maxFieldChars) {
        int atLeast = Math.max(maxFieldChars, 16 * 1024);
        int power = Integer.highestOneBit(atLeast);
        return power == atLeast ? power : (power >= (1 << 30) ? Integer.MAX_VALUE - 8 : power << 1);
    }

    public static CsvRowSource open(Path path, CsvOptions options) {
        try {
            return new CsvRowSource(Files.newInputStream(path), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path.getFileName(), e);
        }
    }

    /** Takes ownership of the stream: closing the source closes it. */
    public static CsvRowSource open(InputStream in, CsvOptions options) {
        return new CsvRowSource(in, options);
    }

    private static InputStream skipUtf8Bom(InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            in.mark(3);
            byte[] head = in.readNBytes(3);
            if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readHeader() {
        if (!advance()) {
            throw new CsvFormatException("empty-file", 0, null, "the file is empty: expected a header row");
        }
        if (current.getFieldCount() > options.maxColumns()) {
            throw new CsvFormatException("too-many-columns", lastLine, null, "the header has "
                    + current.getFieldCount() + " columns, more than the limit of " + options.maxColumns());
        }
        List<String> names = new ArrayList<>(current.getFieldCount());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < current.getFieldCount(); i++) {
            String name = current.getField(i).strip();
            if (name.isEmpty()) {
                throw new CsvFormatException("blank-header", lastLine, null,
                        "header field " + (i + 1) + " is blank; every column needs a name");
            }
            Integer previous = seen.put(name, i);
            if (previous != null) {
                throw new CsvFormatException("duplicate-header", lastLine, name, "the header names column '" + name
                        + "' twice (fields " + (previous + 1) + " and " + (i + 1) + ")");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private boolean advance() {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
            lastLine = current.getStartingLineNumber();
            return true;
        } catch (UncheckedIOException | CsvParseException e) {
            throw translate(e);
        }
    }

    private CsvFormatException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new CsvFormatException("bad-encoding", lastLine + 1, null,
                        "the bytes are not valid " + options.charset().name() + " text");
            }
            String msg = t.getMessage();
            if (msg != null && msg.toLowerCase(java.util.Locale.ROOT).contains("buffer size")) {
                return new CsvFormatException("field-too-large", lastLine + 1, null,
                        "a field is longer than the limit of " + options.maxFieldChars() + " characters");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.io.IOException io && !(e instanceof CsvParseException)) {
            throw new UncheckedIOException(io);
        }
        return new CsvFormatException("malformed-csv", lastLine + 1, null,
                root.getMessage() == null ? "unparseable CSV" : root.getMessage());
    }

    public List<String> header() {
        return header;
    }

    public int columnCount() {
        return header.size();
    }

    /** Moves to the next data row; false at the end of the file. */
    public boolean next() {
        if (!advance()) {
            return false;
        }
        rowIndex++;
        if (current.getFieldCount() != header.size()) {
            throw new CsvFormatException("ragged-row", lastLine, null, "the row has " + current.getFieldCount()
                    + " fields but the header has " + header.size());
        }
        return true;
    }

    /** The cell text as written. */
    public String raw(int column) {
        return current.getField(column);
    }

    /** The cell text, or null if it is one of the configured null tokens. */
    public String value(int column) {
        String cell = current.getField(column);
        return options.isNull(cell) ? null : cell;
    }

    /** 1-based line where the current row starts (quoted fields may span lines). */
    public long lineNumber() {
        return lastLine;
    }

    /** 0-based index of the current data row. */
    public long rowIndex() {
        return rowIndex;
    }

    public CsvOptions options() {
        return options;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
