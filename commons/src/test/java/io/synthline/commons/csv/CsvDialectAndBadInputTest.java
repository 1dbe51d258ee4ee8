package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dialect options, encodings, and hostile input: each problem names its line. */
class CsvDialectAndBadInputTest {

    private static List<String> rows(byte[] bytes, CsvOptions options) {
        List<String> out = new ArrayList<>();
        try (CsvRowSource s = CsvRowSource.open(new ByteArrayInputStream(bytes), options)) {
            out.add(String.join("|", s.header()));
            while (s.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < s.columnCount(); i++) {
                    cells.add(String.valueOf(s.value(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void delimiterQuoteNullTokensAndEmptyCells() {
        CsvOptions semicolon = CsvOptions.defaults().withDelimiter(';').withQuote('\'')
                .withNullTokens(Set.of("?", "-")).withEmptyAsNull(false);
        assertThat(rows(utf8("a;b;c\n'x;y';?;\n-;NA;''\n"), semicolon))
                .containsExactly("a|b|c", "x;y|null|", "null|NA|");
        assertThat(rows(utf8("a\tb\n1\t\n"), CsvOptions.defaults().withDelimiter(CsvOptions.parseCharacter("delimiter", "tab"))))
                .containsExactly("a|b", "1|null");
    }

    @Test
    void withoutHeaderTheFirstRowIsData() {
        assertThat(rows(utf8("1,2\n3,4\n"), CsvOptions.defaults().withHeader(false)))
                .containsExactly("column_1|column_2", "1|2", "3|4");
    }

    @Test
    void byteOrderMarksChooseTheEncoding() {
        ByteArrayOutputStream le = new ByteArrayOutputStream();
        le.write(0xFF);
        le.write(0xFE);
        le.writeBytes("név,n\nÅse,1\n".getBytes(StandardCharsets.UTF_16LE));
        try (CsvRowSource s = CsvRowSource.open(new ByteArrayInputStream(le.toByteArray()), CsvOptions.defaults())) {
            assertThat(s.header()).containsExactly("név", "n");
            assertThat(s.next()).isTrue();
            assertThat(s.value(0)).isEqualTo("Åse");
            assertThat(s.bomDetected()).isTrue();
            assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        }
        assertThat(rows("a\nü\n".getBytes(StandardCharsets.ISO_8859_1), CsvOptions.defaults().withCharset(StandardCharsets.ISO_8859_1)))
                .containsExactly("a", "ü");
    }

    @Test
    void invalidUtf8NamesTheExactLineEvenFarAhead() {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(",x\n");
        }
        byte[] head = utf8(sb.toString());
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = '1';
        bytes[head.length + 1] = ',';
        bytes[head.length + 2] = (byte) 0xC3;
        bytes[head.length + 3] = (byte) 0x28;
        assertThatThrownBy(() -> rows(bytes, CsvOptions.defaults()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("line 20002: the bytes at offset")
                .hasMessageContaining("not valid UTF-8")
                .satisfies(e -> assertThat(((CsvFormatException) e).slug()).isEqualTo("bad-encoding"));
    }

    @Test
    void binaryContentIsRecognised() {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', 0, 0, 0, '\n'};
        assertThatThrownBy(() -> rows(bytes, CsvOptions.defaults()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("line 2: the file contains a NUL character")
                .satisfies(e -> assertThat(((CsvFormatException) e).slug()).isEqualTo("binary-content"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertThatThrownBy(() -> rows(png, CsvOptions.defaults())).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("line 1:");
    }

    @Test
    void aHugeFieldIsRejectedWithoutReadingItWhole() {
        CsvOptions small = CsvOptions.defaults().withLimits(1 << 20, 100);
        byte[] big = utf8("a,b\n1,2\n3,\"" + "x".repeat(3 << 20) + "\"\n");
        assertThatThrownBy(() -> rows(big, small)).isInstanceOf(CsvFormatException.class)
                .hasMessage("line 3: a field is longer than the limit of 1048576 characters");
    }

    @Test
    void headerOnlyHasNoRowsAndBlankHeaderNamesItsField() {
        assertThat(rows(utf8("a,b\n"), CsvOptions.defaults())).containsExactly("a|b");
        assertThatThrownBy(() -> rows(utf8("a, \n1,2\n"), CsvOptions.defaults()))
                .hasMessage("line 1: header field 2 is blank; every column needs a name");
        assertThatThrownBy(() -> rows(utf8("\n\n"), CsvOptions.defaults())).hasMessageContaining("the file is empty");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"')).hasMessageContaining("must differ");
        assertThatThrownBy(() -> CsvOptions.parseCharacter("delimiter", "ab")).hasMessageContaining("one character");
        assertThatThrownBy(() -> CsvOptions.parseCharset("klingon-8")).hasMessageContaining("unknown character encoding");
    }
}
