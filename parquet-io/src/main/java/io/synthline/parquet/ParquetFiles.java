package io.synthline.parquet;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.table.RowSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Recognises Parquet by its magic bytes and opens either format as a {@link RowSource}. */
public final class ParquetFiles {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetFiles() {
    }

    /** True when the file starts with Parquet's magic bytes. */
    public static boolean isParquet(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Parquet or CSV source, whichever the content is; CSV is read with {@code csv}. */
    public static RowSource open(Path file, CsvOptions csv) {
        return open(file, csv, 1);
    }

    /** The same, a large CSV file parsed by {@code threads} threads (see {@link CsvRowSource#open(Path, CsvOptions, int)}). */
    public static RowSource open(Path file, CsvOptions csv, int threads) {
        return isParquet(file) ? ParquetRowSource.open(file, csv.maxColumns()) : CsvRowSource.open(file, csv, threads);
    }

    static RuntimeException translate(Exception e, Path file) {
        if (e instanceof BadInputException bad) {
            return bad;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IOException || e instanceof RuntimeException) {
            return new BadInputException("malformed-parquet", "the file starts like Parquet but cannot be read: "
                    + message.replace(file.toString(), file.getFileName().toString()));
        }
        return new IllegalStateException(e);
    }
}
