package io.synthline.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRoundTripTest {
    @TempDir
    Path dir;

    private static List<List<String>> rows(RowSource s) {
        List<List<String>> out = new ArrayList<>();
        while (s.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < s.columnCount(); i++) {
                row.add(s.value(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void aTableSurvivesParquetWithItsTypesAndMissingValues() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "id,n,x,ok,day,at,colour\n"
                + "a1,1,2.5,true,2024-02-29,2024-02-29 10:11:12,red\n"
                + "a2,,-0.125,false,,2020-01-01 00:00:00,\n"
                + "a3,30000000000,1e-3,,1999-12-31,,blue\n");
        Table table = CsvTableReader.read(csv);
        Path pq = dir.resolve("t.parquet");
        ParquetTableWriter.write(table, pq);
        assertThat(ParquetFiles.isParquet(pq)).isTrue();
        assertThat(ParquetFiles.isParquet(csv)).isFalse();
        try (RowSource s = ParquetFiles.open(pq, CsvOptions.defaults())) {
            assertThat(s.header()).containsExactly("id", "n", "x", "ok", "day", "at", "colour");
            // strings are left to inference: a Parquet string column may hold categories or identifiers
            assertThat(s.declaredSchema().columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly(
                    "n:INTEGER", "x:DECIMAL", "ok:BOOLEAN", "day:DATETIME", "at:DATETIME");
            assertThat(rows(s)).containsExactly(
                    List.of("a1", "1", "2.5", "true", "2024-02-29", "2024-02-29T10:11:12.000", "red"),
                    java.util.Arrays.asList("a2", null, "-0.125", "false", null, "2020-01-01T00:00:00.000", null),
                    java.util.Arrays.asList("a3", "30000000000", "0.001", null, "1999-12-31", null, "blue"));
        }
        try (RowSource s = ParquetFiles.open(csv, CsvOptions.defaults())) {
            assertThat(s).isInstanceOf(CsvRowSource.class);
        }
    }

    @Test
    void streamingWriterAndBadFiles() throws IOException {
        Path pq = dir.resolve("s.parquet");
        var schema = new io.synthline.commons.table.TableSchema(List.of(ColumnSchema.of("k", ColumnType.INTEGER),
                ColumnSchema.of("v", ColumnType.CATEGORICAL)));
        try (ParquetTableWriter w = ParquetTableWriter.open(pq, schema)) {
            for (int i = 0; i < 10_000; i++) {
                w.writeRow(Integer.toString(i), i % 2 == 0 ? "even" : null);
            }
        }
        try (RowSource s = ParquetFiles.open(pq, CsvOptions.defaults())) {
            List<List<String>> rows = rows(s);
            assertThat(rows).hasSize(10_000);
            assertThat(rows.get(9_999)).containsExactly("9999", null);
            assertThat(s.lineNumber()).isEqualTo(10_000);
        }
        Path truncated = dir.resolve("bad.parquet");
        byte[] bytes = Files.readAllBytes(pq);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ParquetFiles.open(truncated, CsvOptions.defaults()))
                .isInstanceOf(io.synthline.commons.api.BadInputException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> ParquetFiles.open(pq, CsvOptions.defaults().withLimits(1000, 1)))
                .hasMessageContaining("more than the limit of 1");
    }
}
