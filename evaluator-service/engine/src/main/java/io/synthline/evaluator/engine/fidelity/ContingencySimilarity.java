package io.synthline.evaluator.engine.fidelity;

import java.util.HashMap;
import java.util.Map;

/**
 * SDMetrics' ContingencySimilarity: 1 - total variation distance between the joint frequency
 * tables of two discrete columns (missing values are a category of their own). With an
 * association threshold > 0 it first computes Cramér's V of the real table (scipy's
 * {@code association(method='cramer')}, no continuity correction) and gives no score when the
 * table has fewer than two rows or columns or V is not above the threshold.
 */
public final class ContingencySimilarity {
    public static final String NAME = "ContingencySimilarity";
    /** Above this many cells the joint table is a hash map instead of a dense array. */
    private static final long DENSE_LIMIT = 1L << 22;

    private ContingencySimilarity() {
    }

    public record Breakdown(double score, double realAssociation) {
    }

    /**
     * @param k1 codes of the first column are in [-1, k1); -1 (missing) is its own category
     */
    public static Breakdown compute(int[] real1, int[] real2, int[] syn1, int[] syn2, int k1, int k2,
            double realAssociationThreshold) {
        int width = k2 + 1;
        long cells = (long) (k1 + 1) * width;
        if (cells <= DENSE_LIMIT) {
            return dense(real1, real2, syn1, syn2, k1, width, (int) cells, realAssociationThreshold);
        }
        JointCounts real = cells <= DENSE_LIMIT ? new DenseCounts((int) cells) : new SparseCounts();
        JointCounts syn = cells <= DENSE_LIMIT ? new DenseCounts((int) cells) : new SparseCounts();
        for (int i = 0; i < real1.length; i++) {
            real.add((long) (real1[i] + 1) * width + real2[i] + 1);
        }
        for (int i = 0; i < syn1.length; i++) {
            syn.add((long) (syn1[i] + 1) * width + syn2[i] + 1);
        }
        double association = Double.NaN;
        if (realAssociationThreshold > 0) {
            association = cramersV(real, width, k1 + 1);
            if (Double.isNaN(association) || association <= realAssociationThreshold) {
                return new Breakdown(Double.NaN, association);
            }
        }
        double nReal = real1.length;
        double nSyn = syn1.length;
        double[] tv = {0};
        real.forEach((cell, count) -> tv[0] += Math.abs(count / nReal - syn.get(cell) / nSyn));
        syn.forEach((cell, count) -> {
            if (real.get(cell) == 0) {
                tv[0] += count / nSyn;
            }
        });
        return new Breakdown(1 - tv[0] / 2, association);
    }

    /** The common case, on plain arrays: small joint tables. */
    private static Breakdown dense(int[] real1, int[] real2, int[] syn1, int[] syn2, int k1, int width, int cells,
            double realAssociationThreshold) {
        int[] real = new int[cells];
        for (int i = 0; i < real1.length; i++) {
            real[(real1[i] + 1) * width + real2[i] + 1]++;
        }
        double association = Double.NaN;
        if (realAssociationThreshold > 0) {
            DenseCounts table = new DenseCounts(real);
            association = cramersV(table, width, k1 + 1);
            if (Double.isNaN(association) || association <= realAssociationThreshold) {
                return new Breakdown(Double.NaN, association);
            }
        }
        int[] syn = new int[cells];
        for (int i = 0; i < syn1.length; i++) {
            syn[(syn1[i] + 1) * width + syn2[i] + 1]++;
        }
        double nReal = real1.length;
        double nSyn = syn1.length;
        double tv = 0;
        for (int c = 0; c < cells; c++) {
            if (real[c] != 0 || syn[c] != 0) {
                tv += Math.abs(real[c] / nReal - syn[c] / nSyn);
            }
        }
        return new Breakdown(1 - tv / 2, association);
    }

    /** Cramér's V (no continuity correction) of two discrete columns with codes in [-1, k). */
    public static double cramersV(int[] a, int[] b, int ka, int kb) {
        int width = kb + 1;
        long cells = (long) (ka + 1) * width;
        JointCounts t = cells <= DENSE_LIMIT ? new DenseCounts((int) cells) : new SparseCounts();
        for (int i = 0; i < a.length; i++) {
            t.add((long) (a[i] + 1) * width + b[i] + 1);
        }
        return cramersV(t, width, ka + 1);
    }

    /** Cramér's V of the observed (non-empty) rows and columns; NaN when either dimension is below 2. */
    static double cramersV(JointCounts table, int width, int height) {
        long[] rowSums = new long[height];
        long[] colSums = new long[width];
        long[] n = {0};
        table.forEach((cell, count) -> {
            rowSums[(int) (cell / width)] += count;
            colSums[(int) (cell % width)] += count;
            n[0] += count;
        });
        int rows = 0;
        for (long r : rowSums) {
            rows += r > 0 ? 1 : 0;
        }
        int cols = 0;
        for (long c : colSums) {
            cols += c > 0 ? 1 : 0;
        }
        if (n[0] == 0 || Math.min(rows, cols) < 2) {
            return Double.NaN;
        }
        double total = n[0];
        // chi2 = sum over all observed-row x observed-column cells of (O - E)^2 / E; empty cells contribute E
        double chi2 = 0;
        for (int r = 0; r < height; r++) {
            if (rowSums[r] == 0) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                if (colSums[c] == 0) {
                    continue;
                }
                double expected = (double) rowSums[r] * colSums[c] / total;
                double d = table.get((long) r * width + c) - expected;
                chi2 += d * d / expected;
            }
        }
        return Math.sqrt(chi2 / total / Math.min(rows - 1, cols - 1));
    }

    interface JointCounts {
        void add(long cell);

        long get(long cell);

        void forEach(CellConsumer consumer);
    }

    @FunctionalInterface
    interface CellConsumer {
        void accept(long cell, long count);
    }

    private static final class DenseCounts implements JointCounts {
        private final int[] counts;

        DenseCounts(int cells) {
            counts = new int[cells];
        }

        DenseCounts(int[] counts) {
            this.counts = counts;
        }

        @Override
        public void add(long cell) {
            counts[(int) cell]++;
        }

        @Override
        public long get(long cell) {
            return counts[(int) cell];
        }

        @Override
        public void forEach(CellConsumer consumer) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    consumer.accept(i, counts[i]);
                }
            }
        }
    }

    private static final class SparseCounts implements JointCounts {
        private final Map<Long, long[]> counts = new HashMap<>();

        @Override
        public void add(long cell) {
            counts.computeIfAbsent(cell, c -> new long[1])[0]++;
        }

        @Override
        public long get(long cell) {
            long[] c = counts.get(cell);
            return c == null ? 0 : c[0];
        }

        @Override
        public void forEach(CellConsumer consumer) {
            counts.forEach((cell, c) -> consumer.accept(cell, c[0]));
        }
    }
}
