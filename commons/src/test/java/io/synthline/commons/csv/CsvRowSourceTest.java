package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.table.TextBlock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowSourceTest {

    private static CsvRowSource source(String text) {
        return CsvRowSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults());
    }

    private static CsvRowSource source(byte[] bytes) {
        return CsvRowSource.open(new ByteArrayInputStream(bytes), CsvOptions.defaults());
    }

    @Test
    void readsRowsWithLineNumbersAndNullTokens() {
        try (CsvRowSource s = source("a,b\n1,NA\n\"x\ny\",3\n4,\n")) {
            assertThat(s.header()).containsExactly("a", "b");
            List<String> seen = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            while (s.next()) {
                seen.add(s.value(0) + "|" + s.value(1));
                lines.add(s.lineNumber());
            }
            assertThat(seen).containsExactly("1|null", "x\ny|3", "4|null");
            assertThat(lines).containsExactly(2L, 3L, 5L);
        }
    }

    @Test
    void stripsUtf8ByteOrderMark() {
        byte[] body = "name,n\nä,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        try (CsvRowSource s = source(withBom)) {
            assertThat(s.header()).containsExactly("name", "n");
            assertThat(s.next()).isTrue();
            assertThat(s.value(0)).isEqualTo("ä");
        }
    }

    @Test
    void raggedRowNamesItsLine() {
        try (CsvRowSource s = source("a,b\n1,2\n3\n")) {
            assertThat(s.next()).isTrue();
            assertThatThrownBy(s::next).isInstanceOf(CsvFormatException.class)
                    .hasMessage("line 3: the row has 1 fields but the header has 2")
                    .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(3));
        }
    }

    @Test
    void headerProblemsAreReported() {
        assertThatThrownBy(() -> source("")).isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> source("a,,c\n1,2,3\n")).hasMessageContaining("header field 2 is blank");
        assertThatThrownBy(() -> source("a,b,a\n1,2,3\n")).hasMessageContaining("names column 'a' twice (fields 1 and 3)");
    }

    @Test
    void invalidUtf8IsAFormatError() {
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> {
            try (CsvRowSource s = source(bytes)) {
                while (s.next()) {
                    s.value(0);
                }
            }
        }).isInstanceOf(CsvFormatException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void oversizedFieldIsRejected() {
        CsvOptions small = CsvOptions.defaults().withLimits(20_000, 100);
        String big = "a\n" + "x".repeat(50_000) + "\n";
        try (CsvRowSource s = CsvRowSource.open(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), small)) {
            assertThatThrownBy(s::next).isInstanceOf(CsvFormatException.class).hasMessageContaining("longer than the limit");
        }
    }

    @Test
    void tooManyColumnsIsRejected() {
        CsvOptions narrow = CsvOptions.defaults().withLimits(1 << 20, 3);
        assertThatThrownBy(() -> CsvRowSource.open(new ByteArrayInputStream("a,b,c,d\n".getBytes(StandardCharsets.UTF_8)), narrow))
                .hasMessageContaining("4 columns, more than the limit of 3");
    }

    @Test
    void blocksHoldTheSameCellsAsTheRowByRowPath() {
        String text = "a,b,c\n1,NA,\"x, \"\"quoted\"\"\ny\"\n\n,  ,NULL\n\"\",é€,3\n" + "4,5,6\n".repeat(7);
        List<String> expected = new ArrayList<>();
        try (CsvRowSource s = source(text)) {
            while (s.next()) {
                expected.add(s.value(0) + "|" + s.value(1) + "|" + s.value(2) + "@" + s.lineNumber());
            }
        }
        List<String> actual = new ArrayList<>();
        List<Integer> blockSizes = new ArrayList<>();
        try (CsvRowSource s = source(text)) {
            TextBlock block = new TextBlock(3, 4);
            while (s.fill(block)) {
                blockSizes.add(block.rows());
                for (int r = 0; r < block.rows(); r++) {
                    actual.add(block.value(0, r) + "|" + block.value(1, r) + "|" + block.value(2, r) + "@" + block.line(r));
                }
            }
        }
        assertThat(expected.subList(0, 3)).containsExactly("1|null|x, \"quoted\"\ny@2", "null|  |null@5", "null|é€|3@6");
        assertThat(actual).isEqualTo(expected);
        assertThat(blockSizes).containsExactly(4, 4, 2);
    }

    @Test
    void aBlockStopsTakingRowsAtItsCharacterBudget() {
        String longCell = "x".repeat(TextBlock.CHAR_BUDGET / 3 + 1);
        try (CsvRowSource s = source("a\n" + (longCell + "\n").repeat(5))) {
            TextBlock block = new TextBlock(1, 100);
            assertThat(s.fill(block)).isTrue();
            assertThat(block.rows()).as("the row crossing the budget completes the block").isEqualTo(3);
            assertThat(block.value(0, 2)).isEqualTo(longCell);
            assertThat(s.fill(block)).isTrue();
            assertThat(block.rows()).isEqualTo(2);
            assertThat(s.fill(block)).isFalse();
        }
    }

    @Test
    void aRaggedRowInABlockNamesItsLine() {
        try (CsvRowSource s = source("a,b\n1,2\n3\n")) {
            assertThatThrownBy(() -> s.fill(new TextBlock(2, 10)))
                    .isInstanceOf(CsvFormatException.class).hasMessageContaining("1 fields")
                    .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(3));
        }
    }
}
