package io.synthline.profiler.engine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a reproducible CSV of mixed column kinds (integers, decimals, categories, booleans,
 * dates, timestamps, short text, identifiers, with some missing cells) for benchmarks and tests.
 * Column i has kind i mod 10, so any width mixes every kind.
 */
public final class MixedCsvGenerator {
    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
            "india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"};
    private static final String[] CITIES = {"Berlin", "Paris", "Madrid", "Rome", "Vienna", "Lisbon", "Oslo", "Dublin",
            "Prague", "Warsaw", "Athens", "Zurich"};

    private MixedCsvGenerator() {
    }

    public static Path write(Path file, long rows, int columns, long seed) {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(w, rows, columns, seed);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes until {@code bytes} have been produced (whole rows), for files larger than memory. */
    public static long writeBytes(Path file, long bytes, int columns, long seed) {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder sb = new StringBuilder(8192);
            header(sb, columns);
            SplittableRandom random = new SplittableRandom(seed);
            long written = 0;
            long row = 0;
            while (written < bytes) {
                sb.setLength(0);
                for (int k = 0; k < 64; k++) {
                    row(sb, row++, columns, random);
                }
                w.write(sb.toString());
                written += sb.length();
            }
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Writer w, long rows, int columns, long seed) throws IOException {
        StringBuilder sb = new StringBuilder(8192);
        header(sb, columns);
        w.write(sb.toString());
        SplittableRandom random = new SplittableRandom(seed);
        for (long r = 0; r < rows; r++) {
            sb.setLength(0);
            row(sb, r, columns, random);
            w.write(sb.toString());
        }
    }

    private static void header(StringBuilder sb, int columns) {
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(switch (c % 10) {
                case 0 -> "id";
                case 1 -> "count";
                case 2 -> "amount";
                case 3 -> "category";
                case 4 -> "flag";
                case 5 -> "day";
                case 6 -> "timestamp";
                case 7 -> "label";
                case 8 -> "score";
                default -> "city";
            }).append('_').append(c);
        }
        sb.append('\n');
    }

    private static void row(StringBuilder sb, long r, int columns, SplittableRandom random) {
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                sb.append(',');
            }
            int kind = c % 10;
            if (kind != 0 && random.nextInt(50) == 0) {
                continue;
            }
            switch (kind) {
                case 0 -> sb.append(r * 7 + c);
                case 1 -> sb.append(random.nextInt(1000));
                case 2 -> {
                    long cents = random.nextLong(1_000_000);
                    sb.append(cents / 100).append('.');
                    long frac = cents % 100;
                    if (frac < 10) {
                        sb.append('0');
                    }
                    sb.append(frac);
                }
                case 3 -> sb.append("cat").append(random.nextInt(1 + c % 40));
                case 4 -> sb.append(random.nextBoolean() ? "true" : "false");
                case 5 -> sb.append(LocalDate.ofEpochDay(10_000 + random.nextInt(9000)));
                case 6 -> {
                    LocalDate d = LocalDate.ofEpochDay(17_000 + random.nextInt(2000));
                    int s = random.nextInt(86_400);
                    sb.append(d).append(' ');
                    two(sb, s / 3600).append(':');
                    two(sb, s / 60 % 60).append(':');
                    two(sb, s % 60);
                }
                case 7 -> sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                case 8 -> sb.append(Math.round(random.nextGaussian() * 15 + 100) / 10.0);
                default -> sb.append(CITIES[random.nextInt(CITIES.length)]);
            }
        }
        sb.append('\n');
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
