package io.synthline.commons.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.synthline.commons.table.TextBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The records of a CSV file parsed by several threads, handed out one at a time in file order,
 * exactly as one FastCSV parser reading the whole file would produce them (same fields, same
 * line numbers, same first error).
 *
 * <p>The file is cut into chunks after a line feed. Where the line feed ends a record, FastCSV
 * started at the next byte is in the state a parser that read everything before would be in
 * (a new record, no carriage return pending), so each chunk is parsed on its own, by its own
 * FastCSV parser, as if it started a record. Whether it did is only known once the chunk before
 * is parsed: that parse is told not to accept an unclosed quote at its end, so a line feed that
 * was inside a quoted field (a field with an embedded newline across the cut) shows up as
 * FastCSV's "unclosed quoted field" at the end of the earlier chunk. Then the speculative parse
 * of the later chunk is dropped and the two are parsed again as one, on the reading thread,
 * until a parse ends outside quotes. Chunk 0 starts at the file's first byte (byte order mark,
 * header), so by induction every chunk used started at a record boundary. No guess about quotes
 * is made from bytes: FastCSV decides every quote.
 *
 * <p>Line numbers are counted per chunk while decoding (line breaks as FastCSV counts them, line
 * feeds as error messages count them) and offset when a chunk is handed out, after the chunks
 * before it, so they are the file's. Only charsets in which a line feed is always the byte
 * {@code 0x0A} qualify (see {@link #splittable}).
 */
final class ChunkedRecords implements ParsedRecord, AutoCloseable {
    /** The smallest chunk worth a task of its own. */
    static final long MIN_CHUNK_BYTES = 1L << 20;
    /** The largest chunk: bounds the chunks in flight to a few tens of MB. */
    static final long MAX_CHUNK_BYTES = 4L << 20;

    private final Path path;
    private final CsvOptions options;
    private final NullTokens nulls;
    private final Charset charset;
    private final FileChannel channel;
    private final long[] bounds;
    private final ExecutorService pool;
    private final Future<?>[] tasks;
    private final int ahead;
    /** The next chunk to take; a task for a chunk below it is no longer needed and stops (read by the workers). */
    private volatile int next;
    private Chunk chunk;
    private int record = -1;
    /** Line breaks (FastCSV's lines) and line feeds (error messages' lines) before the current chunk. */
    private long linesBefore;
    private long lineFeedsBefore;
    private volatile boolean closed;
    /** Chunks handed out and left behind, whose buffers the next parses reuse (a chunk's buffer is a few MB). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Chunk> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private ChunkedRecords(Path path, CsvOptions options, Charset charset, int threads, long chunkBytes) throws IOException {
        this.path = path;
        this.options = options;
        this.nulls = new NullTokens(options);
        this.charset = charset;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            this.bounds = boundaries(channel, chunkBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.tasks = new Future<?>[bounds.length - 1];
        this.ahead = 2 * threads + 1;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("csv-reader-", 0).factory());
    }

    /**
     * Parallel records of {@code path} from its first byte, or null when the file is too small to
     * split in two chunks or its charset does not allow splitting at line-feed bytes.
     *
     * @param charset the file's charset (a byte order mark already taken into account)
     */
    static ChunkedRecords open(Path path, CsvOptions options, Charset charset, int threads, long chunkBytes) {
        if (threads < 2 || !splittable(charset)) {
            return null;
        }
        try {
            long size = java.nio.file.Files.size(path);
            if (size < 2 * chunkBytes) {
                return null;
            }
            ChunkedRecords records = new ChunkedRecords(path, options, charset, threads, chunkBytes);
            if (records.bounds.length < 3) {
                records.close();
                return null;
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.getFileName(), e);
        }
    }

    /** The chunk size for a file of {@code size} bytes read by {@code threads} threads: several chunks per thread. */
    static long chunkBytes(long size, int threads) {
        return Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, size / (16L * Math.max(1, threads))));
    }

    /** Charsets in which the byte 0x0A is a line feed wherever it occurs (never part of another character). */
    static boolean splittable(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || name.startsWith("ISO-8859-") || name.startsWith("WINDOWS-125");
    }

    /** Chunk starts: 0, then the byte after the first line feed at or after every {@code chunkBytes}; the file size last. */
    static long[] boundaries(FileChannel channel, long chunkBytes) throws IOException {
        long size = channel.size();
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long from = chunkBytes;
        while (from < size) {
            long lineFeed = nextLineFeed(channel, from, size, buffer);
            if (lineFeed < 0 || lineFeed + 1 >= size) {
                break;
            }
            starts.add(lineFeed + 1);
            from = lineFeed + 1 + chunkBytes;
        }
        starts.add(size);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static long nextLineFeed(FileChannel channel, long from, long size, ByteBuffer buffer) throws IOException {
        for (long at = from; at < size; ) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                return -1;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    return at + i;
                }
            }
            at += n;
        }
        return -1;
    }

    int chunks() {
        return bounds.length - 1;
    }

    /** Moves to the next record; false at the end. Throws the first problem of the file where a sequential read would. */
    boolean advance() {
        while (true) {
            if (chunk != null && record + 1 < chunk.records) {
                record++;
                return true;
            }
            if (chunk != null && chunk.failure != null) {
                throw chunk.failure;
            }
            if (next == tasks.length) {
                return false;
            }
            take();
        }
    }

    /** Makes the next chunk current, parsing it again together with the chunks after it while it ends inside quotes. */
    private void take() {
        if (chunk != null) {
            linesBefore += chunk.lineBreaks;
            lineFeedsBefore += chunk.lineFeeds;
            spare.offer(chunk);
            chunk = null;
        }
        for (int i = next; i < Math.min(tasks.length, next + ahead); i++) {
            if (tasks[i] == null) {
                int index = i;
                tasks[i] = pool.submit(() -> parse(index, index + 1, true));
                // no interrupts: a thread interrupted while it reads closes the shared channel
            }
        }
        int from = next;
        Chunk taken = result(from);
        int to = from + 1;
        while (taken.openEnd) {
            // a line feed at a cut was inside a quoted field: what was parsed after it started mid-field
            to = Math.min(tasks.length, to + Math.max(1, to - from));
            next = to; // the speculative parses of the chunks in between stop
            taken = parse(from, to, false);
        }
        for (int i = from; i < to; i++) {
            tasks[i] = null;
        }
        next = to;
        chunk = taken;
        record = -1;
        if (from > 0 && taken.failure != null) {
            taken.failure = taken.failure instanceof CsvFormatException known ? known.shifted(lineFeedsBefore)
                    : withFileLines(taken.failure, linesBefore);
        }
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("(?<=line )(\\d+)");

    /** FastCSV's message, with the line numbers it counted from the chunk's start counted from the file's. */
    private static RuntimeException withFileLines(RuntimeException e, long linesBefore) {
        if (!(e instanceof CsvParseException)) {
            return e;
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root.getMessage() == null) {
            return e;
        }
        String message = LINE.matcher(root.getMessage())
                .replaceAll(m -> String.valueOf(Long.parseLong(m.group(1)) + linesBefore));
        return new CsvParseException(message);
    }

    private Chunk result(int index) {
        try {
            return (Chunk) tasks[index].get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("a chunk was cancelled before it was read", e);
        }
    }

    /**
     * Parses chunks {@code [from, to)} as one, as if it started a record.
     *
     * @param speculative a task of the pool, given up once the chunk was parsed with the one before it
     */
    private Chunk parse(int from, int to, boolean speculative) {
        Chunk out = spare.poll();
        if (out == null) {
            out = new Chunk(options, nulls);
        }
        out.reset(bounds[to] - bounds[from]);
        boolean last = to == tasks.length;
        DecodingReader decoding = null;
        try (InputStream in = new RangeInputStream(channel, bounds[from], bounds[to])) {
            decoding = from == 0 ? new DecodingReader(in, options.charset()) : new DecodingReader(in, charset, bounds[from]);
            CsvReader<Chunk> reader = CsvReader.builder()
                    .fieldSeparator(options.delimiter())
                    .quoteCharacter(options.quote())
                    .skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    // the end of a chunk inside quotes must show; the file's end reads as a sequential read does
                    .allowUnclosedQuote(last)
                    .build(out, decoding);
            for (Chunk record : reader) {
                if (speculative && from < next || closed) {
                    return out; // not needed any more (taken in a merged parse, or the source was closed)
                }
                record.commit();
            }
        } catch (RuntimeException e) {
            if (!last && unclosedAtEnd(e)) {
                out.openEnd = true;
            } else {
                out.failure = known(e);
            }
        } catch (IOException e) {
            out.failure = new UncheckedIOException(e);
        }
        if (decoding != null) {
            out.lineBreaks = decoding.lineBreaks();
            out.lineFeeds = decoding.lineFeeds();
        }
        return out;
    }

    private static boolean unclosedAtEnd(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CsvParseException && t.getMessage() != null
                    && t.getMessage().startsWith("Unclosed quoted field at end of input")) {
                return true;
            }
        }
        return false;
    }

    /** Our own problem (from decoding) where FastCSV wrapped it, else the exception as thrown. */
    private static RuntimeException known(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CsvFormatException f) {
                return f;
            }
        }
        return e;
    }

    @Override
    public long line() {
        return chunk.lines[record] + linesBefore;
    }

    @Override
    public int fields() {
        return chunk.firstCell[record + 1] - chunk.firstCell[record];
    }

    @Override
    public char[] text() {
        return chunk.text;
    }

    @Override
    public int start(int field) {
        return chunk.starts[chunk.firstCell[record] + field];
    }

    @Override
    public int length(int field) {
        int length = chunk.lengths[chunk.firstCell[record] + field];
        return length < 0 ? ~length : length;
    }

    @Override
    public boolean isNull(int field, NullTokens unused) {
        return chunk.lengths[chunk.firstCell[record] + field] < 0;
    }

    @Override
    public void appendTo(TextBlock block, int columns, NullTokens unused, long line) {
        Chunk c = chunk;
        int from = c.textStart[record];
        int base = block.appendChars(c.text, from, c.textStart[record + 1] - from) - from;
        int first = c.firstCell[record];
        for (int f = 0; f < columns; f++) {
            int length = c.lengths[first + f];
            block.setCell(f, base + c.starts[first + f], length < 0 ? TextBlock.MISSING : length);
        }
        block.endRow(line);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.shutdown();
        try {
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path.getFileName(), e);
        }
    }

    /**
     * The parsed records of a chunk, row-major: FastCSV's fields go straight into one buffer, every
     * record's fields back to back, a missing cell's length stored as its complement (decided here,
     * off the reading thread). Enforces the limits of {@link FieldRangeHandler}, with its messages.
     */
    static final class Chunk extends AbstractBaseCsvCallbackHandler<Chunk> {
        private final NullTokens nulls;
        private final int maxFields;
        private final int maxFieldSize;
        private final int maxRecordSize;
        char[] text;
        int textLength;
        int[] starts = new int[1024];
        int[] lengths = new int[1024];
        int cells;
        int[] firstCell = new int[65];
        int[] textStart = new int[65];
        long[] lines = new long[64];
        int records;
        /** Fields of the record being parsed. */
        private int fields;
        long lineBreaks;
        long lineFeeds;
        /** The chunk ended inside a quoted field. */
        boolean openEnd;
        /** What stopped the parse, thrown after the records before it. */
        RuntimeException failure;

        Chunk(CsvOptions options, NullTokens nulls) {
            FieldRangeHandler limits = FieldRangeHandler.forOptions(options);
            this.nulls = nulls;
            // FieldRangeHandler refuses a field only when its arrays, 32 fields at first, are full at the limit
            this.maxFields = Math.max(32, limits.maxFields());
            this.maxFieldSize = limits.maxFieldSize();
            this.maxRecordSize = limits.maxRecordSize();
            this.text = new char[0];
        }

        /** Empties the chunk for a parse of {@code bytes} bytes, keeping buffers that are large enough. */
        void reset(long bytes) {
            int chars = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, bytes + 1024));
            if (text.length < chars || text.length > 4L * chars) {
                text = new char[chars];
            }
            textLength = 0;
            cells = 0;
            records = 0;
            fields = 0;
            lineBreaks = 0;
            lineFeeds = 0;
            openEnd = false;
            failure = null;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            // a record that failed or was empty left nothing committed
            cells = firstCell[records];
            textLength = textStart[records];
            fields = 0;
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            FieldRangeHandler.checkSizes(fieldIdx, getStartingLineNumber(), len, textLength - textStart[records], maxFieldSize,
                    maxRecordSize);
            if (fields >= maxFields) {
                throw new CsvParseException("Record starting at line %d has surpassed the maximum limit of %d fields"
                        .formatted(getStartingLineNumber(), maxFields));
            }
            if (cells == starts.length) {
                starts = Arrays.copyOf(starts, 2 * cells);
                lengths = Arrays.copyOf(lengths, 2 * cells);
            }
            if (textLength + len > text.length) {
                text = Arrays.copyOf(text, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(textLength + (long) len, 2L * text.length)));
            }
            System.arraycopy(buf, offset, text, textLength, len);
            starts[cells] = textLength;
            lengths[cells] = nulls.isNull(buf, offset, len) ? ~len : len;
            cells++;
            fields++;
            textLength += len;
        }

        @Override
        protected Chunk buildRecord() {
            return this;
        }

        /** Keeps the record just parsed. */
        void commit() {
            if (records + 1 == lines.length) {
                int size = 2 * lines.length;
                lines = Arrays.copyOf(lines, size);
                firstCell = Arrays.copyOf(firstCell, size + 1);
                textStart = Arrays.copyOf(textStart, size + 1);
            }
            lines[records] = getStartingLineNumber();
            records++;
            firstCell[records] = cells;
            textStart[records] = textLength;
        }
    }

    /** Bytes {@code [from, to)} of a file, read at their positions (the channel is shared by the chunks). */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private final long to;
        private long position;

        RangeInputStream(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= to) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - position)), position);
            if (n < 0) {
                return -1;
            }
            position += n;
            return n;
        }
    }
}
