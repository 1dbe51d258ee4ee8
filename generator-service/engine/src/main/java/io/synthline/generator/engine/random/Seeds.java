package io.synthline.generator.engine.random;

import java.nio.charset.StandardCharsets;

/** Deterministic derivation of seeds: one run seed fans out into independent streams by label or index. */
public final class Seeds {
    private Seeds() {
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long derive(long seed, long index) {
        return mix(mix(seed + 0x632BE59BD9B4E019L) ^ mix(index + 0x9E3779B97F4A7C15L));
    }

    public static long derive(long seed, String label) {
        long h = 0xCBF29CE484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return derive(seed, h);
    }
}
