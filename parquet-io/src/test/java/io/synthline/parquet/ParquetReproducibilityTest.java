package io.synthline.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.hash.Sha256;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows give the same Parquet bytes in every JVM. parquet-java orders a column's encodings
 * by identity hash codes, which differ between JVM runs: the file written here and the one a
 * second JVM writes are compared byte for byte, and every footer list of encodings is sorted.
 */
class ParquetReproducibilityTest {
    @TempDir
    Path dir;

    static final TableSchema SCHEMA = new TableSchema(List.of(ColumnSchema.of("id", ColumnType.INTEGER),
            ColumnSchema.of("x", ColumnType.DECIMAL), ColumnSchema.of("ok", ColumnType.BOOLEAN),
            new ColumnSchema("day", ColumnType.DATETIME, "yyyy-MM-dd"), ColumnSchema.of("colour", ColumnType.CATEGORICAL),
            ColumnSchema.of("note", ColumnType.TEXT)));

    /** Writes the sample to {@code args[0]}: what the second JVM runs. */
    public static void main(String[] args) {
        write(Path.of(args[0]));
    }

    static void write(Path file) {
        String[] colours = {"red", "green", "blue", null};
        try (ParquetTableWriter w = ParquetTableWriter.open(file, SCHEMA)) {
            for (int i = 0; i < 5_000; i++) {
                w.writeRow(Integer.toString(i), i % 7 == 0 ? null : Double.toString(i * 0.25), Boolean.toString(i % 3 == 0),
                        String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28), colours[i % 4], "note " + (i * 7919 % 10_007));
            }
        }
    }

    @Test
    void theSameRowsGiveTheSameBytesInAnotherJvm() throws Exception {
        Path here = dir.resolve("here.parquet");
        Path there = dir.resolve("there.parquet");
        write(here);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ParquetReproducibilityTest.class.getName(), there.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the second JVM finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        assertThat(Files.size(there)).isEqualTo(Files.size(here));
        assertThat(Sha256.hex(there)).as("SHA-256 of the file the second JVM wrote").isEqualTo(Sha256.hex(here));
    }

    @Test
    void everyListOfEncodingsIsSorted() throws IOException {
        Path file = dir.resolve("sorted.parquet");
        write(file);
        int columnsWithSeveral = 0;
        for (RowGroup group : footer(file).getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData meta = chunk.getMeta_data();
                List<Integer> values = new ArrayList<>(meta.getEncodings().stream().map(Encoding::getValue).toList());
                assertThat(values).as(meta.getPath_in_schema().toString()).isSorted();
                columnsWithSeveral += values.size() > 1 ? 1 : 0;
            }
        }
        // the check is not vacuous: columns carry several encodings (values, definition levels, dictionary)
        assertThat(columnsWithSeveral).isEqualTo(SCHEMA.size());
    }

    private static FileMetaData footer(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
    }
}
