package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.TextBlock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel reader against the sequential one on hostile files: every row, cell, line number
 * and block boundary, and the error of a bad file, must be the same. Chunks are forced small
 * (tens to thousands of bytes) so that cuts fall inside quoted fields, between CR and LF, inside
 * long fields and next to empty lines.
 */
class ParallelCsvReadTest {
    @TempDir
    Path dir;

    /** What a read saw: the header, then one line per row (its line and cells), then the error if any. */
    private static List<String> read(Path file, CsvOptions options, int threads, long chunkBytes) {
        List<String> seen = new ArrayList<>();
        try (CsvRowSource source = CsvRowSource.open(file, options, threads, chunkBytes)) {
            seen.add("header " + source.header());
            int n = source.columnCount();
            while (source.next()) {
                StringBuilder row = new StringBuilder().append(source.lineNumber()).append(':');
                for (int c = 0; c < n; c++) {
                    row.append('[').append(source.raw(c)).append('|').append(source.value(c)).append(']');
                }
                seen.add(row.toString());
            }
        } catch (BadInputException e) {
            seen.add("error " + e.slug() + " " + e.getMessage() + " " + e.details());
        }
        return seen;
    }

    /** The same, through blocks (as the profiler reads): block boundaries included. */
    private static List<String> blocks(Path file, CsvOptions options, int threads, long chunkBytes, int capacity) {
        List<String> seen = new ArrayList<>();
        try (CsvRowSource source = CsvRowSource.open(file, options, threads, chunkBytes)) {
            TextBlock block = new TextBlock(source.columnCount(), capacity);
            while (source.fill(block)) {
                StringBuilder b = new StringBuilder("block");
                for (int r = 0; r < block.rows(); r++) {
                    b.append(" ").append(block.line(r)).append(':');
                    for (int c = 0; c < block.columns(); c++) {
                        b.append('[').append(block.value(c, r)).append(']');
                    }
                }
                seen.add(b.toString());
            }
        } catch (BadInputException e) {
            seen.add("error " + e.slug() + " " + e.getMessage() + " " + e.details());
        }
        return seen;
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "hostile-", ".csv");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aCutInsideAQuotedFieldWithEmbeddedNewlinesReadsAsOneThread() throws IOException {
        StringBuilder sb = new StringBuilder("id,note,n\r\n");
        for (int i = 0; i < 400; i++) {
            sb.append(i).append(",\"line one\nline, two\r\n\"\"quoted\"\"\n\n\",").append(i % 7 == 0 ? "NA" : i).append("\r\n");
            if (i % 50 == 0) {
                sb.append("\r\n\n");
            }
        }
        Path file = write(sb.toString().getBytes(StandardCharsets.UTF_8));
        List<String> sequential = read(file, CsvOptions.defaults(), 1, 0);
        assertThat(sequential).hasSize(401);
        for (long chunk : new long[] {7, 13, 64, 100, 333, 1024}) {
            try (CsvRowSource s = CsvRowSource.open(file, CsvOptions.defaults(), 3, chunk)) {
                assertThat(s.parallel()).isTrue();
            }
            assertThat(read(file, CsvOptions.defaults(), 3, chunk)).as("chunk %d", chunk).isEqualTo(sequential);
        }
    }

    @Test
    void seededHostileFilesReadAsOneThread() throws IOException {
        Random random = new Random(20);
        int parallelReads = 0;
        for (int file = 0; file < 300; file++) {
            Hostile h = hostile(random, file);
            Path path = write(h.bytes);
            CsvOptions options = h.options;
            List<String> sequential = read(path, options, 1, 0);
            for (int k = 0; k < 3; k++) {
                long chunk = 8 + random.nextInt(h.bytes.length / 2 + 1);
                int threads = 2 + random.nextInt(3);
                assertSameRead(read(path, options, threads, chunk), sequential,
                        "file %d (%s), %d threads, chunks of %d bytes".formatted(file, h.kind, threads, chunk));
                parallelReads++;
            }
            long chunk = 8 + random.nextInt(h.bytes.length / 3 + 1);
            int capacity = 1 + random.nextInt(40);
            assertSameRead(blocks(path, options, 2, chunk, capacity), blocks(path, options, 1, 0, capacity),
                    "file %d (%s) in blocks of %d rows".formatted(file, h.kind, capacity));
            Files.delete(path);
        }
        assertThat(parallelReads).isEqualTo(900);
    }

    /** A table as text (schema, then every cell), or the problem that stopped the read. */
    private static String table(Path file, CsvOptions options, io.synthline.commons.table.TableSchema schema, int threads) {
        try {
            io.synthline.commons.table.Table t = CsvTableReader.read(file, options, schema, threads);
            StringBuilder sb = new StringBuilder(t.schema().toString());
            for (int r = 0; r < t.rowCount(); r++) {
                sb.append('\n');
                for (int c = 0; c < t.columnCount(); c++) {
                    sb.append(t.column(c).text(r)).append('|');
                }
            }
            return sb.toString();
        } catch (BadInputException e) {
            return "error " + e.slug() + " " + e.getMessage() + " " + e.details();
        }
    }

