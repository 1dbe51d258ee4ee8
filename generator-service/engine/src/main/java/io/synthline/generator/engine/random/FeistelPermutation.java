package io.synthline.generator.engine.random;

/**
 * A keyed bijection of [0, size): a balanced Feistel network on the smallest even power of two
 * covering size, with cycle walking back into range. Used to hand out unique keys per row
 * (row index in, key index out) without remembering the keys already given.
 */
public final class FeistelPermutation {
    private static final int ROUNDS = 6;
    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long[] roundKeys = new long[ROUNDS];

    public FeistelPermutation(long size, long key) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        this.size = size;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        if ((bits & 1) == 1) {
            bits++;
        }
        this.halfBits = bits / 2;
        this.halfMask = (1L << halfBits) - 1;
        for (int i = 0; i < ROUNDS; i++) {
            roundKeys[i] = Seeds.derive(key, i);
        }
    }

    public long size() {
        return size;
    }

    public long apply(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside [0, " + size + ")");
        }
        long x = index;
        do {
            x = encrypt(x);
        } while (x >= size);
        return x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (long k : roundKeys) {
            long next = left ^ (Seeds.mix(right ^ k) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
