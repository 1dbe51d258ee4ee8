package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Artifacts are no membership oracle: the bytes of a stored model of every kind are searched
 * for each value that fewer than k = 10 rows share (as the 8-byte double of either byte order,
 * and as text), for each real row's hash (the 64-bit row digest the model's copy check once
 * stored, and the SHA-256 of the row as text) and for each real PII value and its hash; none is
 * there. The copy guard, kept apart, still recognises the rows.
 */
class ArtifactDisclosureTest {
    private static final int K = 10;

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void noRareValueNoRowHashInTheArtifactOfAdult(String model) throws Exception {
        Table adult = Fixtures.ADULT;
        SynthesisModel fitted = SynthesisModel.fit(adult, ModelSpec.of(model).withHoldout(0.2), 5, 2, null);
        Haystack artifact = new Haystack(bytes(fitted));
        List<String> found = new ArrayList<>();
        int needles = 0;
        // a value at least k rows of some column share may be stored (as that column's atom)
        Set<Double> common = new HashSet<>();
        for (Column column : adult.columns()) {
            if (column instanceof NumericColumn) {
                counts(column).forEach((v, n) -> {
                    if (n >= K) {
                        common.add(Double.parseDouble(v));
                    }
                });
            }
        }
        for (int c = 0; c < adult.columnCount(); c++) {
            Column column = adult.column(c);
            for (Map.Entry<String, Integer> e : counts(column).entrySet()) {
                if (e.getValue() >= K) {
                    continue;
                }
                needles++;
                String text = e.getKey();
                if (column instanceof NumericColumn) {
                    double v = Double.parseDouble(text);
                    if (ArtifactNeedles.distinctive(v) && !common.contains(v) && artifact.containsDouble(v)) {
                        found.add(column.name() + " = " + text + " (as a double)");
                    }
                }
                List<String> forms = new ArrayList<>(List.of(text));
                if (column instanceof NumericColumn && text.endsWith(".0")) {
                    forms.add(text.substring(0, text.length() - 2));
                }
                for (String form : forms) {
                    if (form.length() >= 6 && artifact.contains(form.getBytes(StandardCharsets.UTF_8))) {
                        found.add(column.name() + " = " + form + " (as text)");
                    }
                }
            }
        }
        int[] learned = fitted.layout().learnedColumns();
        for (long digest : CopyGuard.rowHashes(adult, fitted.output(), learned)) {
            if (digest != 0 && (artifact.containsLong(digest, ByteOrder.BIG_ENDIAN) || artifact.containsLong(digest, ByteOrder.LITTLE_ENDIAN))) {
                found.add("row digest " + Long.toHexString(digest));
            }
        }
        MessageDigest sha = Sha256.digest();
        for (int r = 0; r < adult.rowCount(); r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < adult.columnCount(); c++) {
                row.append(c == 0 ? "" : ",").append(adult.column(c).text(r) == null ? "" : adult.column(c).text(r));
            }
            if (artifact.contains(sha.digest(row.toString().getBytes(StandardCharsets.UTF_8)))) {
                found.add("SHA-256 of row " + r);
            }
        }
        assertThat(needles).as("the table has rare values to look for").isGreaterThan(1000);
        assertThat(distinctiveNeedles(adult, common)).as("distinctive rare numbers to look for").isGreaterThan(1000);
        assertThat(found).as(model + " artifact").isEmpty();

        // the guard, kept apart, knows the rows: a real row is recognised, through a written and read sidecar too
        ByteArrayOutputStream guardBytes = new ByteArrayOutputStream();
        fitted.writeGuard(guardBytes);
        CopyGuard guard = CopyGuard.read(new ByteArrayInputStream(guardBytes.toByteArray()));
        SynthesisModel stored = SynthesisModel.read(new ByteArrayInputStream(artifact.bytes), 1);
        assertThat(stored.guard().present()).isFalse();
        assertThatThrownBy(() -> Generation.prepare(stored, GenerationSettings.of(10, 1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("copy guard");
        assertThat(guard.size()).isEqualTo(fitted.guard().size()).isGreaterThan(adult.rowCount() * 9 / 10);
        assertThat(Generation.prepare(stored.withGuard(guard), GenerationSettings.of(10, 1))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tree", "copula", "independent"})
    void noRealPiiValueNorItsHashInTheArtifact(String model) throws Exception {
        Table customers = Fixtures.customers();
        Map<String, String> pii = Map.of("name", "full_name", "email", "email", "phone", "phone");
        SynthesisModel fitted = SynthesisModel.fit(customers, new ModelSpec(model, null, List.of(), pii, "en-US"), 3, 2, null);
        Haystack artifact = new Haystack(bytes(fitted));
        List<String> found = new ArrayList<>();
        for (String column : pii.keySet()) {
            Column c = customers.column(column);
            for (int r = 0; r < c.size(); r++) {
                String v = c.text(r);
                if (v == null) {
                    continue;
                }
                if (artifact.contains(v.getBytes(StandardCharsets.UTF_8))) {
                    found.add(column + " value of row " + r);
                }
                long hash = PiiColumn.hash(v);
                if (artifact.containsLong(hash, ByteOrder.BIG_ENDIAN) || artifact.containsLong(hash, ByteOrder.LITTLE_ENDIAN)) {
                    found.add(column + " value hash of row " + r);
                }
            }
        }
        assertThat(found).as(model + " artifact").isEmpty();
    }

    private static byte[] bytes(SynthesisModel model) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    private static long distinctiveNeedles(Table table, Set<Double> common) {
        return table.columns().stream().filter(c -> c instanceof NumericColumn).flatMap(c -> counts(c).entrySet().stream())
                .filter(e -> e.getValue() < K).map(e -> Double.parseDouble(e.getKey()))
                .filter(v -> ArtifactNeedles.distinctive(v) && !common.contains(v)).count();
    }

    /** How many rows hold each value of a column; categories shorter than 4 characters are left out (they turn up by chance). */
    private static Map<String, Integer> counts(Column column) {
        Map<String, Integer> counts = ArtifactNeedles.counts(column);
        if (column instanceof CategoricalColumn) {
            counts.keySet().removeIf(v -> v.length() < 4);
        }
        return counts;
    }

    /** An artifact's bytes with an index of every 8-byte window, for fast searches of many needles. */
    private static final class Haystack {
        final byte[] bytes;
        private final Set<Long> windows = new HashSet<>();

        Haystack(byte[] bytes) {
            this.bytes = bytes;
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i + 8 <= bytes.length; i++) {
                windows.add(b.getLong(i));
            }
        }

        boolean containsLong(long v, ByteOrder order) {
            return windows.contains(order == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v));
        }

        boolean containsDouble(double v) {
            long bits = Double.doubleToLongBits(v);
            return containsLong(bits, ByteOrder.BIG_ENDIAN) || containsLong(bits, ByteOrder.LITTLE_ENDIAN);
        }

        boolean contains(byte[] needle) {
            if (needle.length >= 8 && !windows.contains(ByteBuffer.wrap(needle).getLong())) {
                return false;
            }
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
