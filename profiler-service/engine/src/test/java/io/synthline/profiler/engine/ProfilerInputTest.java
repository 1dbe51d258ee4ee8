package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvFormatException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.profile.AlertKind;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and unusual input: a clear error naming line and column, or a profile that flags the issue. */
class ProfilerInputTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path csv(String text) throws IOException {
        return file("t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static DatasetProfile profile(Path p) {
        return new DatasetProfiler(ProfileOptions.defaults()).profile(p, CsvOptions.defaults());
    }

    private static DatasetProfile profile(Path p, ProfileOptions o) {
        return new DatasetProfiler(o).profile(p, CsvOptions.defaults());
    }

    @Test
    void structuralProblemsAreErrorsWithLines() throws IOException {
        assertThatThrownBy(() -> profile(csv(""))).isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> profile(csv("a,b\n"))).isInstanceOf(BadInputException.class)
                .hasMessage("line 1: the file has a header but no data rows");
        assertThatThrownBy(() -> profile(csv("a,a\n1,2\n"))).hasMessageContaining("names column 'a' twice");
        assertThatThrownBy(() -> profile(csv("a, \n1,2\n"))).hasMessageContaining("header field 2 is blank");
        assertThatThrownBy(() -> profile(csv("a,b\n1,2\n1,2,3\n"))).hasMessage("line 3: the row has 3 fields but the header has 2");
        assertThatThrownBy(() -> profile(file("u.csv", new byte[] {'a', '\n', 'x', '\n', (byte) 0xFF, '\n'})))
                .hasMessageStartingWith("line 3: the bytes at offset 4 are not valid UTF-8");
        byte[] random = new byte[50_000];
        new Random(1).nextBytes(random);
        assertThatThrownBy(() -> profile(file("r.bin", random))).isInstanceOf(CsvFormatException.class).hasMessageStartingWith("line ");
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            wide.append(i == 0 ? "" : ",").append('c').append(i);
        }
        assertThatThrownBy(() -> profile(csv(wide + "\n"))).hasMessage("line 1: the header has more than 10000 columns, the limit");
    }

    @Test
    void aWideFileWithinTheLimitProfiles() throws IOException {
        int columns = 2_000;
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            sb.append(c == 0 ? "" : ",").append("c").append(c);
        }
        sb.append('\n');
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < columns; c++) {
                sb.append(c == 0 ? "" : ",").append((r * 31 + c) % 97);
            }
            sb.append('\n');
        }
        DatasetProfile p = profile(csv(sb.toString()), ProfileOptions.defaults().withThreads(2));
        assertThat(p.columnCount()).isEqualTo(columns);
        assertThat(p.rowCount()).isEqualTo(50);
        assertThat(p.correlations().columns()).hasSize(200);
        assertThat(p.correlations().skipped()).hasSize(columns - 200);
    }

    @Test
    void formulaLookingCellsAreFlaggedNotRejected() throws IOException {
        DatasetProfile p = profile(csv("id,note\n1,=cmd|' /C calc'!A0\n2,@SUM(1+1)\n3,-2+3\n4,-5\n5,- item\n6,+1\n"));
        ColumnProfile note = p.column("note").orElseThrow();
        assertThat(note.formulaLikeCount()).isEqualTo(3);
        assertThat(p.alerts()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FORMULA_INJECTION);
            assertThat(a.columns()).containsExactly("note");
        });
    }

    @Test
    void explicitTypesWinAndMismatchesAreCountedWithTheirFirstLine() throws IOException {
        Path p = csv("zip,n,day,flag\n01234,1,2024-01-01,yes\n02345,x,2024-01-02,no\n12345,3,2024-01-03,yes\n");
        DatasetProfile inferred = profile(p);
        assertThat(inferred.schema().columns()).extracting(ColumnSchema::type)
                .containsExactly(ColumnType.TEXT, ColumnType.TEXT, ColumnType.DATETIME, ColumnType.BOOLEAN);
        TableSchema declared = new TableSchema(List.of(ColumnSchema.of("zip", ColumnType.CATEGORICAL),
                ColumnSchema.of("n", ColumnType.INTEGER), new ColumnSchema("day", ColumnType.DATETIME, "uuuu-MM-dd")));
        DatasetProfile typed = profile(p, ProfileOptions.defaults().withExplicitSchema(declared));
        ColumnProfile zip = typed.column("zip").orElseThrow();
        assertThat(zip.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(zip.typeOverridden()).isTrue();
        ColumnProfile n = typed.column("n").orElseThrow();
        assertThat(n.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(n.invalidCount()).isEqualTo(1);
        assertThat(n.firstInvalidLine()).isEqualTo(3);
        assertThat(n.numeric().mean()).isEqualTo(2.0);
        assertThat(typed.alerts()).anySatisfy(a -> assertThat(a.kind()).isEqualTo(AlertKind.INVALID_VALUES));
        assertThat(typed.column("day").orElseThrow().datetime().max()).isEqualTo("2024-01-03");
        assertThatThrownBy(() -> profile(p, ProfileOptions.defaults().withExplicitSchema(
                new TableSchema(List.of(ColumnSchema.of("nope", ColumnType.TEXT))))))
                .hasMessageContaining("names column 'nope' which the data does not have");
    }

    @Test
    void mixedTypesAndMissingValuesAreFlagged() throws IOException {
        StringBuilder sb = new StringBuilder("amount,empty,constant\n");
        for (int i = 0; i < 400; i++) {
            sb.append(i % 50 == 0 ? "unknown" : Integer.toString(i)).append(",,same\n");
        }
        DatasetProfile p = profile(csv(sb.toString()));
        ColumnProfile amount = p.column("amount").orElseThrow();
        assertThat(amount.typeCounts().integer()).isEqualTo(392);
        assertThat(amount.typeCounts().text()).isEqualTo(8);
        assertThat(p.alerts()).extracting(a -> a.kind() + ":" + String.join(",", a.columns()))
                .contains("MIXED_TYPES:amount", "ALL_MISSING:empty", "CONSTANT:constant");
    }

    @Test
    void encodingsAndDialects() throws IOException {
        byte[] latin1 = "city;score\nZürich;1,5\nGenève;2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = file("l.csv", latin1);
        DatasetProfile profile = new DatasetProfiler(ProfileOptions.defaults()).profile(p,
                CsvOptions.defaults().withDelimiter(';').withCharset(StandardCharsets.ISO_8859_1));
        assertThat(profile.source().csv().encoding()).isEqualTo("ISO-8859-1");
        assertThat(profile.source().csv().delimiter()).isEqualTo(";");
        assertThat(profile.column("city").orElseThrow().examples()).contains("Zürich", "Genève");
    }
}
