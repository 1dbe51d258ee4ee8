package io.synthline.profiler.engine.scan;

/**
 * 64-bit hashes of cell texts: MurmurHash3 x64's block round over the UTF-16 units, four to a
 * 64-bit block, seeded with the length and finished with its fmix64, so that every bit depends on
 * every character. Used for distinct counting, frequent items and comparing rows; collisions among
 * a billion distinct values have probability below 3%. Once per cell of every high-cardinality
 * column, so it takes four characters per multiply chain step rather than one.
 */
public final class ValueHash {
    /** The hash of a missing cell: one fixed value, so rows with the same gaps compare equal. */
    public static final long NULL = 0x6A09E667F3BCC909L;
    private static final long C1 = 0x87C37B91114253D5L;
    private static final long C2 = 0x4CF5AD432745937FL;

    private ValueHash() {
    }

    public static long of(String s) {
        return of(s.toCharArray(), 0, s.length());
    }

    /** The hash of {@code chars[start..start+n)}, equal to that of the same text as a string. */
    public static long of(char[] chars, int start, int n) {
        long h = 0x9E3779B97F4A7C15L ^ n;
        int i = start;
        int end = start + n;
        for (; i + 4 <= end; i += 4) {
            h = round(h, chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32 | (long) chars[i + 3] << 48);
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 16) {
            tail |= (long) chars[i] << shift;
        }
        return fmix64(round(h, tail));
    }

    private static long round(long h, long block) {
        long k = Long.rotateLeft(block * C1, 31) * C2;
        return Long.rotateLeft(h ^ k, 27) * 5 + 0x52DCE729;
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
