package io.synthline.commons.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes to characters like {@link java.io.InputStreamReader}, but knows where it is: a
 * malformed byte sequence or a NUL character (binary data) is reported with its physical line and
 * byte offset. The JDK reader decodes ahead of the parser, so the parser's line number would be
 * wrong by up to a buffer's worth of lines. Also strips a byte order mark and lets it choose the charset.
 */
final class DecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final boolean bom;
    private boolean eof;
    private boolean flushed;
    private long line = 1;
    private long byteOffset;
    /** Line breaks as FastCSV counts them (CR, LF, or CR LF as one), for readers of a part of a file. */
    private long lineBreaks;
    private boolean lastWasCr;

    DecodingReader(InputStream in, Charset requested) throws IOException {
        this.in = in;
        bytes.limit(0);
        fill();
        Charset detected = null;
        int skip = 0;
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            detected = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(0xFE, 0xFF)) {
            detected = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(0xFF, 0xFE)) {
            detected = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        this.bom = detected != null;
        bytes.position(bytes.position() + skip);
        byteOffset = skip;
        this.decoder = (detected != null ? detected : requested).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Decodes a part of a file that starts at {@code byteOffset}, at a character boundary, in
     * {@code charset} (no byte order mark is looked for). Lines in its errors count from the part's start.
     */
    DecodingReader(InputStream in, Charset charset, long byteOffset) throws IOException {
        this.in = in;
        bytes.limit(0);
        fill();
        this.bom = false;
        this.byteOffset = byteOffset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Line feeds read so far (lines of errors are 1 + this). */
    long lineFeeds() {
        return line - 1;
    }

    /** Line breaks read so far, counted as FastCSV counts record lines. */
    long lineBreaks() {
        return lineBreaks;
    }

    private boolean startsWith(int... prefix) {
        if (bytes.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes.get(bytes.position() + i) & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    Charset charset() {
        return decoder.charset();
    }

    boolean bom() {
        return bom;
    }

    /** Reads until the buffer is full or the stream ends. */
    private void fill() throws IOException {
        bytes.compact();
        while (bytes.hasRemaining()) {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
                break;
            }
            bytes.position(bytes.position() + n);
            if (n == 0) {
                break;
            }
        }
        bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, out, eof);
            byteOffset += bytes.position() - before;
            int produced = out.position() - off;
            if (result.isError()) {
                long at = line + scan(cbuf, off, produced);
                throw new CsvFormatException("bad-encoding", at, null, "the bytes at offset " + byteOffset
                        + " are not valid " + decoder.charset().name() + " text")
                        .detail("byteOffset", byteOffset);
            }
            if (produced > 0) {
                line += scan(cbuf, off, produced);
                return produced;
            }
            if (eof) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    produced = out.position() - off;
                    if (produced > 0) {
                        line += scan(cbuf, off, produced);
                        return produced;
                    }
                }
                return -1;
            }
            fill();
        }
    }

    /** Counts line feeds (and line breaks) and rejects NUL, which never occurs in text. */
    private long scan(char[] cbuf, int off, int n) {
        long newlines = 0;
        long crs = 0;
        long crLfs = 0;
        boolean cr = lastWasCr;
        for (int i = off, end = off + n; i < end; i++) {
            char c = cbuf[i];
            if (c <= '\r') {
                if (c == '\n') {
                    newlines++;
                    if (cr) {
                        crLfs++;
                    }
                } else if (c == '\r') {
                    crs++;
                    cr = true;
                    continue;
                } else if (c == 0) {
                    throw new CsvFormatException("binary-content", line + newlines, null,
                            "the file contains a NUL character: it looks like binary data, not "
                                    + decoder.charset().name() + " text (UTF-16 text needs encoding=UTF-16)");
                }
            }
            cr = false;
        }
        lastWasCr = cr;
        lineBreaks += newlines + crs - crLfs;
        return newlines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
