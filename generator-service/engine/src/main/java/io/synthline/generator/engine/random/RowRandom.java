package io.synthline.generator.engine.random;

import java.util.random.RandomGenerator;

/**
 * The random stream of one output row: SplitMix64 (Steele, Lea and Flood 2014) seeded from
 * (run seed, row index, attempt). Because every row has its own stream, a row's content depends
 * only on those three numbers: output is the same whatever the thread count or shard layout,
 * and any row can be regenerated alone. Reseeding is O(1), so one instance serves a whole
 * block of rows. Not thread-safe.
 */
public final class RowRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public RowRandom() {
    }

    public RowRandom(long seed) {
        this.state = seed;
    }

    /** Positions the stream at the start of (row, attempt) of the run with this seed. */
    public RowRandom reseed(long runSeed, long row, int attempt) {
        this.state = rowSeed(runSeed, row, attempt);
        return this;
    }

    public RowRandom reseed(long seed) {
        this.state = seed;
        return this;
    }

    /** The seed of one row's stream; distinct rows and attempts get unrelated streams. */
    public static long rowSeed(long runSeed, long row, int attempt) {
        long s = Seeds.mix(runSeed ^ 0x5DEECE66DL);
        s = Seeds.mix(s + row * GOLDEN_GAMMA);
        return Seeds.mix(s ^ ((long) attempt * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL));
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return Seeds.mix(state);
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound) without modulo bias worth speaking of (Lemire's multiply-shift on 64 bits). */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.multiplyHigh(nextLong() >>> 1, (long) bound << 1);
    }
}
