package io.synthline.generator.engine.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.ArtifactNeedles;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.pii.PiiColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored relational model samples exactly what the fitted one does, and its artifact is no
 * membership oracle: on the shop sample with a few one-of-a-kind categories added (a customer
 * from Liechtenstein, one grand piano), the bytes hold no key, e-mail or e-mail hash, no value
 * fewer than k = 10 rows share (as text, or a distinctive number as a double); the real e-mails
 * that fakes must not equal are in the sidecar, without which the model does not sample.
 */
class RelationalArtifactTest {
    private static final int K = 10;
    static RelationalDataset real;
    static RelationalModel fitted;
    static byte[] artifact;
    static byte[] guard;

    @BeforeAll
    static void fit(@TempDir Path dir) throws Exception {
        for (Path f : Files.list(RelationalSynthesisTest.SHOP).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        List<String> customers = new ArrayList<>(Files.readAllLines(dir.resolve("customers.csv")));
        customers.set(1, customers.get(1).replace(",US,", ",Liechtenstein,"));
        customers.set(2, customers.get(2).replace(",US,", ",San Marino,").replace(",DE,", ",San Marino,"));
        Files.write(dir.resolve("customers.csv"), customers);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("order_lines.csv")));
        lines.set(1, lines.get(1).replace(",desk,", ",grand piano,"));
        Files.write(dir.resolve("order_lines.csv"), lines);
        real = RelationalReader.read(dir, null, CsvOptions.defaults()).dataset();
        fitted = RelationalSynthesizer.fit(real, RelationalSpec.defaults(), 5, 2);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        RelationalArtifact.write(fitted, a);
        artifact = a.toByteArray();
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        RelationalArtifact.writeGuard(fitted, g);
        guard = g.toByteArray();
    }

    static RelationalModel stored() throws Exception {
        return RelationalArtifact.read(new ByteArrayInputStream(artifact), 1);
    }

    @Test
    void aStoredModelSamplesTheSameBytesAsTheFittedOne() throws Exception {
        RelationalModel loaded = stored().withGuard(RelationalArtifact.readGuard(new ByteArrayInputStream(guard)));
        for (double scale : new double[] {1, 0.5}) {
            RelationalDataset a = fitted.sample(scale, 11);
            RelationalDataset b = loaded.sample(scale, 11);
            for (String t : real.tables().keySet()) {
                assertThat(csv(b.table(t))).as(t + " at scale " + scale).isEqualTo(csv(a.table(t)));
            }
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        RelationalArtifact.write(loaded, again);
        assertThat(again.toByteArray()).as("a stored model writes the same bytes").isEqualTo(artifact);
        assertThat(fitted.sample(1, 11).table("customers").column("country").text(0)).isNotNull();
        assertThat(values(fitted.sample(1, 11).table("customers").column("country")))
                .as("one-of-a-kind categories are generated as <other>, as for one table")
                .doesNotContain("Liechtenstein", "San Marino");
    }

    @Test
    void withoutItsSidecarOrWithConditionsAStoredModelIsAClearError() throws Exception {
        assertThatThrownBy(() -> stored().sample(1, 1)).isInstanceOf(BadInputException.class).hasMessageContaining("copy guard");
        RelationalModel loaded = stored().withGuard(RelationalArtifact.readGuard(new ByteArrayInputStream(guard)));
        assertThatThrownBy(() -> loaded.sample(1, 1, List.of(ConditionSpec.equalTo("segment", "gold"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("keeps no training rows");
        byte[] altered = artifact.clone();
        altered[altered.length - 3] ^= 1;
        assertThatThrownBy(() -> RelationalArtifact.read(new ByteArrayInputStream(altered), 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("do not match its hash");
        // the guard holds the real e-mails: a fake never equals one
        Map<String, CopyGuard> sidecar = RelationalArtifact.readGuard(new ByteArrayInputStream(guard));
        int email = real.table("customers").schema().indexOf("email").getAsInt();
        assertThat(sidecar.get("customers").matcher().isRealValue(email, real.table("customers").column("email").text(0))).isTrue();
    }

    @Test
    void theArtifactHoldsNoKeyNoRealPiiAndNoRareValue() {
        String text = new String(artifact, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        int needles = 0;
        for (String name : real.tables().keySet()) {
            Table table = real.table(name);
            Set<String> keys = real.metadata().keyColumns(name);
            for (Column column : table.columns()) {
                boolean key = keys.contains(column.name()) || column.name().equals("return_id");
                for (Map.Entry<String, Integer> e : ArtifactNeedles.counts(column).entrySet()) {
                    String v = e.getKey();
                    if (column.name().equals("email")) {
                        needles++;
                        if (text.contains(v) || containsLong(PiiColumn.hash(v))) {
                            found.add(name + ".email " + v);
                        }
                    } else if (key && v.length() >= 5) {
                        needles++;
                        if (text.contains(v)) {
                            found.add(name + " key " + v);
                        }
                    } else if (e.getValue() < K) {
                        needles++;
                        if (column instanceof NumericColumn) {
                            double d = Double.parseDouble(v);
                            if (ArtifactNeedles.distinctive(d) && containsLong(Double.doubleToLongBits(d))) {
                                found.add(name + "." + column.name() + " = " + v + " (as a double)");
                            }
                        } else if (v.length() >= 4 && text.contains(v)) {
                            found.add(name + "." + column.name() + " = " + v);
                        }
                    }
                }
            }
        }
        assertThat(needles).isGreaterThan(1000);
        assertThat(text).as("the artifact has the frequent categories").contains("desktop", "chair");
        assertThat(found).isEmpty();
    }

    private static Set<Long> windows;

    /** Whether the artifact holds the 8 bytes of {@code v} in either byte order. */
    private static boolean containsLong(long v) {
        if (windows == null) {
            windows = new java.util.HashSet<>();
            ByteBuffer b = ByteBuffer.wrap(artifact);
            for (int i = 0; i + 8 <= artifact.length; i++) {
                windows.add(b.getLong(i));
            }
        }
        return windows.contains(v) || windows.contains(Long.reverseBytes(v));
    }

    private static Set<String> values(Column c) {
        Set<String> out = new java.util.HashSet<>();
        for (int r = 0; r < c.size(); r++) {
            out.add(c.text(r));
        }
        return out;
    }

    private static String csv(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(t, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
