package io.synthline.generator.engine.privacy.noise;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Uniform random bits for the exact samplers. Only {@link #secure()} is fit for privacy; the
 * seeded source exists so that tests are reproducible, and everything built on it says so
 * ({@link #isPrivate()} is false and {@link #description()} reads "NOT PRIVATE").
 *
 * <p>Bits are drawn from the underlying generator in blocks to keep the per-draw cost low.
 * Not thread-safe: one instance per fitting run.
 */
public final class RandomBits {
    private static final int BLOCK = 4096;

    private final BlockSource source;
    private final boolean secure;
    private final String description;
    private final byte[] block = new byte[BLOCK];
    private int position = BLOCK;

    private RandomBits(BlockSource source, boolean secure, String description) {
        this.source = source;
        this.secure = secure;
        this.description = description;
    }

    /** Bits from the platform's default {@link SecureRandom} (non-blocking, seeded by the OS). */
    public static RandomBits secure() {
        SecureRandom random = new SecureRandom();
        return new RandomBits(random::nextBytes, true, "SecureRandom (" + random.getAlgorithm() + ")");
    }

    /**
     * A reproducible, NOT PRIVATE source for tests: its output is predictable from the seed, so
     * noise drawn from it protects nothing.
     */
    public static RandomBits seededNotPrivate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new RandomBits(random::nextBytes, false, "seeded PRNG (NOT PRIVATE, tests only)");
    }

    public boolean isPrivate() {
        return secure;
    }

    public String description() {
        return description;
    }

    private int nextByte() {
        if (position == BLOCK) {
            source.fill(block);
            position = 0;
        }
        return block[position++] & 0xFF;
    }

    /** 64 uniform bits. */
    public long nextLong() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | nextByte();
        }
        return v;
    }

    public boolean nextBoolean() {
        return (nextByte() & 1) == 1;
    }

    /** Uniform on {0, ..., bound - 1}, exactly (rejection, no modulo bias). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        if ((bound & (bound - 1)) == 0) {
            return nextLong() & (bound - 1);
        }
        int bits = 64 - Long.numberOfLeadingZeros(bound - 1);
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        while (true) {
            long candidate = nextLong() & mask;
            if (Long.compareUnsigned(candidate, bound) < 0) {
                return candidate;
            }
        }
    }

    /** Uniform on {0, ..., bound - 1}, exactly. */
    public BigInteger nextBigInteger(BigInteger bound) {
        if (bound.signum() <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        if (bound.bitLength() < 63) {
            return BigInteger.valueOf(nextLong(bound.longValue()));
        }
        int bits = bound.subtract(BigInteger.ONE).bitLength();
        int bytes = (bits + 7) / 8;
        byte[] buffer = new byte[bytes + 1];
        int excess = bytes * 8 - bits;
        while (true) {
            buffer[0] = 0;
            for (int i = 1; i <= bytes; i++) {
                buffer[i] = (byte) nextByte();
            }
            buffer[1] &= (byte) (0xFF >>> excess);
            BigInteger candidate = new BigInteger(buffer);
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    @FunctionalInterface
    private interface BlockSource {
        void fill(byte[] block);
    }
}
