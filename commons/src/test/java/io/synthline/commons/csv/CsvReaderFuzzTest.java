package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.synthline.commons.api.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes through the CSV reader the profiler and every engine use: it reads them or refuses
 * them as the user's mistake (a 4xx on the platform, exit 2 in the CLI), never with another
 * exception, never slowly, and never holding more than its field limit in memory.
 */
class CsvReaderFuzzTest {
    static final int MAX_FIELD = 4096;
    static final int MAX_COLUMNS = 64;

    /** Bytes that look like CSV often enough to get past the header: separators, quotes, line ends, NUL, invalid UTF-8. */
    static final byte[] ALPHABET = {'a', '1', ',', ';', '"', '\n', '\r', '\t', 0, (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xEF,
        (byte) 0xBB, (byte) 0xBF, '=', '-', '.', ' '};

    static byte[] csvLike(Random random) {
        byte[] bytes = new byte[random.nextInt(2001)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return bytes;
    }

    @Test
    void anyBytesAreReadOrRefusedAsBadInput() throws Exception {
        Random random = new Random(20261205);
        for (int i = 0; i < 400; i++) {
            anyBytesAreReadOrRefusedAsBadInput(csvLike(random));
        }
    }

    void anyBytesAreReadOrRefusedAsBadInput(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("fuzz-", ".csv");
        try {
            Files.write(file, bytes);
            CsvOptions options = CsvOptions.defaults().withLimits(MAX_FIELD, MAX_COLUMNS);
            assertThatCode(() -> {
                long t0 = System.nanoTime();
                try {
                    CsvTableReader.read(file, options, null);
                } catch (BadInputException expected) {
                    assertThat(expected.status()).isBetween(400, 499);
                    assertThat(expected.getMessage()).isNotBlank();
                }
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("time for %d bytes", bytes.length)
                        .isLessThan(Duration.ofSeconds(30));
            }).doesNotThrowAnyException();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aFieldLongerThanTheLimitIsRefusedNotBuffered() throws Exception {
        Random random = new Random(11);
        IntStream lengths = IntStream.concat(IntStream.of(0, MAX_FIELD, MAX_FIELD + 1, 200_000),
                random.ints(46, 0, MAX_FIELD + 11));
        for (int length : lengths.toArray()) {
            aFieldOfLength(length);
        }
    }

    void aFieldOfLength(int length) throws Exception {
        Path file = Files.createTempFile("fuzz-", ".csv");
        try {
            String body = "a,b\n1,\"" + "x".repeat(length) + "\"\n";
            Files.writeString(file, body, StandardCharsets.UTF_8);
            CsvOptions options = CsvOptions.defaults().withLimits(MAX_FIELD, MAX_COLUMNS);
            if (length <= MAX_FIELD) {
                assertThat(CsvTableReader.read(file, options, null).rowCount()).isEqualTo(1);
            } else {
                assertThatCode(() -> CsvTableReader.read(file, options, null)).isInstanceOf(BadInputException.class);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void moreColumnsThanTheLimitAreRefused() throws Exception {
        Random random = new Random(13);
        for (int columns : IntStream.concat(IntStream.of(1, MAX_COLUMNS, MAX_COLUMNS + 1, 100_000),
                random.ints(26, 1, MAX_COLUMNS + 6)).toArray()) {
            columnsOf(columns);
        }
    }

    void columnsOf(int columns) throws Exception {
        Path file = Files.createTempFile("fuzz-", ".csv");
        try {
            String header = String.join(",", IntStream.range(0, columns).mapToObj(i -> "c" + i).toList());
            Files.writeString(file, header + "\n" + ",".repeat(Math.max(0, columns - 1)) + "\n");
            CsvOptions options = CsvOptions.defaults().withLimits(MAX_FIELD, MAX_COLUMNS);
            if (columns <= MAX_COLUMNS) {
                assertThatCode(() -> CsvTableReader.read(file, options, null)).doesNotThrowAnyException();
            } else {
                assertThatCode(() -> CsvTableReader.read(file, options, null)).isInstanceOf(BadInputException.class);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

}
