package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.fixtures.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeInferenceAndReaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void infersEveryType() throws IOException {
        StringBuilder sb = new StringBuilder("id,n,x,flag,day,colour,zip,note\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i + 1).append(',').append(i % 7).append(',').append(i * 0.5).append(',')
                    .append(i % 2 == 0 ? "true" : "false").append(',')
                    .append(String.format("2024-01-%02d", i % 28 + 1)).append(',')
                    .append(i % 3 == 0 ? "red" : "blue").append(',')
                    .append(String.format("%05d", 1000 + i)).append(',')
                    .append("free text number ").append(i).append('\n');
        }
        TableSchema schema = TypeInference.infer(csv(sb.toString()), CsvOptions.defaults());
        assertThat(schema.columns()).extracting(ColumnSchema::type).containsExactly(
                ColumnType.IDENTIFIER, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.BOOLEAN,
                ColumnType.DATETIME, ColumnType.CATEGORICAL, ColumnType.IDENTIFIER, ColumnType.TEXT);
        assertThat(schema.column(4).format()).isEqualTo("uuuu-MM-dd");
    }

    /**
     * Reading a file with inferred types takes one pass (types decided from each column's distinct
     * values, rows kept as codes or numbers); the table must be the one inferring, then loading
     * gives. Columns cross the distinct-value cap: numbers past it (then held as numbers), numbers
     * past it and then a word (held values no longer enough: read again), text past it, datetimes,
     * booleans, identifiers, missing cells and an empty column.
     */
    @Test
    void inferringWhileLoadingGivesTheTableOfInferringThenLoading() throws IOException {
        java.util.Random random = new java.util.Random(11);
        int rows = TypeInference.DISTINCT_CAP + 5_000;
        StringBuilder sb = new StringBuilder("id,small,wide,wide_then_word,amount,note,day,flag,code,empty\n");
        for (int i = 0; i < rows; i++) {
            boolean gap = random.nextInt(40) == 0;
            sb.append(i + 1).append(',')
                    .append(gap ? "" : String.valueOf(random.nextInt(50))).append(',')
                    .append(i * 3 - 100_000).append(',')
                    .append(i == rows - 10 ? "many" : String.valueOf(i)).append(',')
                    .append(random.nextInt(1_000_000) / 100.0).append(',')
                    .append("note ").append(i).append(',')
                    .append(String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28)).append(',')
                    .append(gap ? "" : random.nextBoolean() ? "yes" : "no").append(',')
                    .append(String.format("%05d", random.nextInt(300))).append(',')
                    .append('\n');
        }
        Path path = csv(sb.toString());
        TableSchema inferred = TypeInference.infer(path, CsvOptions.defaults());
        assertThat(inferred.columns()).extracting(ColumnSchema::type).containsExactly(ColumnType.INTEGER, ColumnType.INTEGER,
                ColumnType.INTEGER, ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.TEXT, ColumnType.DATETIME,
                ColumnType.BOOLEAN, ColumnType.CATEGORICAL, ColumnType.DECIMAL);
        assertSameTable(CsvTableReader.read(path, CsvOptions.defaults(), null, 2),
                CsvTableReader.read(path, CsvOptions.defaults(), inferred, 2));
        TableSchema partly = new TableSchema(List.of(new ColumnSchema("code", ColumnType.TEXT, null),
                new ColumnSchema("small", ColumnType.DECIMAL, null)));
        assertSameTable(CsvTableReader.read(path, CsvOptions.defaults(), partly),
                CsvTableReader.read(path, CsvOptions.defaults(), inferred.overriddenBy(partly)));
    }

    private static void assertSameTable(Table actual, Table expected) {
        assertThat(actual.schema()).isEqualTo(expected.schema());
        for (int c = 0; c < expected.columnCount(); c++) {
            String name = expected.schema().column(c).name();
            if (expected.column(c) instanceof NumericColumn n) {
                assertThat(java.util.Arrays.equals(((NumericColumn) actual.column(c)).values(), n.values())).as(name).isTrue();
            } else {
                CategoricalColumn k = (CategoricalColumn) expected.column(c);
                CategoricalColumn a = (CategoricalColumn) actual.column(c);
                assertThat(a.categories()).as(name).isEqualTo(k.categories());
                assertThat(java.util.Arrays.equals(a.codes(), k.codes())).as(name).isTrue();
            }
        }
    }

    @Test
    void adultColumnsMatchTheirDocumentedTypes() {
        Table t = CsvTableReader.read(Datasets.adult());
        assertThat(t.rowCount()).isEqualTo(32_561);
        for (String numeric : List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week")) {
            assertThat(t.column(numeric).type()).as(numeric).isEqualTo(ColumnType.INTEGER);
        }
        for (String cat : List.of("workclass", "education", "marital-status", "occupation", "relationship", "race",
                "sex", "native-country", "income")) {
            assertThat(t.column(cat).type()).as(cat).isEqualTo(ColumnType.CATEGORICAL);
        }
        CategoricalColumn income = (CategoricalColumn) t.column("income");
        long rich = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (">50K".equals(income.text(r))) {
                rich++;
            }
        }
        assertThat(rich).isEqualTo(7_841);
        assertThat(((CategoricalColumn) t.column("workclass")).categories()).contains("?");
        assertThat(java.util.Arrays.stream(((NumericColumn) t.column("age")).values()).allMatch(v -> v >= 17 && v <= 90)).isTrue();
    }

    @Test
    void explicitSchemaWinsAndMismatchesNameLineAndColumn() throws IOException {
        Path p = csv("code,v\n1,2\n2,x\n");
        TableSchema explicit = new TableSchema(List.of(ColumnSchema.of("code", ColumnType.CATEGORICAL)));
        assertThatThrownBy(() -> CsvTableReader.read(p, CsvOptions.defaults(),
                new TableSchema(List.of(ColumnSchema.of("code", ColumnType.CATEGORICAL), ColumnSchema.of("v", ColumnType.INTEGER)))))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 3, column 'v': 'x' is not a valid INTEGER");
        Table t = CsvTableReader.read(p, CsvOptions.defaults(), explicit);
        assertThat(t.column("code").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(t.column("v").type()).isEqualTo(ColumnType.TEXT);
        assertThatThrownBy(() -> CsvTableReader.read(p, CsvOptions.defaults(),
                new TableSchema(List.of(ColumnSchema.of("nope", ColumnType.INTEGER)))))
                .hasMessageContaining("schema names column 'nope'");
    }

    @Test
    void roundTripsThroughTheWriter() throws IOException {
        String text = "a,b,c,d\n1,2.5,\"x,y\",2024-02-29\n,-0.001,,\n30000000000,1e21,z,2020-01-01\n";
        Table t = CsvTableReader.read(csv(text));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("a,b,c,d\n1,2.5,\"x,y\",2024-02-29\n,-0.001,,\n30000000000,1000000000000000000000,z,2020-01-01\n");
    }
}