    @Test
    void tablesAndTheirFirstBadValueAreTheSameWithColumnsSplitOverThreads() throws IOException {
        Random random = new Random(2020);
        for (int file = 0; file < 120; file++) {
            int columns = 2 + random.nextInt(8);
            int rows = random.nextInt(3000);
            StringBuilder sb = new StringBuilder();
            List<io.synthline.commons.table.ColumnSchema> declared = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                sb.append(c > 0 ? "," : "").append("c").append(c);
                declared.add(io.synthline.commons.table.ColumnSchema.of("c" + c, c % 3 == 2
                        ? io.synthline.commons.table.ColumnType.CATEGORICAL : io.synthline.commons.table.ColumnType.INTEGER));
            }
            sb.append('\n');
            int bad = random.nextInt(4); // 0: clean; else a few bad values, maybe on one row
            for (int r = 0; r < rows; r++) {
                int cells = bad > 0 && random.nextInt(2000) == 0 ? columns + 1 : columns;
                for (int c = 0; c < cells; c++) {
                    sb.append(c > 0 ? "," : "");
                    if (bad > 0 && random.nextInt(1500) == 0) {
                        sb.append(random.nextBoolean() ? "x" + r : "1.5");
                    } else if (random.nextInt(20) == 0) {
                        sb.append("NA");
                    } else {
                        sb.append(random.nextInt(c % 3 == 2 ? 30 : 100_000));
                    }
                }
                sb.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            Path path = write(sb.toString().getBytes(StandardCharsets.UTF_8));
            var schema = random.nextBoolean() ? new io.synthline.commons.table.TableSchema(declared) : null;
            String one = table(path, CsvOptions.defaults(), schema, 1);
            for (int threads : new int[] {2, 3}) {
                assertThat(table(path, CsvOptions.defaults(), schema, threads)).as("file %d, %d threads", file, threads)
                        .isEqualTo(one);
            }
            Files.delete(path);
        }
    }

    /**
     * Equal, except that before an undecodable byte or a NUL the sequential reader may have handed
     * out fewer rows: it decodes ahead of the parser and fails on the bad byte before handing out
     * the rows decoded with it (the parallel reader decodes its chunks ahead as well, in other
     * windows). The error itself, with its line and byte offset, is the same.
     */
    private static void assertSameRead(List<String> parallel, List<String> sequential, String what) {
        String last = sequential.isEmpty() ? "" : sequential.getLast();
        if (last.startsWith("error bad-encoding") || last.startsWith("error binary-content")) {
            assertThat(parallel.getLast()).as(what).isEqualTo(last);
            int common = Math.min(parallel.size(), sequential.size()) - 1;
            assertThat(parallel.subList(0, common)).as(what).isEqualTo(sequential.subList(0, common));
        } else {
            assertThat(parallel).as(what).isEqualTo(sequential);
        }
    }

    private record Hostile(byte[] bytes, CsvOptions options, String kind) {
    }

    /**
     * A file of random rows: plain, empty, null-token, quoted cells with delimiters, quotes and
     * line breaks of every kind, long cells, empty lines, LF or CRLF or CR line ends, a BOM or not,
     * a final line end or not, and (in one file in three) one defect: a ragged row, a bad byte, a
     * NUL, text after a closing quote or an unclosed quote at the end.
     */
    private static Hostile hostile(Random random, int index) {
        char delimiter = random.nextInt(4) == 0 ? ';' : ',';
        CsvOptions options = CsvOptions.defaults().withDelimiter(delimiter).withLimits(20_000, 64);
        if (random.nextInt(5) == 0) {
            options = options.withEmptyAsNull(false);
        }
        boolean header = random.nextInt(6) != 0;
        options = options.withHeader(header);
        int columns = 1 + random.nextInt(6);
        int rows = random.nextInt(120);
        String[] ends = {"\n", "\r\n", "\r\n", "\n"};
        String end = random.nextInt(10) == 0 ? "\r" : ends[random.nextInt(ends.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(5) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        StringBuilder sb = new StringBuilder();
        if (header) {
            for (int c = 0; c < columns; c++) {
                sb.append(c > 0 ? String.valueOf(delimiter) : "").append(random.nextInt(8) == 0 ? "\"col\n" + c + "\"" : "c" + c);
            }
            sb.append(end);
        }
        int defectRow = random.nextInt(3) == 0 ? random.nextInt(rows + 1) : -1;
        int defect = random.nextInt(6);
        String kind = defectRow < 0 ? "clean" : "defect " + defect;
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(15) == 0) {
                sb.append(random.nextBoolean() ? "\n" : "\r\n");
            }
            int cells = columns;
            if (r == defectRow && defect == 0) {
                cells = columns + (random.nextBoolean() || columns == 1 ? 1 : -1);
            }
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    sb.append(delimiter);
                }
                sb.append(cell(random, delimiter));
            }
            if (r == defectRow && defect == 3) {
                sb.append(delimiter).append("\"closed\"after");
            }
            if (r != rows - 1 || random.nextBoolean()) {
                sb.append(random.nextInt(20) == 0 ? ends[random.nextInt(ends.length)] : end);
            }
        }
        if (defectRow >= 0 && defect == 4) {
            sb.append("\"unclosed ").append(delimiter).append("\n to the end");
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (defectRow >= 0 && (defect == 1 || defect == 2) && text.length > 0) {
            int at = random.nextInt(text.length);
            byte[] bad = defect == 1 ? new byte[] {(byte) 0xC3, (byte) 0x28} : new byte[] {0};
            out.write(text, 0, at);
            out.writeBytes(bad);
            out.write(text, at, text.length - at);
        } else {
            out.writeBytes(text);
        }
        return new Hostile(out.toByteArray(), options, kind);
    }

    private static String cell(Random random, char delimiter) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "NA";
            case 2 -> "\"\"";
            case 3 -> "\"a" + delimiter + "b\"";
            case 4 -> "\"multi\nline\r\nfield\rend\"";
            case 5 -> "\"say \"\"hi\"\"\n\"";
            case 6 -> "x".repeat(random.nextInt(3000));
            case 7 -> "\"" + "\n".repeat(1 + random.nextInt(5)) + "\"";
            case 8 -> "é€" + random.nextInt(100);
            case 9 -> "in\"side";
            default -> String.valueOf(random.nextInt(1000));
        };
    }
}
