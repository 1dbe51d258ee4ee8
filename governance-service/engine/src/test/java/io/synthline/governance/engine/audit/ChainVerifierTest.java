package io.synthline.governance.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00.123456Z");
    final AuditSigningKey key = AuditSigningKey.generate();

    static List<ChainedEntry> chain(String tenant, int n) {
        List<ChainedEntry> out = new ArrayList<>();
        String prev = ChainedEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = new AuditRecord("event-" + i, tenant, "dataset.registered", "/synthline/profiler", "datasets/d" + i,
                    "acme-owner", List.of("data-owner"), null, null, "success", T0.plusSeconds(i),
                    Json.mapper().createObjectNode().put("datasetId", "d" + i).put("sizeBytes", 100L * i).put("score", 0.1 * i));
            ChainedEntry e = ChainedEntry.of(i, r, T0.plusSeconds(i).plusMillis(5), prev);
            out.add(e);
            prev = e.entryHash();
        }
        return out;
    }

    ChainVerification verify(List<ChainedEntry> entries, List<Checkpoint> checkpoints) {
        ChainVerifier v = ChainVerifier.wholeChain("acme", checkpoints, Map.of(key.keyId(), key.publicKey()));
        entries.forEach(v::accept);
        return v.finish();
    }

    @Test
    void anIntactChainWithCheckpointsVerifies() {
        List<ChainedEntry> entries = chain("acme", 10);
        List<Checkpoint> cps = List.of(key.checkpoint("acme", 5, entries.get(4).entryHash(), T0),
                key.checkpoint("acme", 10, entries.get(9).entryHash(), T0));
        ChainVerification r = verify(entries, cps);
        assertThat(r.valid()).isTrue();
        assertThat(r.entriesChecked()).isEqualTo(10);
        assertThat(r.checkpointsChecked()).isEqualTo(2);
        assertThat(r.headHash()).isEqualTo(entries.get(9).entryHash());
        assertThat(entries.get(0).previousHash()).isEqualTo(ChainedEntry.GENESIS);
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalDocument() {
        ChainedEntry e = chain("acme", 1).getFirst();
        assertThat(e.entryHash()).isEqualTo(Sha256.hex(e.canonicalJson()));
        assertThat(e.canonicalJson()).startsWith("{\"actor\":\"acme-owner\",\"actorRoles\":[\"data-owner\"],\"chainIndex\":1,")
                .contains("\"occurredAt\":\"2026-01-05T10:00:01.123456Z\"", "\"previousHash\":\"" + ChainedEntry.GENESIS + "\"",
                        "\"data\":{\"datasetId\":\"d1\",\"score\":0.1,\"sizeBytes\":100}");
    }

    @Test
    void alteredContentIsReportedAtTheAlteredEntryOnly() {
        List<ChainedEntry> entries = chain("acme", 10);
        ChainedEntry e = entries.get(3);
        entries.set(3, new ChainedEntry(e.chainIndex(), e.tenant(), e.eventId(), e.eventType(), e.source(), e.subject(),
                "mallory", e.actorRoles(), e.purpose(), e.justification(), e.outcome(), e.occurredAt(), e.recordedAt(), e.data(),
                e.previousHash(), e.entryHash()));
        ChainVerification r = verify(entries, List.of());
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBreak().chainIndex()).isEqualTo(4);
        assertThat(r.firstBreak().problem()).isEqualTo("content-altered");
        assertThat(r.firstBreak().eventId()).isEqualTo("event-4");
        assertThat(r.breaks()).hasSize(1);
    }

    @Test
    void rehashingAnAlteredEntryBreaksTheNextLink() {
        List<ChainedEntry> entries = chain("acme", 10);
        ChainedEntry e = entries.get(3);
        ChainedEntry forged = new ChainedEntry(e.chainIndex(), e.tenant(), e.eventId(), e.eventType(), e.source(), e.subject(),
                "mallory", e.actorRoles(), e.purpose(), e.justification(), e.outcome(), e.occurredAt(), e.recordedAt(), e.data(),
                e.previousHash(), null);
        entries.set(3, forged.withHash(forged.computeHash()));
        ChainVerification r = verify(entries, List.of());
        assertThat(r.firstBreak().chainIndex()).isEqualTo(5);
        assertThat(r.firstBreak().problem()).isEqualTo("link-broken");
    }

    @Test
    void aDeletedEntryIsAGap() {
        List<ChainedEntry> entries = chain("acme", 10);
        entries.remove(4);
        ChainVerification r = verify(entries, List.of());
        assertThat(r.firstBreak().chainIndex()).isEqualTo(5);
        assertThat(r.firstBreak().problem()).isEqualTo("entry-missing");
        assertThat(r.breaks()).hasSize(1);
    }

    @Test
    void swappedEntriesAreDetectedAtTheFirstMovedPosition() {
        List<ChainedEntry> entries = chain("acme", 10);
        Collections.swap(entries, 5, 6);
        ChainVerification r = verify(entries, List.of());
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBreak().chainIndex()).isEqualTo(6);
        assertThat(r.breaks()).extracting(ChainVerification.Break::problem).contains("entry-out-of-order");

        // moving rows by renumbering them (what an UPDATE of chain_index does) is caught by the content hash
        List<ChainedEntry> renumbered = chain("acme", 10);
        ChainedEntry six = renumbered.get(5);
        ChainedEntry seven = renumbered.get(6);
        renumbered.set(5, renumber(seven, 6));
        renumbered.set(6, renumber(six, 7));
        ChainVerification r2 = verify(renumbered, List.of());
        assertThat(r2.firstBreak().chainIndex()).isEqualTo(6);
        assertThat(r2.firstBreak().problem()).isEqualTo("content-altered");
    }

    @Test
    void truncationAndForgedCheckpointsAreDetected() {
        List<ChainedEntry> entries = chain("acme", 10);
        List<Checkpoint> cps = List.of(key.checkpoint("acme", 10, entries.get(9).entryHash(), T0));
        ChainVerification truncated = verify(entries.subList(0, 9), cps);
        assertThat(truncated.firstBreak().problem()).isEqualTo("chain-truncated");
        assertThat(truncated.firstBreak().chainIndex()).isEqualTo(10);

        Checkpoint c = cps.getFirst();
        Checkpoint tampered = new Checkpoint(c.tenant(), c.chainIndex(), entries.get(8).entryHash(), c.signedAt(), c.keyId(), c.signature());
        ChainVerification forged = verify(entries, List.of(tampered));
        assertThat(forged.breaks()).extracting(ChainVerification.Break::problem)
                .containsExactlyInAnyOrder("checkpoint-mismatch", "checkpoint-signature-invalid");

        Checkpoint foreign = AuditSigningKey.generate().checkpoint("acme", 10, entries.get(9).entryHash(), T0);
        assertThat(verify(entries, List.of(foreign)).firstBreak().problem()).isEqualTo("checkpoint-key-unknown");
    }

    @Test
    void aSegmentVerifiesFromWhereItStarts() {
        List<ChainedEntry> entries = chain("acme", 10);
        ChainVerifier v = ChainVerifier.segment("acme", List.of(key.checkpoint("acme", 7, entries.get(6).entryHash(), T0)),
                Map.of(key.keyId(), key.publicKey()));
        entries.subList(4, 8).forEach(v::accept);
        ChainVerification r = v.finish();
        assertThat(r.valid()).isTrue();
        assertThat(r.firstIndex()).isEqualTo(5);
        assertThat(r.lastIndex()).isEqualTo(8);
        assertThat(r.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void keysRoundTripThroughPem() {
        AuditSigningKey back = AuditSigningKey.fromPem(key.toPem());
        assertThat(back.keyId()).isEqualTo(key.keyId());
        Checkpoint c = back.checkpoint("acme", 1, ChainedEntry.GENESIS, T0);
        assertThat(AuditSigningKey.verify(c, AuditSigningKey.publicKeyFromPem(key.publicKeyPem()))).isTrue();
        String mismatched = key.toPem().substring(0, key.toPem().indexOf("-----BEGIN PUBLIC KEY")) + AuditSigningKey.generate().publicKeyPem();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditSigningKey.fromPem(mismatched))
                .hasMessageContaining("does not belong");
    }

    private static ChainedEntry renumber(ChainedEntry e, long index) {
        return new ChainedEntry(index, e.tenant(), e.eventId(), e.eventType(), e.source(), e.subject(), e.actor(),
                e.actorRoles(), e.purpose(), e.justification(), e.outcome(), e.occurredAt(), e.recordedAt(), e.data(),
                e.previousHash(), e.entryHash());
    }
}
