package io.synthline.commons.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    @Property(tries = 2000)
    void unescapeRestoresEveryCell(@ForAll String cell) {
        String escaped = FormulaGuard.escape(cell);
        assertThat(FormulaGuard.unescape(escaped)).isEqualTo(cell);
        assertThat(escaped.isEmpty() || "=+-@\t\r".indexOf(escaped.charAt(0)) < 0
                || escaped.matches("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?")).as("escaped %s", escaped).isTrue();
    }

    @Property(tries = 300)
    void aFileSurvivesEscapingAndUnescaping(@ForAll List<@net.jqwik.api.constraints.Size(min = 2, max = 2) List<String>> rows) {
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
