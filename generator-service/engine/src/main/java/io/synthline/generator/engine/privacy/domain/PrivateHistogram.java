package io.synthline.generator.engine.privacy.domain;

import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Extension threshold of the support (see {@link NoisySupport}): any positive noisy count next
     * to the support extends it, unless it is a cliff below its neighbour. Missing a thin edge costs
     * more than taking one empty cell in: the edges fix the synthetic column's range.
     */
    static final double EXTENSION_COUNT = 1;

    /**
     * Whether {@link #binning} must spend budget on this column: false for small declared integer
     * ranges, which get exact bins. Learned bounds are always measured: they are generous, and the
     * fine histogram finds where in them the data lies.
     */
    public static boolean needsMeasurement(PublicDomain.Numeric domain, int targetBins, boolean boundsLearned) {
        return boundsLearned || !(domain.integer() && integerRange(domain) <= targetBins);
    }

    /**
     * @param values the column's values (NaN for missing, ignored); clamped into the domain here
     * @param rho    zCDP budget for this column; unused when {@link #needsMeasurement} is false
     */
    public static Binning binning(double[] values, PublicDomain.Numeric domain, int targetBins, boolean boundsLearned,
            double rho, Mechanisms mechanisms, String stage) {
        if (!needsMeasurement(domain, targetBins, boundsLearned)) {
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
        frontier.add(new Node(0, 0, Double.NaN, 0));
        List<Node> measured = new ArrayList<>();
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
                    children.add(new Node(level, index, 0, 0));
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
                Node child = new Node(level, children.get(i).index, estimate, noisy[i]);
                measured.add(child);
                if (level < levels && noisy[i] >= REFINE_SIGMAS * sigma) {
                    next.add(child);
                } else {
                    leaves.add(child);
                }
            }
            frontier = next;
        }
        int depth = levels;
        leaves.sort((a, b) -> Long.compare(a.firstCell(depth), b.firstCell(depth)));
        if (!boundsLearned) {
            return toBinning(grid, levels, leaves, 0, leaves.size() - 1, 0, leaves.size() - 1, targetBins);
        }
        long[] anchored = anchorSpan(measured, levels, grid.cells, NoisySupport.anchorThreshold(sigma, measured.size()));
        if (anchored == null) {
            // nothing stands out: keep the learned bounds, whose own anchors found data
            return toBinning(grid, levels, leaves, 0, leaves.size() - 1, 0, leaves.size() - 1, targetBins);
        }
        int first = 0;
        int last = 0;
        for (int i = 0; i < leaves.size(); i++) {
            long start = leaves.get(i).firstCell(levels);
            if (start <= anchored[0]) {
                first = i;
            }
            if (start < anchored[1]) {
                last = i;
            }
        }
        long[] noisyLeaves = leaves.stream().mapToLong(Node::noisy).toArray();
        int[] support = NoisySupport.extend(noisyLeaves, first, last, EXTENSION_COUNT, NoisySupport.CLIFF);
        return toBinning(grid, levels, leaves, support[0], support[1], first, last, targetBins);
    }

    /**
     * The cells [start, end) between the finest anchors: nodes whose noisy count clears the
     * anchor threshold and that have no child that does (a refined anchor's children say more
     * precisely where its data is). Null when no node is an anchor.
     */
    private static long[] anchorSpan(List<Node> measured, int levels, long cells, double anchorThreshold) {
        Set<Long> anchorParents = new HashSet<>();
        for (Node n : measured) {
            if (n.level > 1 && n.noisy >= anchorThreshold) {
                anchorParents.add(key(n.level - 1, n.index / BRANCHING));
            }
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Node n : measured) {
            if (n.noisy >= anchorThreshold && !anchorParents.contains(key(n.level, n.index))) {
                long width = levels == 1 ? 1 : pow(BRANCHING, levels - n.level);
                start = Math.min(start, n.firstCell(levels));
                end = Math.max(end, Math.min(cells, n.firstCell(levels) + width));
            }
        }
        return start == Long.MAX_VALUE ? null : new long[] {start, end};
    }

    private static long key(int level, long index) {
        return index * 64 + level;
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

    /**
     * The binning of leaves first .. last (sorted), whose range is the support. A small integer
     * support gets one bin per integer, except that the cells outside the anchors [anchorFirst,
     * anchorLast] (thin edges, whose noisy counts a model could easily round to nothing) join the
     * nearest anchored bin.
     */
    private static Binning toBinning(Grid grid, int levels, List<Node> leaves, int first, int last, int anchorFirst,
            int anchorLast, int targetBins) {
        long endCell = last + 1 < leaves.size() ? leaves.get(last + 1).firstCell(levels) : grid.cells;
        double min = grid.start(leaves.get(first).firstCell(levels));
        double end = endCell < grid.cells ? grid.start(endCell) : grid.end();
        double max = grid.integer ? end - 1 : Math.min(grid.max, end);
        if (grid.integer && levels == 1 && max - min + 1 <= targetBins) {
            double[] weights = leaves.subList(first, last + 1).stream().mapToDouble(Node::estimate).toArray();
            return Binning.integers((long) min, weights, anchorFirst - first, last - anchorLast);
        }
        int n = last - first + 1;
        double[] starts = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = grid.start(leaves.get(first + i).firstCell(levels));
            weights[i] = leaves.get(first + i).estimate;
        }
        return Binning.fromLeaves(grid.integer, min, max, starts, end, weights, targetBins);
    }

    private record Node(int level, long index, double estimate, long noisy) {
        long firstCell(int levels) {
            return levels == 1 ? index : index * pow(BRANCHING, levels - level);
        }
    }

    private static long integerRange(PublicDomain.Numeric domain) {
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
        static Grid of(PublicDomain.Numeric domain) {
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
