package io.synthline.evaluator.engine.privacy;

import io.synthline.evaluator.engine.data.Frame;

/**
 * The plain definition: every pair scored in double, one query row after the other, no pruning and
 * no SIMD. The reference that tests and benchmarks compare {@link NearestRecords} against.
 */
public final class NaiveDcr {
    private NaiveDcr() {
    }

    /** DCR of the first {@code rows} query rows. */
    public static double[] nearest(GowerSpace space, Frame queries, Frame reference, int rows) {
        double[] out = new double[Math.min(rows, queries.rows())];
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < reference.rows(); j++) {
                best = Math.min(best, space.distance(queries, i, reference, j));
            }
            out[i] = best;
        }
        return out;
    }
}
