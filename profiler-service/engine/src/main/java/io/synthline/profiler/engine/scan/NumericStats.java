package io.synthline.profiler.engine.scan;

import io.synthline.profiler.engine.stats.Moments;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;

/** Exact moments plus a KLL sketch of one numeric (or datetime, as epoch milliseconds) column. */
final class NumericStats {
    private static final int PENDING = 256;
    final Moments moments = new Moments();
    final KllDoublesSketch kll;
    private final long seed;
    private double[] pending = new double[PENDING];
    private int pendingCount;
    long zeros;
    long negatives;

    NumericStats(int kllK, long seed) {
        this.kll = KllDoublesSketch.newHeapInstance(kllK);
        this.seed = seed;
    }

    void add(double x) {
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

    /** Adds the batch's values to the moments, hands them over for the sketch (see {@link SeededKll}) and starts a new buffer. */
    void endBatch(long batch, List<SeededKll.Feed> feeds) {
        if (pendingCount == 0) {
            return;
        }
        moments.addAll(pending, pendingCount);
        feeds.add(new SeededKll.Feed(kll, pending, pendingCount, seed, batch));
        pending = new double[Math.max(PENDING, pendingCount)];
        pendingCount = 0;
    }
}
