package io.synthline.commons.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TextBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the data rows of a CSV file, one at a time, in constant memory. Every structural problem
 * (ragged rows, bad encoding, binary content, oversized fields, bad headers) becomes a
 * {@link CsvFormatException} naming the line.
 */
public final class CsvRowSource implements RowSource {
    private final CsvOptions options;
    private final NullTokens nulls;
    private final DecodingReader decoding;
    private final CsvReader<FieldRangeHandler> reader;
    private final CloseableIterator<FieldRangeHandler> records;
    /** The file parsed by several threads, or null when it is read sequentially by {@link #records}. */
    private final ChunkedRecords chunks;
    private final List<String> header;
    /** The current record, or null at the end. */
    private ParsedRecord current;
    /** The first row of a file without header, read as data by the next {@link #next()}. */
    private boolean pushedBack;
    private long lastLine;
    private long rowIndex = -1;

    private CsvRowSource(InputStream in, CsvOptions options) {
        this(in, options, null, 1, 0);
    }

    /**
     * @param path       the file {@code in} reads, when it may be parsed in chunks by {@code threads} threads
     * @param chunkBytes chunk size, 0 for the default
     */
    private CsvRowSource(InputStream in, CsvOptions options, Path path, int threads, long chunkBytes) {
        this.options = options;
        this.nulls = new NullTokens(options);
        try {
            this.decoding = new DecodingReader(in, options.charset());
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException(e);
        }
        this.reader = CsvReader.builder()
                .fieldSeparator(options.delimiter())
                .quoteCharacter(options.quote())
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .build(FieldRangeHandler.forOptions(options), decoding);
        this.records = reader.iterator();
        ChunkedRecords parallel = null;
        try {
            List<String> names = readHeader();
            if (path != null && threads > 1) {
                // the header read sequentially said what the file is (charset, columns, or the error): the rest goes in chunks
                long size = Files.size(path);
                parallel = ChunkedRecords.open(path, options, decoding.charset(), threads,
                        chunkBytes > 0 ? chunkBytes : ChunkedRecords.chunkBytes(size, threads));
                if (parallel != null) {
                    closeSequential();
                    parallel.advance(); // the header row, or the first row of a file without header (pushed back)
                    current = parallel;
                }
            }
            this.header = names;
        } catch (IOException e) {
            close(parallel);
            closeSequential();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close(parallel);
            closeSequential();
            throw e;
        }
        this.chunks = parallel;
    }

    public static CsvRowSource open(Path path, CsvOptions options) {
        return open(path, options, 1);
    }

    /**
     * A file read by {@code threads} threads: large files are parsed in chunks, in parallel, and
     * read as a sequential read would (the same rows, lines and errors); small files, and charsets
     * where a line feed is not one byte, are read sequentially.
     */
    public static CsvRowSource open(Path path, CsvOptions options, int threads) {
        return open(path, options, threads, 0);
    }

    /** {@link #open(Path, CsvOptions, int)} with a given chunk size (tests force small chunks). */
    static CsvRowSource open(Path path, CsvOptions options, int threads, long chunkBytes) {
        try {
            return new CsvRowSource(Files.newInputStream(path), options, path, threads, chunkBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path.getFileName(), e);
        }
    }

    /** Takes ownership of the stream: closing the source closes it. */
    public static CsvRowSource open(InputStream in, CsvOptions options) {
        return new CsvRowSource(in, options);
    }

    /** Whether the rows are parsed by several threads. */
    public boolean parallel() {
        return chunks != null;
    }

    private List<String> readHeader() {
        if (!advance()) {
            throw new CsvFormatException("empty-file", 0, null, "the file is empty: expected "
                    + (options.header() ? "a header row" : "at least one row"));
        }
        int n = current.fields();
        if (n > options.maxColumns()) {
            throw new CsvFormatException("too-many-columns", lastLine, null, "the " + (options.header() ? "header" : "row")
                    + " has " + n + " columns, more than the limit of " + options.maxColumns())
                    .detail("limit", options.maxColumns()).detail("columns", n);
        }
        if (!options.header()) {
            List<String> names = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                names.add("column_" + i);
            }
            pushedBack = true;
            return List.copyOf(names);
        }
        List<String> names = new ArrayList<>(n);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = current.field(i).strip();
            if (name.isEmpty()) {
                throw new CsvFormatException("blank-header", lastLine, null,
                        "header field " + (i + 1) + " is blank; every column needs a name").detail("field", i + 1);
            }
            Integer previous = seen.get(name);
            if (previous != null && options.renameDuplicateHeaders()) {
                int k = 1;
                while (seen.containsKey(name + "." + k)) {
                    k++;
                }
                name = name + "." + k;
                previous = null;
            }
            seen.put(name, i);
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
            if (chunks != null) {
                if (!chunks.advance()) {
                    current = null;
                    return false;
                }
            } else if (records.hasNext()) {
                current = records.next();
            } else {
                current = null;
                return false;
            }
            lastLine = current.line();
            return true;
        } catch (UncheckedIOException | CsvParseException e) {
            throw translate(e);
        }
    }

    private CsvFormatException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CsvFormatException known) {
                return known;
            }
            String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (msg.contains("maximum limit of") && msg.contains("fields")) {
                return new CsvFormatException("too-many-columns", lastLine + 1, null, "the "
                        + (header == null && options.header() ? "header" : "row") + " has more than " + options.maxColumns()
                        + " columns, the limit").detail("limit", options.maxColumns());
            }
            if (msg.contains("field size") || msg.contains("buffer size") || msg.contains("record size")) {
                return new CsvFormatException("field-too-large", lastLine + 1, null,
                        "a field is longer than the limit of " + options.maxFieldChars() + " characters")
                        .detail("limit", options.maxFieldChars());
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof IOException io && !(e instanceof CsvParseException)) {
            throw new UncheckedIOException(io);
        }
        return new CsvFormatException("malformed-csv", lastLine + 1, null,
                root.getMessage() == null ? "unparseable CSV" : root.getMessage());
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int columnCount() {
        return header.size();
    }

    @Override
    public boolean next() {
        if (pushedBack) {
            pushedBack = false;
        } else if (!advance()) {
            return false;
        }
        rowIndex++;
        if (current.fields() != header.size()) {
            throw new CsvFormatException("ragged-row", lastLine, null, "the row has " + current.fields()
                    + " fields but the header has " + header.size())
                    .detail("fields", current.fields()).detail("expected", header.size());
        }
        return true;
    }

    /** The cell text as written. */
    public String raw(int column) {
        return current.field(column);
    }

    @Override
    public String value(int column) {
        return isNull(column) ? null : current.field(column);
    }

    private boolean isNull(int column) {
        return current.isNull(column, nulls);
    }

    /** Copies each record's characters once, as they are, and never makes a string of a cell. */
    @Override
    public boolean fill(TextBlock block) {
        block.clear();
        int n = header.size();
        while (!block.isFull() && next()) {
            current.appendTo(block, n, nulls, lastLine);
        }
        return block.rows() > 0;
    }

    @Override
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

    /** The charset actually used: the requested one, unless a byte order mark said otherwise. */
    public Charset charset() {
        return decoding.charset();
    }

    public boolean bomDetected() {
        return decoding.bom();
    }

    @Override
    public void close() {
        close(chunks);
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeSequential() {
        try {
            reader.close();
        } catch (IOException | RuntimeException ignored) {
            // what the caller needs to hear about is the reason for closing
        }
    }

    private static void close(ChunkedRecords parallel) {
        if (parallel != null) {
            parallel.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failure is what the caller needs to hear about
        }
    }
}
