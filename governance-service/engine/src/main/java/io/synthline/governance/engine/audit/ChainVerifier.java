package io.synthline.governance.engine.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Recomputes a tenant's chain entry by entry (fed in chain order, so a database can stream it):
 * each entry must hash to its stored hash, point at the previous entry's hash, and follow it
 * without a gap; each checkpoint must carry a valid signature of a known key and match the entry
 * at its index. Verification goes on after a problem so that the report lists every break (up to
 * {@link #MAX_REPORTED_BREAKS}), but a single tampered row produces a single break.
 */
public final class ChainVerifier {
    public static final int MAX_REPORTED_BREAKS = 50;

    private final String tenant;
    private final Map<String, PublicKey> keys;
    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final List<ChainVerification.Break> breaks = new ArrayList<>();
    private String previousHash;
    private long expectedIndex;
    private final boolean anchored;
    private long checked;
    private long checkpointsChecked;
    private Long firstIndex;
    private Long lastIndex;
    private int totalBreaks;

    /**
     * @param anchorHash  previousHash the first entry must carry ({@link ChainedEntry#GENESIS} for a whole chain);
     *                    null accepts whatever the first entry says (a segment, e.g. an evidence bundle)
     * @param firstIndex  the chain index the first entry must have (1 for a whole chain); ignored when anchorHash is null
     * @param checkpoints the checkpoints to check against the entries fed (others are ignored)
     * @param keys        public keys by key id
     */
    public ChainVerifier(String tenant, String anchorHash, long firstIndex, List<Checkpoint> checkpoints,
            Map<String, PublicKey> keys) {
        this.tenant = tenant;
        this.keys = keys;
        this.previousHash = anchorHash;
        this.anchored = anchorHash != null;
        this.expectedIndex = firstIndex;
        checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::chainIndex))
                .forEach(c -> this.checkpoints.put(c.chainIndex(), c));
    }

    public static ChainVerifier wholeChain(String tenant, List<Checkpoint> checkpoints, Map<String, PublicKey> keys) {
        return new ChainVerifier(tenant, ChainedEntry.GENESIS, 1, checkpoints, keys);
    }

    public static ChainVerifier segment(String tenant, List<Checkpoint> checkpoints, Map<String, PublicKey> keys) {
        return new ChainVerifier(tenant, null, 0, checkpoints, keys);
    }

    public void accept(ChainedEntry e) {
        if (firstIndex == null) {
            firstIndex = e.chainIndex();
            if (!anchored) {
                expectedIndex = e.chainIndex();
                previousHash = e.previousHash();
            }
        }
        checked++;
        boolean gap = false;
        if (!tenant.equals(e.tenant())) {
            report(e, "tenant-mismatch", "entry belongs to tenant '" + e.tenant() + "' but sits in the chain of '" + tenant + "'");
        }
        if (e.chainIndex() > expectedIndex) {
            gap = true;
            report(expectedIndex, null, "entry-missing", (e.chainIndex() - expectedIndex) == 1
                    ? "entry " + expectedIndex + " is missing"
                    : "entries " + expectedIndex + " to " + (e.chainIndex() - 1) + " are missing");
        } else if (e.chainIndex() < expectedIndex) {
            report(e, "entry-out-of-order", "entry " + e.chainIndex() + " appears after entry " + (expectedIndex - 1));
        }
        String recomputed = e.computeHash();
        if (!recomputed.equals(e.entryHash())) {
            report(e, "content-altered", "the entry does not hash to its stored hash (stored " + abbreviate(e.entryHash())
                    + ", recomputed " + abbreviate(recomputed) + "): it was altered or moved");
        }
        if (!gap && previousHash != null && !previousHash.equals(e.previousHash())) {
            report(e, "link-broken", "previousHash " + abbreviate(e.previousHash()) + " does not match the hash "
                    + abbreviate(previousHash) + " of the entry before it");
        }
        Checkpoint c = checkpoints.get(e.chainIndex());
        if (c != null) {
            checkCheckpoint(c, e);
        }
        previousHash = e.entryHash();
        expectedIndex = Math.max(expectedIndex, e.chainIndex() + 1);
        lastIndex = e.chainIndex();
    }

    public ChainVerification finish() {
        long last = lastIndex == null ? 0 : lastIndex;
        long first = firstIndex == null ? Long.MAX_VALUE : firstIndex;
        for (Checkpoint c : checkpoints.values()) {
            if (c.chainIndex() > last) {
                checkpointsChecked++;
                report(c.chainIndex(), null, "chain-truncated", "checkpoint signed at " + Timestamps.format(c.signedAt())
                        + " covers entry " + c.chainIndex() + ", but the chain ends at entry " + last);
                checkSignature(c);
            } else if (c.chainIndex() < first) {
                // before the segment: cannot be matched with an entry, only its signature is checked
                checkpointsChecked++;
                checkSignature(c);
            }
        }
        breaks.sort(Comparator.comparingLong(ChainVerification.Break::chainIndex));
        ChainVerification.Break firstBreak = breaks.isEmpty() ? null : breaks.getFirst();
        return new ChainVerification(tenant, totalBreaks == 0, checked, checkpointsChecked, firstIndex, lastIndex,
                previousHash, firstBreak, List.copyOf(breaks));
    }

    private void checkCheckpoint(Checkpoint c, ChainedEntry e) {
        checkpointsChecked++;
        if (!c.entryHash().equals(e.entryHash())) {
            report(e, "checkpoint-mismatch", "the checkpoint signed at " + Timestamps.format(c.signedAt()) + " says entry "
                    + c.chainIndex() + " hashes to " + abbreviate(c.entryHash()) + ", the chain holds " + abbreviate(e.entryHash()));
        }
        checkSignature(c);
    }

    private void checkSignature(Checkpoint c) {
        PublicKey key = keys.get(c.keyId());
        if (key == null) {
            report(c.chainIndex(), null, "checkpoint-key-unknown", "checkpoint at entry " + c.chainIndex() + " is signed with unknown key " + c.keyId());
        } else if (!c.tenant().equals(tenant) || !AuditSigningKey.verify(c, key)) {
            report(c.chainIndex(), null, "checkpoint-signature-invalid", "the signature of the checkpoint at entry "
                    + c.chainIndex() + " does not verify with key " + c.keyId());
        }
    }

    private void report(ChainedEntry e, String problem, String detail) {
        report(e.chainIndex(), e.eventId(), problem, detail);
    }

    private void report(long index, String eventId, String problem, String detail) {
        totalBreaks++;
        if (breaks.size() < MAX_REPORTED_BREAKS) {
            breaks.add(new ChainVerification.Break(index, eventId, problem, detail));
        }
    }

    private static String abbreviate(String hash) {
        return hash == null ? "null" : hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
