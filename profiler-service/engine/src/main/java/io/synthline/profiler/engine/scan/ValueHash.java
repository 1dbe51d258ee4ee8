package io.synthline.profiler.engine.scan;

/**
 * 64-bit hashes of cell texts (FNV-1a over the UTF-16 units, finished with MurmurHash3's fmix64 so
 * that every bit depends on every character). Used for distinct counting and for comparing rows;
 * collisions among a billion distinct values have probability below 3%.
 */
public final class ValueHash {
    /** The hash of a missing cell: one fixed value, so rows with the same gaps compare equal. */
    public static final long NULL = 0x6A09E667F3BCC909L;

    private ValueHash() {
    }

    public static long of(String s) {
        long h = 0xCBF29CE484222325L ^ s.length();
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return fmix64(h);
    }

    public static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** A cell's contribution to its row's hash: position-dependent, combined by addition so that column groups can be summed in any order. */
    public static long cell(int column, long valueHash) {
        return fmix64(valueHash + 0x9E3779B97F4A7C15L * (column + 1));
    }
}
