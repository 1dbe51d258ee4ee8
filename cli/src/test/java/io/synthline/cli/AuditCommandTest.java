package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.json.Json;
import io.synthline.governance.engine.audit.AuditRecord;
import io.synthline.governance.engine.audit.AuditSigningKey;
import io.synthline.governance.engine.audit.ChainedEntry;
import io.synthline.governance.engine.audit.EvidenceBundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    final AuditSigningKey key = AuditSigningKey.generate();

    @TempDir
    Path dir;

    Path bundle(int n, int tamperIndex) throws Exception {
        List<ChainedEntry> entries = new ArrayList<>();
        String prev = ChainedEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            ChainedEntry e = ChainedEntry.of(i, new AuditRecord("e" + i, "acme", "generation.requested", "/synthline/generator",
                    "generations/g" + i, "acme-scientist", List.of("data-scientist"), "churn", null, "success", T0.plusSeconds(i),
                    Json.mapper().createObjectNode().put("rows", 100 * i)), T0.plusSeconds(i), prev);
            entries.add(e);
            prev = e.entryHash();
        }
        byte[] zip = EvidenceBundle.write("b", "acme", T0, T0.plusSeconds(3600), "acme-auditor", entries,
                List.of(key.checkpoint("acme", n, prev, T0.plusSeconds(n + 1))), Map.of(key.keyId(), key.publicKeyPem()), key,
                T0.plusSeconds(3600));
        if (tamperIndex > 0) {
            zip = rewriteEntries(zip, "\"rows\" : " + (100 * tamperIndex), "\"rows\" : 1");
        }
        Path file = dir.resolve("bundle-" + tamperIndex + ".zip");
        Files.write(file, zip);
        return file;
    }

    @Test
    void anIntactBundleVerifies() throws Exception {
        SynthCommandTest.Result r = SynthCommandTest.run("audit", "verify", bundle(5, 0).toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("5 entries recomputed, 1 checkpoints verified: intact", "VERIFIED");

        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, key.publicKeyPem());
        assertThat(SynthCommandTest.run("audit", "verify", bundle(5, 0).toString(), "--public-key", pem.toString()).exit()).isZero();
        Path other = dir.resolve("other.pem");
        Files.writeString(other, AuditSigningKey.generate().publicKeyPem());
        SynthCommandTest.Result foreign = SynthCommandTest.run("audit", "verify", bundle(5, 0).toString(), "--public-key", other.toString());
        assertThat(foreign.exit()).isEqualTo(1);
        assertThat(foreign.out()).contains("manifest signature", "INVALID");
    }

    @Test
    void aTamperedBundleNamesTheFirstBrokenLink() throws Exception {
        SynthCommandTest.Result r = SynthCommandTest.run("audit", "verify", bundle(5, 3).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("entry 3 (event e3): content-altered", "first broken link at entry 3");
        SynthCommandTest.Result json = SynthCommandTest.run("audit", "verify", bundle(5, 3).toString(), "--format", "json");
        assertThat(Json.mapper().readTree(json.out()).at("/chain/firstBreak/chainIndex").asLong()).isEqualTo(3);
    }

    @Test
    void notABundleIsBadInput() throws Exception {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        SynthCommandTest.Result r = SynthCommandTest.run("audit", "verify", junk.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("manifest.json is missing");
        assertThat(SynthCommandTest.run("audit", "verify", dir.resolve("missing.zip").toString()).exit()).isEqualTo(2);
        assertThat(SynthCommandTest.run("audit", "export", "--out", dir.resolve("x.zip").toString()).exit()).isEqualTo(2);
    }

    static byte[] rewriteEntries(byte[] zip, String from, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("entries.json")) {
                    String s = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(s).contains(from);
                    bytes = s.replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
