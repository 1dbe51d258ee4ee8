package io.synthline.profiler.engine.scan;

import io.synthline.profiler.engine.stats.Moments;
import java.util.Arrays;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Exact moments plus a KLL sketch of one numeric (or datetime, as epoch milliseconds) column.
 *
 * <p>The sketch can be fed late: while a column has few distinct values its owner counts them
 * anyway, so instead of sketching every cell (the costliest part of a numeric cell) the sketch gets
 * the distinct values with their counts, once, as weighted updates: when the column turns out to
 * have too many ({@link #stopDeferring}, after which cells are sketched one by one) or at the end of
 * the pass ({@link #finishDeferred}).
 */
final class NumericStats {
    private static final int PENDING = 256;
    final Moments moments = new Moments();
    final KllDoublesSketch kll;
    private final long seed;
    private double[] pending = new double[PENDING];
    private int pendingCount;
    private boolean deferred;
    /** Distinct values and counts so far, waiting for the batch's end, when the sketch stopped being deferred. */
    private SeededKll.Feed replay;
    /** Where this batch's values start reaching the sketch. */
    private int sketchFrom;
    long zeros;
    long negatives;

    /** @param deferred whether the sketch waits for {@link #stopDeferring} or {@link #finishDeferred} */
    NumericStats(int kllK, long seed, boolean deferred) {
        this.kll = KllDoublesSketch.newHeapInstance(kllK);
        this.seed = seed;
        this.deferred = deferred;
    }

    void add(double x) {
        if (x == 0) {
            zeros++;
        } else if (x < 0) {
            negatives++;
        }
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingCount++] = x;
    }

    boolean deferred() {
        return deferred;
    }

    /**
     * From now on every value goes to the sketch; {@code values[i]} seen {@code counts[i]} times
     * are everything added before this call (this batch's values included); {@code position}, the
     * cell's place in the column, seeds the sketch's coin flips for them.
     */
    void stopDeferring(double[] values, long[] counts, long position) {
        deferred = false;
        replay = new SeededKll.Feed(kll, values, counts, values.length, seed, ~position);
        sketchFrom = pendingCount;
    }

    /** At the end of the pass, if still deferred: sketches the distinct values with their counts. */
    void finishDeferred(double[] values, long[] counts) {
        if (!deferred) {
            return;
        }
        deferred = false;
        if (moments.count() <= kll.getK()) {
            // small enough to stay exact: one update per value, as if the sketch had never waited
            double[] each = new double[(int) moments.count()];
            int k = 0;
            for (int i = 0; i < values.length; i++) {
                for (long c = 0; c < counts[i]; c++) {
                    each[k++] = values[i];
                }
            }
            SeededKll.update(kll, each, null, k, seed, -1);
        } else {
            SeededKll.update(kll, values, counts, values.length, seed, -1);
        }
    }

    /** Adds the batch's values to the moments, hands them over for the sketch (see {@link SeededKll}) and starts a new buffer. */
    void endBatch(long batch, List<SeededKll.Feed> feeds) {
        if (pendingCount == 0 && replay == null) {
            return;
        }
        moments.addAll(pending, pendingCount);
        if (replay != null) {
            feeds.add(replay);
            replay = null;
        }
        if (!deferred && sketchFrom < pendingCount) {
            double[] values = sketchFrom == 0 ? pending : Arrays.copyOfRange(pending, sketchFrom, pendingCount);
            feeds.add(new SeededKll.Feed(kll, values, null, pendingCount - sketchFrom, seed, batch));
            pending = new double[Math.max(PENDING, pendingCount)];
        }
        sketchFrom = 0;
        pendingCount = 0;
    }
}
