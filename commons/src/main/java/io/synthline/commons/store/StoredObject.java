package io.synthline.commons.store;

/** An object in the store, with the facts lineage and audit need about it. */
public record StoredObject(String key, long sizeBytes, String sha256) {
}
