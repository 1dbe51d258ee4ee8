package io.synthline.generator.engine.privacy.domain;

import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric column's distribution at fine resolution, measured under DP, turned into a
 * {@link Binning}. The domain [min, max] is cut into cells (one per integer for integer columns,
 * {@link #CONTINUOUS_CELLS} equal cells otherwise). Up to {@link #FLAT_LIMIT} cells are measured
 * as one flat histogram; beyond that as a tree (Hay et al. 2010) of branching
 * {@link #BRANCHING}, measured top-down: every level is a histogram over a partition, so one row
 * changes one count by one (L2 sensitivity 1), and only the children of nodes whose noisy count
 * clears {@link #REFINE_SIGMAS} sigma are measured, which finds point masses such as a zero most
 * rows share without paying for empty regions. The budget is split evenly over the levels.
 * Estimates are made consistent top-down: a node's estimate is split among its children in
 * proportion to their clipped noisy counts.
 */
public final class PrivateHistogram {
    static final int FLAT_LIMIT = 1024;
    static final int BRANCHING = 16;
    static final int CONTINUOUS_CELLS = 1 << 16;
    static final double REFINE_SIGMAS = 3;

    private PrivateHistogram() {
    }

    /** Whether {@link #binning} must spend budget on this column (false for small integer ranges, which get exact bins). */
    public static boolean needsMeasurement(ColumnDomain.Numeric domain, int targetBins) {
        return !(domain.integer() && integerRange(domain) <= targetBins);
    }

    /**
     * @param values the column's values (NaN for missing, ignored); clamped into the domain here
     * @param rho    zCDP budget for this column; unused when {@link #needsMeasurement} is false
     */
    public static Binning binning(double[] values, ColumnDomain.Numeric domain, int targetBins, double rho,
            Mechanisms mechanisms, String stage) {
        if (!needsMeasurement(domain, targetBins)) {
            return Binning.exactIntegers((long) Math.ceil(domain.min()), (long) Math.floor(domain.max()));
        }
        Grid grid = Grid.of(domain);
        int levels = 1;
        long span = BRANCHING;
        if (grid.cells > FLAT_LIMIT) {
            while (span < grid.cells) {
                span *= BRANCHING;
                levels++;
            }
        }
        long[] cellOf = new long[values.length];
        int present = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                cellOf[present++] = grid.cell(v);
            }
        }
        double levelRho = rho / levels;
        double sigma = ZeroConcentratedDp.gaussianSigma(1, levelRho);
        // Nodes are (level, index); a node at level l spans BRANCHING^(levels - l) cells (flat: all cells are level 1).
        List<Node> leaves = new ArrayList<>();
        List<Node> frontier = new ArrayList<>();
        frontier.add(new Node(0, 0, Double.NaN));
        for (int level = 1; level <= levels && !frontier.isEmpty(); level++) {
            long width = levels == 1 ? 1 : pow(BRANCHING, levels - level);
            long fanOut = levels == 1 ? grid.cells : BRANCHING;
            Map<Long, Integer> slot = new HashMap<>();
            List<Node> children = new ArrayList<>();
            List<Integer> parentOf = new ArrayList<>();
            for (int p = 0; p < frontier.size(); p++) {
                Node parent = frontier.get(p);
                for (long c = 0; c < fanOut; c++) {
                    long index = parent.index * fanOut + c;
                    if (index * width >= grid.cells) {
                        break; // publicly empty: beyond the domain
                    }
                    slot.put(index, children.size());
                    children.add(new Node(level, index, 0));
                    parentOf.add(p);
                }
            }
            long[] counts = levelCounts(cellOf, present, width, slot, children.size());
            long[] noisy = mechanisms.gaussian(counts, sigma, 1, stage,
                    "histogram of " + domain.name() + (levels > 1 ? " (level " + level + " of " + levels + ")" : ""));
            double[] parentTotals = new double[frontier.size()];
            for (int i = 0; i < noisy.length; i++) {
                parentTotals[parentOf.get(i)] += Math.max(0, noisy[i]);
            }
            List<Node> next = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                Node parent = frontier.get(parentOf.get(i));
                double share = parentTotals[parentOf.get(i)];
                double clipped = Math.max(0, noisy[i]);
                double estimate = Double.isNaN(parent.estimate) ? clipped
                        : share > 0 ? parent.estimate * clipped / share : 0;
                Node child = new Node(level, children.get(i).index, estimate);
                if (level < levels && noisy[i] >= REFINE_SIGMAS * sigma) {
                    next.add(child);
                } else {
                    leaves.add(child);
                }
            }
            frontier = next;
        }
        return toBinning(grid, levels, leaves, targetBins);
    }

    /**
     * One level's query: for each measured node (slot), how many values fall in it. Nodes of one
     * level are disjoint, so a row adds to at most one count.
     */
    static long[] levelCounts(long[] cellOf, int present, long width, Map<Long, Integer> slot, int nodes) {
        long[] counts = new long[nodes];
        for (int r = 0; r < present; r++) {
            Integer s = slot.get(cellOf[r] / width);
            if (s != null) {
                counts[s]++;
            }
        }
        return counts;
    }

    private static Binning toBinning(Grid grid, int levels, List<Node> leaves, int targetBins) {
        leaves.sort((a, b) -> Long.compare(a.firstCell(levels), b.firstCell(levels)));
        double[] starts = new double[leaves.size()];
        double[] weights = new double[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            starts[i] = grid.start(leaves.get(i).firstCell(levels));
            weights[i] = leaves.get(i).estimate;
        }
        return Binning.fromLeaves(grid.integer, grid.min, grid.max, starts, grid.end(), weights, targetBins);
    }

    private record Node(int level, long index, double estimate) {
        long firstCell(int levels) {
            return levels == 1 ? index : index * pow(BRANCHING, levels - level);
        }
    }

    private static long integerRange(ColumnDomain.Numeric domain) {
        return (long) Math.floor(domain.max()) - (long) Math.ceil(domain.min()) + 1;
    }

    private static long pow(long base, int exponent) {
        long r = 1;
        for (int i = 0; i < exponent; i++) {
            r = Math.multiplyExact(r, base);
        }
        return r;
    }

    /** Cells of the domain: integers, or equal slices of [min, max]. */
    private record Grid(boolean integer, double min, double max, long cells) {
        static Grid of(ColumnDomain.Numeric domain) {
            if (domain.integer()) {
                double lo = Math.ceil(domain.min());
                double hi = Math.floor(domain.max());
                return new Grid(true, lo, hi, (long) (hi - lo) + 1);
            }
            return new Grid(false, domain.min(), domain.max(), CONTINUOUS_CELLS);
        }

        long cell(double value) {
            double v = Math.clamp(value, min, max);
            if (integer) {
                return Math.round(v - min);
            }
            return Math.min(cells - 1, (long) ((v - min) / (max - min) * cells));
        }

        double start(long cell) {
            return integer ? min + cell : min + (max - min) * cell / cells;
        }

        double end() {
            return integer ? max + 1 : max;
        }
    }
}
