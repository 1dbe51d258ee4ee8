package io.synthline.profiler.engine.scan;

import io.synthline.profiler.engine.stats.Moments;
import org.apache.datasketches.kll.KllDoublesSketch;

/** Exact moments plus a KLL sketch of one numeric (or datetime, as epoch milliseconds) column. */
final class NumericStats {
    final Moments moments = new Moments();
    final KllDoublesSketch kll;
    private final long seed;
    private double[] pending = new double[256];
    private int pendingCount;
    long zeros;
    long negatives;

    NumericStats(int kllK, long seed) {
        this.kll = KllDoublesSketch.newHeapInstance(kllK);
        this.seed = seed;
    }

    void add(double x) {
        moments.add(x);
        if (x == 0) {
            zeros++;
        } else if (x < 0) {
            negatives++;
        }
        if (pendingCount == pending.length) {
            pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingCount++] = x;
    }

    /** Moves the batch's values into the sketch, reproducibly (see {@link SeededKll}). */
    void endBatch(long batch) {
        SeededKll.update(kll, pending, pendingCount, seed, batch);
        pendingCount = 0;
    }
}
