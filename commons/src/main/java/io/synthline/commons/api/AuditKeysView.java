package io.synthline.commons.api;

import java.util.Map;

/**
 * Every public key that ever signed the audit chains' checkpoints, to verify an evidence bundle.
 *
 * @param currentKeyId the key that signs new checkpoints
 * @param algorithm    {@code Ed25519}
 * @param keys         PEM by key id, the current key first
 */
public record AuditKeysView(String currentKeyId, String algorithm, Map<String, String> keys) {
}
