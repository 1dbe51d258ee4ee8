package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.table.Table;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampledReadTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithinTheLimitIsReadExactlyAsWithoutSampling() throws Exception {
        Path file = file(500);
        CsvTableReader.Loaded loaded = CsvTableReader.read(file, CsvOptions.defaults(), null, new CsvTableReader.RowSample(500, 7), null);
        assertThat(loaded.sampled()).isFalse();
        assertThat(csv(loaded.table())).isEqualTo(csv(CsvTableReader.read(file)));
    }

    @Test
    void aLargerFileGivesAUniformSeededSampleInFileOrderWithOnlyItsOwnCategories() throws Exception {
        Path file = file(20_000);
        CsvTableReader.Loaded loaded = CsvTableReader.read(file, CsvOptions.defaults(), null, new CsvTableReader.RowSample(2_000, 7), null);
        Table t = loaded.table();
        assertThat(loaded.rowsRead()).isEqualTo(20_000);
        assertThat(t.rowCount()).isEqualTo(2_000);
        int[] perQuarter = new int[4];
        long previous = -1;
        for (int r = 0; r < t.rowCount(); r++) {
            long id = Long.parseLong(t.column("id").text(r));
            assertThat(id).isGreaterThan(previous);
            previous = id;
            perQuarter[(int) (id / 5_000)]++;
            // every row keeps its own values together
            assertThat(t.column("label").text(r)).isEqualTo("v" + id);
        }
        // each quarter of the file holds 500 +- 4 standard deviations (about 19) of the sample
        for (int q : perQuarter) {
            assertThat(q).isBetween(424, 576);
        }
        // the free-text column's dictionary holds only the kept rows' values (the dropped ones were compacted away)
        assertThat(((io.synthline.commons.table.CategoricalColumn) t.column("label")).cardinality()).isEqualTo(2_000);
        CsvTableReader.Loaded again = CsvTableReader.read(file, CsvOptions.defaults(), null, new CsvTableReader.RowSample(2_000, 7), null);
        assertThat(csv(again.table())).isEqualTo(csv(t));
        CsvTableReader.Loaded other = CsvTableReader.read(file, CsvOptions.defaults(), null, new CsvTableReader.RowSample(2_000, 8), null);
        assertThat(csv(other.table())).isNotEqualTo(csv(t));
    }

    @Test
    void aBadValueInARowTheSampleDropsIsStillReportedWithItsLine() throws Exception {
        StringBuilder text = new StringBuilder("n\n");
        for (int i = 0; i < 3000; i++) {
            text.append(i).append('\n');
        }
        text.append("1.5\n");
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, text);
        io.synthline.commons.table.TableSchema integers = new io.synthline.commons.table.TableSchema(List.of(
                new io.synthline.commons.table.ColumnSchema("n", io.synthline.commons.table.ColumnType.INTEGER, null)));
        assertThatThrownBy(() -> CsvTableReader.read(file, CsvOptions.defaults(), integers, new CsvTableReader.RowSample(10, 1), null))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 3002");
    }

    @Test
    void rowKeysSeeEveryRowAndEqualValuesGiveEqualKeys() throws Exception {
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "a,b\n1,x\n1.0,x\n2,x\n1,y\n,\n");
        List<Long> keys = new java.util.ArrayList<>();
        CsvTableReader.RowKeys collect = new CsvTableReader.RowKeys() {
            @Override
            public List<String> columns() {
                return List.of("b", "a");
            }

            @Override
            public boolean mark(long key) {
                keys.add(key);
                return keys.size() % 2 == 0;
            }
        };
        CsvTableReader.Loaded loaded = CsvTableReader.read(file, CsvOptions.defaults(), null, new CsvTableReader.RowSample(2, 3), collect);
        assertThat(keys).hasSize(5);
        assertThat(keys.get(0)).as("1 and 1.0 are the same number").isEqualTo(keys.get(1));
        assertThat(keys.subList(1, 5)).doesNotHaveDuplicates();
        assertThat(loaded.markedRows()).isEqualTo(2);
        assertThat(loaded.table().rowCount()).isEqualTo(2);
    }

    private Path file(int rows) throws Exception {
        StringBuilder text = new StringBuilder("id,group,label\n");
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",g").append(i % 3).append(",v").append(i).append('\n');
        }
        Path file = dir.resolve("f" + rows + ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static String csv(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
