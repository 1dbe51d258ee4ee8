package io.synthline.commons.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.CsvTableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRowsTest {
    @TempDir
    Path dir;

    @Test
    void selectedRowsEqualReadingAFileOfJustThoseRows() throws IOException {
        Path full = dir.resolve("full.csv");
        Files.writeString(full, """
                id,colour,amount,when
                1,red,1.5,2024-01-02
                2,blue,,2024-01-03
                3,green,2.25,
                4,,3,2024-02-01
                5,violet,4,2024-03-01
                6,blue,5.5,2024-04-01
                """);
        Table table = CsvTableReader.read(full, CsvOptions.defaults(), null);
        int[] picked = {5, 1, 3};

        Table selected = table.rows(picked);

        Path part = dir.resolve("part.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(full).subList(0, 1));
        for (int r : picked) {
            lines.add(Files.readAllLines(full).get(r + 1));
        }
        Files.write(part, lines);
        Table expected = CsvTableReader.read(part, CsvOptions.defaults(), table.schema());
        assertThat(selected.schema()).isEqualTo(table.schema());
        assertThat(csv(selected)).isEqualTo(csv(expected));
        CategoricalColumn colour = (CategoricalColumn) selected.column("colour");
        assertThat(colour.categories()).as("only the selected rows' categories, first-seen order").containsExactly("blue");
        assertThat(colour.categories()).isEqualTo(((CategoricalColumn) expected.column("colour")).categories());
        assertThat(selected.column("amount").isNull(0)).isFalse();
        assertThat(selected.column("amount").isNull(1)).isTrue();
        assertThat(selected.column("colour").isNull(2)).isTrue();
    }

    @Test
    void noRowsGiveAnEmptyTableWithTheSchema() {
        Table table = new Table(List.of(new NumericColumn(new ColumnSchema("x", ColumnType.INTEGER, null), new double[] {1, 2})));
        Table none = table.rows(new int[0]);
        assertThat(none.rowCount()).isZero();
        assertThat(none.schema()).isEqualTo(table.schema());
    }

    private static String csv(Table t) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
