package io.synthline.governance.engine.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.json.Json;
import java.time.Instant;

/**
 * A signed statement "the chain of {@code tenant} had {@code chainIndex} entries, the last one
 * hashing to {@code entryHash}". It pins the head: entries removed from the end of a chain, or a
 * chain rewritten from scratch with fresh hashes, no longer match a checkpoint signed earlier.
 *
 * @param signature base64 Ed25519 signature of {@link #signedDocument()}
 */
public record Checkpoint(String tenant, long chainIndex, String entryHash, Instant signedAt, String keyId,
        String signature) {

    public static final int FORMAT = 1;

    /** What is signed: the canonical JSON of every field but the signature. */
    public String signedDocument() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("format", FORMAT);
        o.put("tenant", tenant);
        o.put("chainIndex", chainIndex);
        o.put("entryHash", entryHash);
        o.put("signedAt", Timestamps.format(signedAt));
        o.put("keyId", keyId);
        return CanonicalJson.write(o);
    }
}
