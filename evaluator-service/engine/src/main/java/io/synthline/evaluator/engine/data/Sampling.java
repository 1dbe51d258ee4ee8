package io.synthline.evaluator.engine.data;

import java.util.SplittableRandom;

/** Seeded row sampling and shuffling, so every randomised metric is reproducible. */
public final class Sampling {
    private Sampling() {
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** min(k, n) distinct row indices, uniformly at random, in random order. */
    public static int[] sample(int n, int k, SplittableRandom random) {
        int[] p = permutation(n, random);
        return k >= n ? p : java.util.Arrays.copyOf(p, k);
    }
}
