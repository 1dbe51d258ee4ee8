package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact nearest and second-nearest reference rows of every query row under a {@link GowerSpace}.
 *
 * <p>The result is exact (no sampling, no approximation), found by branch and bound over blocks:
 * <ol>
 * <li>reference rows are sorted lexicographically (discrete columns of low cardinality first, then
 *     continuous values) and cut into blocks of {@value #BLOCK} similar rows; each block keeps, per
 *     column, the range of its values or the set of its categories;</li>
 * <li>for a query row, every block gets a lower bound of the distance of any of its rows (a column
 *     whose range or category set excludes the query's value contributes its minimum distance), and
 *     blocks are visited in increasing bound order until the bound exceeds the second-best distance
 *     found so far;</li>
 * <li>a visited block is scored with one float expression per column
 *     ({@code acc[j] += min(|r[j] - q|, 1)}) that the JIT turns into SIMD instructions.</li>
 * </ol>
 * Float sums only select candidates: every row whose float distance is within a margin of the
 * second-best is re-scored in double with SDMetrics' formula, so the distances returned are
 * SDMetrics' to the last bits. Float rounding is monotone, so a block bound never exceeds the
 * float distance of a row in it and pruning is safe. Chunks of {@value #QUERY_CHUNK} query rows
 * run on the given {@link Parallel}; each row's result does not depend on which thread found it.
 */
public final class NearestRecords {
    static final int BLOCK = 64;
    static final int QUERY_CHUNK = 32;
    /** Margin in summed column units between float and exact sums; float error is below 1e-5 here. */
    static final float MARGIN = 1e-4f;
    /** Discrete columns with at most this many categories keep a bit set per block (one more bit for missing). */
    private static final int MASK_CATEGORIES = 62;
    private static final int MISSING_BIT = 62;
    private static final int MIXED = Integer.MIN_VALUE;

    private NearestRecords() {
    }

    /**
     * @param nearest       exact distance to the closest reference row
     * @param second        exact distance to the second closest (NaN when the reference has one row)
     * @param nearestIndex  index of the closest reference row (the lowest index on ties)
     */
    public record Result(double[] nearest, double[] second, int[] nearestIndex) {
        public int size() {
            return nearest.length;
        }
    }

    public static Result search(GowerSpace space, Frame queries, Frame reference, Parallel parallel) {
        if (reference.rows() == 0) {
            throw new IllegalArgumentException("the reference table has no rows");
        }
        Index index = new Index(space, reference);
        float[][] q = space.encode(queries);
        int nq = queries.rows();
        double[] nearest = new double[nq];
        double[] second = new double[nq];
        int[] nearestIndex = new int[nq];
        int chunks = (nq + QUERY_CHUNK - 1) / QUERY_CHUNK;
        parallel.forEach(chunks, ch -> {
            Searcher s = new Searcher(index, space, queries, reference, q);
            for (int row = ch * QUERY_CHUNK; row < Math.min(nq, (ch + 1) * QUERY_CHUNK); row++) {
                s.search(row, nearest, second, nearestIndex);
            }
        });
        return new Result(nearest, second, nearestIndex);
    }

    /** The reference rows, sorted and blocked, with per-block bounds. */
    static final class Index {
        final int d;
        final int rows;
        final int blocks;
        final int[] order;
        /** Encoded reference values in sorted order, column-major. */
        final float[][] values;
        final boolean[] continuous;
        final boolean[] masked;
        /**
         * Per column and block, what the bound needs without branching: continuous columns keep the
         * range of present values (empty range = +inf/-inf when all are missing) and the bound for a
         * missing query value; discrete columns with few categories keep, per category (and one
         * slot for missing), 1 if the block lacks it, else 0; others keep the block's single code or
         * MIXED.
         */
        final float[][] lo;
        final float[][] hi;
        final float[][] missingQueryBound;
        final float[][][] absent;
        final int[][] constant;

        Index(GowerSpace space, Frame reference) {
            List<EvalColumn> columns = space.columns();
            d = columns.size();
            rows = reference.rows();
            blocks = (rows + BLOCK - 1) / BLOCK;
            float[][] encoded = space.encode(reference);
            continuous = new boolean[d];
            masked = new boolean[d];
            for (int c = 0; c < d; c++) {
                continuous[c] = columns.get(c).isContinuous();
                masked[c] = !continuous[c] && columns.get(c).cardinality() <= MASK_CATEGORIES;
            }
            order = sortOrder(columns, encoded, rows);
            values = new float[d][rows];
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < rows; i++) {
                    values[c][i] = encoded[c][order[i]];
                }
            }
            lo = new float[d][];
            hi = new float[d][];
            missingQueryBound = new float[d][];
            absent = new float[d][][];
            constant = new int[d][];
            for (int c = 0; c < d; c++) {
                if (continuous[c]) {
                    lo[c] = new float[blocks];
                    hi[c] = new float[blocks];
                    missingQueryBound[c] = new float[blocks];
                } else if (masked[c]) {
                    absent[c] = new float[columns.get(c).cardinality() + 1][blocks];
                } else {
                    constant[c] = new int[blocks];
                }
                for (int b = 0; b < blocks; b++) {
                    summarise(c, b, b * BLOCK, Math.min(rows, (b + 1) * BLOCK));
                }
            }
        }

        private void summarise(int c, int b, int from, int to) {
            float[] v = values[c];
            if (continuous[c]) {
                float l = Float.POSITIVE_INFINITY;
                float h = Float.NEGATIVE_INFINITY;
                boolean anyMissing = false;
                for (int i = from; i < to; i++) {
                    if (v[i] == GowerSpace.MISSING) {
                        anyMissing = true;
                    } else {
                        l = Math.min(l, v[i]);
                        h = Math.max(h, v[i]);
                    }
                }
                lo[c][b] = l;
                hi[c][b] = h;
                missingQueryBound[c][b] = anyMissing ? 0f : 1f;
            } else if (masked[c]) {
                float[][] a = absent[c];
                for (float[] perCategory : a) {
                    perCategory[b] = 1f;
                }
                for (int i = from; i < to; i++) {
                    a[slot(v[i], a.length)][b] = 0f;
                }
            } else {
                int k = code(v[from]);
                for (int i = from + 1; i < to && k != MIXED; i++) {
                    if (code(v[i]) != k) {
                        k = MIXED;
                    }
                }
                constant[c][b] = k;
            }
        }

        private static int slot(float encoded, int slots) {
            return encoded == GowerSpace.MISSING ? slots - 1 : (int) encoded;
        }

        private static int code(float encoded) {
            return encoded == GowerSpace.MISSING ? -1 : (int) encoded;
        }

        /** Adds column c's lower bound for query value q to every block's bound. */
        void addBounds(int c, float q, float[] bounds) {
            int n = blocks;
            if (continuous[c]) {
                if (q == GowerSpace.MISSING) {
                    float[] m = missingQueryBound[c];
                    for (int b = 0; b < n; b++) {
                        bounds[b] += m[b];
                    }
                    return;
                }
                float[] l = lo[c];
                float[] h = hi[c];
                for (int b = 0; b < n; b++) {
                    bounds[b] += Math.min(Math.max(Math.max(l[b] - q, q - h[b]), 0f), 1f);
                }
            } else if (masked[c]) {
                float[][] a = absent[c];
                // codes index the dictionary shared with the reference, so every code has a slot
                float[] row = a[slot(q, a.length)];
                for (int b = 0; b < n; b++) {
                    bounds[b] += row[b];
                }
            } else {
                int[] k = constant[c];
                int code = code(q);
                for (int b = 0; b < n; b++) {
                    bounds[b] += k[b] != MIXED && k[b] != code ? 1f : 0f;
                }
            }
        }

        /** Lexicographic: discrete columns by increasing cardinality, then continuous columns. */
        private static int[] sortOrder(List<EvalColumn> columns, float[][] encoded, int rows) {
            Integer[] keyColumns = IntStream.range(0, columns.size()).boxed()
                    .sorted((a, b) -> Integer.compare(rank(columns.get(a)), rank(columns.get(b)))).toArray(Integer[]::new);
            Integer[] idx = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> {
                for (int c : keyColumns) {
                    int cmp = Float.compare(encoded[c][x], encoded[c][y]);
                    if (cmp != 0) {
                        return cmp;
                    }
                }
                return Integer.compare(x, y);
            });
            int[] out = new int[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = idx[i];
            }
            return out;
        }

        private static int rank(EvalColumn c) {
            return c.isContinuous() ? Integer.MAX_VALUE : c.cardinality();
        }
    }

    /** Per-thread scratch space; searches one query row at a time. */
    private static final class Searcher {
        private final Index index;
        private final GowerSpace space;
        private final Frame queries;
        private final Frame reference;
        private final float[][] q;
        private final float[] acc = new float[BLOCK];
        private final long[] visit;
        private final float[] bounds;
        private int[] candIndex = new int[64];
        private float[] candDistance = new float[64];
        private int candSize;
        private float best1;
        private float best2;

        Searcher(Index index, GowerSpace space, Frame queries, Frame reference, float[][] q) {
            this.index = index;
            this.space = space;
            this.queries = queries;
            this.reference = reference;
            this.q = q;
            this.visit = new long[index.blocks];
            this.bounds = new float[index.blocks];
        }

        void search(int row, double[] nearest, double[] second, int[] nearestIndex) {
            int d = index.d;
            Arrays.fill(bounds, 0f);
            for (int c = 0; c < d; c++) {
                index.addBounds(c, q[c][row], bounds);
            }
            best1 = Float.POSITIVE_INFINITY;
            best2 = Float.POSITIVE_INFINITY;
            candSize = 0;
            // the most promising block first gives a tight threshold; then only blocks under it, best first
            int first = 0;
            for (int b = 1; b < index.blocks; b++) {
                if (bounds[b] < bounds[first]) {
                    first = b;
                }
            }
            scan(row, first);
            int n = 0;
            float threshold = best2 + MARGIN;
            for (int b = 0; b < index.blocks; b++) {
                if (b != first && bounds[b] <= threshold) {
                    // bounds are >= 0, so their IEEE bits sort like their values
                    visit[n++] = ((long) Float.floatToRawIntBits(bounds[b]) << 32) | b;
                }
            }
            Arrays.sort(visit, 0, n);
            for (int i = 0; i < n; i++) {
                float bound = Float.intBitsToFloat((int) (visit[i] >>> 32));
                if (bound > best2 + MARGIN) {
                    break;
                }
                scan(row, (int) visit[i]);
            }
            finish(row, best2 + MARGIN, nearest, second, nearestIndex);
        }

        private void scan(int row, int block) {
            int d = index.d;
            int from = block * BLOCK;
            int len = Math.min(BLOCK, index.rows - from);
            Arrays.fill(acc, 0f);
            for (int c = 0; c < d; c++) {
                accumulate(acc, index.values[c], from, len, q[c][row]);
            }
            float threshold = best2 + MARGIN;
            for (int j = 0; j < len; j++) {
                float a = acc[j];
                if (a <= threshold) {
                    if (a < best1) {
                        best2 = best1;
                        best1 = a;
                    } else if (a < best2) {
                        best2 = a;
                    }
                    threshold = best2 + MARGIN;
                    addCandidate(index.order[from + j], a, threshold);
                }
            }
        }

        private static void accumulate(float[] acc, float[] column, int offset, int len, float value) {
            for (int j = 0; j < len; j++) {
                acc[j] += Math.min(Math.abs(column[offset + j] - value), 1f);
            }
        }

        private void addCandidate(int ref, float distance, float threshold) {
            if (candSize == candIndex.length) {
                int kept = 0;
                for (int k = 0; k < candSize; k++) {
                    if (candDistance[k] <= threshold) {
                        candIndex[kept] = candIndex[k];
                        candDistance[kept] = candDistance[k];
                        kept++;
                    }
                }
                candSize = kept;
                if (candSize > candIndex.length / 2) {
                    candIndex = Arrays.copyOf(candIndex, candIndex.length * 2);
                    candDistance = Arrays.copyOf(candDistance, candDistance.length * 2);
                }
            }
            candIndex[candSize] = ref;
            candDistance[candSize] = distance;
            candSize++;
        }

        private void finish(int row, float threshold, double[] nearest, double[] second, int[] nearestIndex) {
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            int i1 = Integer.MAX_VALUE;
            for (int k = 0; k < candSize; k++) {
                if (candDistance[k] > threshold) {
                    continue;
                }
                int ref = candIndex[k];
                double exact = space.distance(queries, row, reference, ref);
                if (exact < d1 || (exact == d1 && ref < i1)) {
                    d2 = d1;
                    d1 = exact;
                    i1 = ref;
                } else if (exact < d2) {
                    d2 = exact;
                }
            }
            nearest[row] = d1;
            second[row] = Double.isInfinite(d2) ? Double.NaN : d2;
            nearestIndex[row] = i1;
        }
    }
}
