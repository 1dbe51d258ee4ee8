package io.synthline.commons.store;

import java.util.regex.Pattern;

/**
 * The one syntax of storage keys, shared by every store so a key valid in one is valid in all:
 * {@code /}-separated segments of letters, digits, {@code .}, {@code _} and {@code -}, none empty,
 * none starting with a dot (no {@code ..}, no hidden files, no absolute paths). The first segment
 * is the tenant, so a tenant's objects are exactly those under {@code <tenant>/}.
 */
public final class StorageKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private StorageKeys() {
    }

    /** @throws IllegalArgumentException when {@code key} is not a valid storage key */
    public static String check(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return key;
    }

    /** A listing prefix: empty (everything), a key, or a key followed by {@code /}. */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("invalid storage key prefix: null");
        }
        if (!prefix.isEmpty()) {
            check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        return prefix;
    }

    /** Where a dataset's objects live (its upload or tables, its profile): {@code <tenant>/datasets/<id>/}. */
    public static String datasetPrefix(String tenant, Object datasetId) {
        return checkPrefix(tenant + "/datasets/" + datasetId + "/");
    }

    /** The tenant a key belongs to: its first segment. */
    public static String tenant(String key) {
        String k = check(key);
        int slash = k.indexOf('/');
        return slash < 0 ? k : k.substring(0, slash);
    }
}
