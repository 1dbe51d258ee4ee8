package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** OWASP's CSV injection rule, and the exact way back for Synthline's own files. */
class FormulaGuardTest {
    /** The payloads of the security review: 556 of 800 such cells came out of a generation unchanged. */
    static final List<String> PAYLOADS = List.of("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+9)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"click\")", "\t=1+1", "\r=1+1");

    @Test
    void formulasGetAnApostrophe() {
        for (String p : PAYLOADS) {
            assertThat(FormulaGuard.escape(p)).as(p).isEqualTo("'" + p);
        }
    }

    @Test
    void plainNumbersAndOrdinaryTextStay() {
        for (String keep : List.of("-3.5", "+1", "-1e5", "+.5", "42", "", "abc", "a=b", "2024-01-31", "x@example.com")) {
            assertThat(FormulaGuard.escape(keep)).as(keep).isEqualTo(keep);
        }
        assertThat(FormulaGuard.escape("-")).isEqualTo("'-");
        assertThat(FormulaGuard.escape("'quoted")).isEqualTo("''quoted");
    }

    /** A file without any apostrophe reads the same unescaped or not: readers skip the copy; anything escaped is found. */
    @Test
    void onlyFilesWithAnApostropheNeedUnescaping(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path plain = java.nio.file.Files.writeString(dir.resolve("plain.csv"), "a,b\n-3.5,x@example.com\n" + "1,2\n".repeat(40_000));
        assertThat(FormulaGuard.mayHaveEscapes(plain)).isFalse();
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        FormulaGuard.escape(new ByteArrayInputStream(("a,b\n1," + PAYLOADS.get(0).replace("'", "") + "\n").getBytes(StandardCharsets.UTF_8)),
                escaped);
        java.nio.file.Path guarded = java.nio.file.Files.write(dir.resolve("guarded.csv"), escaped.toByteArray());
        assertThat(FormulaGuard.mayHaveEscapes(guarded)).isTrue();
        java.nio.file.Path late = java.nio.file.Files.writeString(dir.resolve("late.csv"), "a\n" + "1\n".repeat(70_000) + "O'Brien\n");
        assertThat(FormulaGuard.mayHaveEscapes(late)).as("past the first buffer").isTrue();
    }

    /** Seeded random cells, mostly made of the characters the rule looks at, some of any code point. */
    static String randomCell(Random random) {
        String alphabet = "=+-@\t\r\n'\".,;0123456789eEa x";
        int length = random.nextInt(12);
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
                // a lone surrogate is no character: a file cannot hold it
                cell.appendCodePoint(Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? 'x' : codePoint);
            } else {
                cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return cell.toString();
    }

    @Test
    void unescapeRestoresEveryCell() {
        Random random = new Random(20261205);
        for (int i = 0; i < 5000; i++) {
            String cell = randomCell(random);
            String escaped = FormulaGuard.escape(cell);
            assertThat(FormulaGuard.unescape(escaped)).as("cell %d: %s", i, cell).isEqualTo(cell);
            assertThat(escaped.isEmpty() || "=+-@\t\r".indexOf(escaped.charAt(0)) < 0
                    || escaped.matches("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?")).as("escaped %s", escaped).isTrue();
        }
    }

    @Test
    void aFileSurvivesEscapingAndUnescaping() {
        Random random = new Random(7);
        for (int file = 0; file < 300; file++) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = random.nextInt(6); r > 0; r--) {
                rows.add(List.of(randomCell(random), randomCell(random)));
            }
            assertFileSurvives(rows);
        }
    }

    static void assertFileSurvives(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (List<String> r : rows) {
            csv.append(quote(r.get(0))).append(',').append(quote(r.get(1))).append('\n');
        }
        byte[] original = csv.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        FormulaGuard.escape(new ByteArrayInputStream(original), escaped);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        FormulaGuard.unescape(new ByteArrayInputStream(escaped.toByteArray()), back);
        assertThat(cells(back.toByteArray())).isEqualTo(cells(original));
        for (List<String> r : cells(escaped.toByteArray())) {
            for (String cell : r) {
                assertThat(cell.isEmpty() || "=@\t\r".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
            }
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static List<List<String>> cells(byte[] csv) {
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().skipEmptyLines(false)
                .ofCsvRecord(new String(csv, StandardCharsets.UTF_8))) {
            return reader.stream().map(r -> List.copyOf(r.getFields())).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
