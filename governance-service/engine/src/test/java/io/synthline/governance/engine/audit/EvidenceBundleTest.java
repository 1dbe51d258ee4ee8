package io.synthline.governance.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class EvidenceBundleTest {
    final AuditSigningKey key = AuditSigningKey.generate();
    final Instant now = Instant.parse("2026-02-01T00:00:00Z");

    byte[] bundle(List<ChainedEntry> entries, List<Checkpoint> checkpoints) {
        return EvidenceBundle.write("b1", "acme", now.minusSeconds(86400), now, "acme-auditor", entries, checkpoints,
                Map.of(key.keyId(), key.publicKeyPem()), key, now);
    }

    @Test
    void aSegmentWithItsCheckpointsVerifiesOffline() {
        List<ChainedEntry> chain = ChainVerifierTest.chain("acme", 10);
        List<ChainedEntry> segment = chain.subList(3, 9);
        byte[] zip = bundle(segment, List.of(key.checkpoint("acme", 6, chain.get(5).entryHash(), now)));
        EvidenceBundle b = EvidenceBundle.read(zip);
        assertThat(b.entries()).hasSize(6);
        EvidenceBundle.Verification v = b.verify(Map.of());
        assertThat(v.valid()).isTrue();
        assertThat(v.chain().firstIndex()).isEqualTo(4);
        assertThat(v.chain().checkpointsChecked()).isEqualTo(1);
        assertThat(new String(b.files().get("VERIFY.md"), StandardCharsets.UTF_8)).contains("RFC 8785");
        // verifying against a key obtained elsewhere: a different key does not vouch for the bundle
        assertThat(b.verify(Map.of(key.keyId(), AuditSigningKey.generate().publicKey())).manifestSignatureValid()).isFalse();
    }

    @Test
    void anEditedEntryIsDetectedEvenWithAMatchingManifestDigest() throws Exception {
        byte[] zip = bundle(ChainVerifierTest.chain("acme", 5), List.of());
        byte[] tampered = rewrite(zip, "entries.json", s -> s.replace("\"actor\" : \"acme-owner\"", "\"actor\" : \"mallory\""));
        EvidenceBundle.Verification v = EvidenceBundle.read(tampered).verify(Map.of());
        assertThat(v.valid()).isFalse();
        assertThat(v.fileProblems()).containsExactly("entries.json does not match its SHA-256 in the manifest");
        assertThat(v.chain().firstBreak().problem()).isEqualTo("content-altered");
        assertThat(v.chain().firstBreak().chainIndex()).isEqualTo(1);
    }

    @Test
    void notABundleIsBadInput() {
        assertThatThrownBy(() -> EvidenceBundle.read("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("manifest.json is missing");
    }

    interface Edit {
        String apply(String s);
    }

    static byte[] rewrite(byte[] zip, String name, Edit edit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
