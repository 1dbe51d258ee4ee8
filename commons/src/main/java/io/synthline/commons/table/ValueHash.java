package io.synthline.commons.table;

/**
 * 64-bit hashes of cell texts, built like wyhash (Wang Yi's public-domain design): the UTF-16 units
 * are packed four to a 64-bit word, and two words at a time are folded by one 64 x 64 to 128-bit
 * multiply (low half XOR high half), seeded with the length; a final multiply of the two halves
 * makes every output bit depend on every character. A cell of up to eight characters, most cells,
 * costs two multiplies where a MurmurHash3-style round per word plus its finaliser costs a chain of
 * about six, and this runs once per cell of every column. Used for distinct counting, frequent items
 * and comparing rows; collisions among a billion distinct values have probability below 3%. Not
 * meant to resist crafted collisions: those can only merge approximate counts (the dictionary
 * compares characters) or mark rows as duplicates.
 */
public final class ValueHash {
    /** The hash of a missing cell: one fixed value, so rows with the same gaps compare equal. */
    public static final long NULL = 0x6A09E667F3BCC909L;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long P1 = 0xA0761D6478BD642FL;
    private static final long P2 = 0xE7037ED1A0B428DBL;
    private static final long P3 = 0x8EBC6AF09C88C6E3L;

    private ValueHash() {
    }

    public static long of(String s) {
        return of(s.toCharArray(), 0, s.length());
    }

    /** The hash of {@code chars[start..start+n)}, equal to that of the same text as a string. */
    public static long of(char[] chars, int start, int n) {
        long h = SEED ^ n;
        int i = start;
        int end = start + n;
        for (; i + 8 <= end; i += 8) {
            h = mix(word(chars, i) ^ P1, word(chars, i + 4) ^ h);
        }
        long a;
        long b = 0;
        int rest = end - i;
        if (i + 8 <= chars.length) {
            // whole words read past the cell's end (still inside the array) and masked: cell lengths
            // vary from row to row, and a branch or loop on them is mispredicted
            int inA = Math.min(rest, 4);
            a = word(chars, i) & mask(inA);
            b = word(chars, i + 4) & mask(rest - inA);
        } else if (rest >= 4) {
            a = word(chars, i);
            b = partialWord(chars, i + 4, rest - 4);
        } else {
            a = partialWord(chars, i, rest);
        }
        long x = a ^ P1;
        long y = b ^ h;
        return mix(x * y ^ P2, Math.multiplyHigh(x, y) ^ P3);
    }

    /** Four characters as one 64-bit word. */
    private static long word(char[] c, int i) {
        return c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48;
    }

    /** The bits of the first {@code units} (0 to 4) UTF-16 units of a word. */
    private static long mask(int units) {
        return units == 4 ? -1L : (1L << (units << 4)) - 1;
    }

    /** Up to three characters as one 64-bit word. */
    private static long partialWord(char[] c, int i, int n) {
        long w = 0;
        for (int k = 0, shift = 0; k < n; k++, shift += 16) {
            w |= (long) c[i + k] << shift;
        }
        return w;
    }

    /** Folds the 128-bit product of two words to 64 bits: every output bit depends on every input bit. */
    private static long mix(long x, long y) {
        return x * y ^ Math.multiplyHigh(x, y);
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
