package io.synthline.generator.engine.disclosure;

import io.synthline.generator.engine.model.SortedValues;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A numeric column as a model may keep it: cells that no single row identifies. A value shared by
 * at least k rows is an <em>atom</em> and kept exactly (an age, the zero of a capital gain). The
 * other rows are grouped in value order into <em>intervals</em> of at least k rows (about
 * {@code maxIntervals} of them); a value drawn from an interval is uniform inside it, so no rare
 * value is ever reproduced or stored. Edges between intervals lie halfway between two real values
 * (so they are no row's value), and the outermost edges are bottom- and top-coded: they lie
 * between the k-th and (k+1)-th most extreme values, so the k rows beyond them are drawn inside the
 * outermost interval and the model's range does not reveal the most extreme person. A rare value
 * within one typical step (the median gap between distinct values) of an atom joins that atom,
 * and so do all rare values of a column with too few of them to code (fewer than 2k rows).
 *
 * <p>Cells are ordered by their middle; an interval may span an atom's value (the atom's rows are
 * not in it). Missing values are not cells; their count is kept beside.
 */
public final class NumericCells {
    private final double[] low;
    private final double[] high;
    private final long[] count;
    private final long missing;
    // lookup: atoms by value, intervals by edges
    private final double[] atomValues;
    private final int[] atomCell;
    private final double[] intervalLow;
    private final int[] intervalCell;

    private NumericCells(double[] low, double[] high, long[] count, long missing) {
        this.low = low;
        this.high = high;
        this.count = count;
        this.missing = missing;
        int atoms = 0;
        for (int c = 0; c < low.length; c++) {
            if (low[c] == high[c]) {
                atoms++;
            }
        }
        atomValues = new double[atoms];
        atomCell = new int[atoms];
        intervalLow = new double[low.length - atoms];
        intervalCell = new int[low.length - atoms];
        Integer[] byLow = new Integer[low.length];
        for (int c = 0; c < low.length; c++) {
            byLow[c] = c;
        }
        Arrays.sort(byLow, (a, b) -> Double.compare(low[a], low[b]));
        int a = 0;
        int i = 0;
        for (int c : byLow) {
            if (low[c] == high[c]) {
                atomValues[a] = low[c];
                atomCell[a++] = c;
            } else {
                intervalLow[i] = low[c];
                intervalCell[i++] = c;
            }
        }
    }

    /**
     * The cells of a column's values (NaN = missing).
     *
     * @param minGroup     k: fewest rows an atom or an interval stands for
     * @param maxIntervals about how many intervals the rare values are spread over
     */
    public static NumericCells of(double[] values, int minGroup, int maxIntervals) {
        if (minGroup < 1 || maxIntervals < 1) {
            throw new IllegalArgumentException("minGroup and maxIntervals must be positive");
        }
        double[] sorted = SortedValues.present(values);
        long missing = values.length - sorted.length;
        if (sorted.length == 0) {
            return new NumericCells(new double[0], new double[0], new long[0], missing);
        }
        double[] distinct = SortedValues.distinct(sorted);
        long[] counts = new long[distinct.length];
        for (int i = 0, d = 0; i < sorted.length; i++) {
            if (Double.compare(sorted[i], distinct[d]) != 0) {
                d++;
            }
            counts[d]++;
        }
        List<double[]> cells = new ArrayList<>(); // {low, high, count}
        List<Integer> rare = new ArrayList<>(); // indexes into distinct
        long rareRows = 0;
        for (int d = 0; d < distinct.length; d++) {
            if (counts[d] >= minGroup) {
                cells.add(new double[] {distinct[d], distinct[d], counts[d]});
            } else {
                rare.add(d);
                rareRows += counts[d];
            }
        }
        if (!cells.isEmpty() && rare.size() < distinct.length) {
            // a rare value within one typical step of an atom joins it (an hours-per-week of 73 counts as 72) instead of
            // stretching an interval across the atoms between it and the next rare value
            List<Integer> far = new ArrayList<>();
            List<Integer> near = new ArrayList<>();
            double step = medianStep(distinct);
            double[] atoms = cells.stream().mapToDouble(a -> a[0]).toArray();
            for (int d : rare) {
                (distanceToNearest(atoms, distinct[d]) <= step ? near : far).add(d);
            }
            if (!near.isEmpty()) {
                foldIntoNearestAtoms(distinct, counts, near, cells);
                rare = far;
                rareRows = far.stream().mapToLong(d -> counts[d]).sum();
            }
        }
        if (rareRows >= 2L * minGroup) {
            intervals(distinct, counts, rare, rareRows, minGroup, maxIntervals, cells);
        } else if (rareRows > 0) {
            if (cells.isEmpty()) {
                cells.add(spread(sorted));
            } else {
                foldIntoNearestAtoms(distinct, counts, rare, cells);
            }
        }
        cells.sort((x, y) -> Double.compare(x[0] + x[1], y[0] + y[1]));
        int n = cells.size();
        double[] low = new double[n];
        double[] high = new double[n];
        long[] count = new long[n];
        for (int c = 0; c < n; c++) {
            low[c] = cells.get(c)[0];
            high[c] = cells.get(c)[1];
            count[c] = (long) cells.get(c)[2];
        }
        return new NumericCells(low, high, count, missing);
    }

    /** Groups the rare values (ascending) into intervals of at least k rows, coding the outermost k rows on each side. */
    private static void intervals(double[] distinct, long[] counts, List<Integer> rare, long rareRows, int k, int maxIntervals,
            List<double[]> cells) {
        long target = Math.max(k, (rareRows + maxIntervals - 1) / maxIntervals);
        // group boundaries: group g holds rare[start[g]] .. rare[start[g + 1] - 1]
        List<Integer> start = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        start.add(0);
        long acc = 0;
        long left = rareRows;
        for (int i = 0; i < rare.size(); i++) {
            long c = counts[rare.get(i)];
            acc += c;
            left -= c;
            long need = start.size() == 1 ? Math.max(target, 2L * k) : target;
            if (acc >= need && left >= 2L * k && i + 1 < rare.size()) {
                rows.add(acc);
                start.add(i + 1);
                acc = 0;
            }
        }
        rows.add(acc);
        start.add(rare.size());
        int groups = rows.size();
        double bottom = codedEdge(distinct, counts, rare, k, true);
        double top = codedEdge(distinct, counts, rare, k, false);
        if (groups == 1 && bottom > top) {
            // about 2k rare rows with heavy ties: the coded edges cross; one point between them stands for all
            bottom = top = midpoint(top, bottom);
        }
        for (int g = 0; g < groups; g++) {
            int first = rare.get(start.get(g));
            int last = rare.get(start.get(g + 1) - 1);
            double lo = g == 0 ? bottom : midpoint(distinct[rare.get(start.get(g) - 1)], distinct[first]);
            double hi = g == groups - 1 ? top : midpoint(distinct[last], distinct[rare.get(start.get(g + 1))]);
            cells.add(new double[] {lo, hi, rows.get(g)});
        }
    }

    /**
     * Halfway between the value holding the k-th most extreme rare row and the next rare value
     * inward: the k rows beyond it are coded into the outermost interval.
     */
    private static double codedEdge(double[] distinct, long[] counts, List<Integer> rare, int k, boolean bottom) {
        long acc = 0;
        int n = rare.size();
        for (int j = 0; j < n; j++) {
            int i = bottom ? j : n - 1 - j;
            acc += counts[rare.get(i)];
            if (acc >= k) {
                int next = bottom ? i + 1 : i - 1;
                return midpoint(distinct[rare.get(i)], distinct[rare.get(next)]);
            }
        }
        throw new IllegalStateException("fewer than 2k rare rows");
    }

    /** The median gap between consecutive distinct values (at least 2 of them). */
    private static double medianStep(double[] distinct) {
        double[] gaps = new double[distinct.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = distinct[i + 1] - distinct[i];
        }
        Arrays.sort(gaps);
        return gaps.length == 0 ? 0 : gaps[(gaps.length - 1) / 2];
    }

    /** Distance from x to the nearest of the ascending values. */
    private static double distanceToNearest(double[] ascending, double x) {
        int i = Arrays.binarySearch(ascending, x);
        if (i >= 0) {
            return 0;
        }
        int above = -i - 1;
        double best = Double.POSITIVE_INFINITY;
        if (above > 0) {
            best = x - ascending[above - 1];
        }
        if (above < ascending.length) {
            best = Math.min(best, ascending[above] - x);
        }
        return best;
    }

    /** Rare values that join the atom nearest to them (too few rare rows to code apart, or one step from an atom). */
    private static void foldIntoNearestAtoms(double[] distinct, long[] counts, List<Integer> rare, List<double[]> atoms) {
        atoms.sort((x, y) -> Double.compare(x[0], y[0]));
        double[] values = atoms.stream().mapToDouble(a -> a[0]).toArray();
        for (int d : rare) {
            int i = Arrays.binarySearch(values, distinct[d]);
            int above = -i - 1;
            int nearest = above == 0 ? 0 : above == values.length ? values.length - 1
                    : distinct[d] - values[above - 1] <= values[above] - distinct[d] ? above - 1 : above;
            atoms.get(nearest)[2] += counts[d];
        }
    }

    /** A column of fewer than 2k rows, all rare: one interval around their mean, as wide as their spread. */
    private static double[] spread(double[] sorted) {
        double mean = 0;
        for (double v : sorted) {
            mean += v / sorted.length;
        }
        double var = 0;
        for (double v : sorted) {
            var += (v - mean) * (v - mean) / sorted.length;
        }
        double half = Math.max(Math.sqrt(var), Math.max(1e-9, Math.abs(mean) * 1e-3));
        return new double[] {mean - half, mean + half, sorted.length};
    }

    /**
     * An edge between adjacent values a < b: their midpoint, except between whole numbers, where
     * a whole midpoint would be a value some other row (a held-out one, say) may hold: a + 0.5 then.
     */
    private static double midpoint(double a, double b) {
        // in either order: the top coded edge is taken between a value and the next one inward, below it
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double m = lo + (hi - lo) / 2;
        return m == Math.rint(m) && lo == Math.rint(lo) && hi == Math.rint(hi) && hi - lo > 1 ? lo + 0.5 : m;
    }

    public int cells() {
        return low.length;
    }

    public boolean isAtom(int cell) {
        return low[cell] == high[cell];
    }

    public double low(int cell) {
        return low[cell];
    }

    public double high(int cell) {
        return high[cell];
    }

    /** Training rows in the cell. */
    public long count(int cell) {
        return count[cell];
    }

    public long missing() {
        return missing;
    }

    /** Smallest value the cells produce (NaN without cells). */
    public double min() {
        return low.length == 0 ? Double.NaN : Arrays.stream(low).min().getAsDouble();
    }

    /** Largest value the cells produce (NaN without cells). */
    public double max() {
        return high.length == 0 ? Double.NaN : Arrays.stream(high).max().getAsDouble();
    }

    /** The cell a present value belongs to: its atom, else the interval around it (the outermost for coded tails), else the nearest atom. */
    public int cellOf(double x) {
        int a = Arrays.binarySearch(atomValues, x);
        if (a >= 0) {
            return atomCell[a];
        }
        if (intervalLow.length > 0) {
            int i = Arrays.binarySearch(intervalLow, x);
            int at = i >= 0 ? i : Math.max(0, -i - 2);
            return intervalCell[at];
        }
        int above = -a - 1;
        if (above == 0) {
            return atomCell[0];
        }
        if (above == atomValues.length) {
            return atomCell[atomValues.length - 1];
        }
        return x - atomValues[above - 1] <= atomValues[above] - x ? atomCell[above - 1] : atomCell[above];
    }

    /**
     * The values as a model that stores values may learn them: a value that at least k rows share
     * stays, any other becomes a uniform draw inside its interval (or the atom it was folded
     * into), so no rare real value survives; missing stays missing.
     */
    public double[] disguise(double[] values, RandomGenerator random) {
        double[] out = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            double x = values[r];
            if (Double.isNaN(x)) {
                out[r] = x;
            } else {
                int cell = cellOf(x);
                out[r] = isAtom(cell) ? low[cell] : draw(cell, random);
            }
        }
        return out;
    }

    /** A value of the cell: the atom, or uniform inside the interval. */
    public double draw(int cell, RandomGenerator random) {
        double lo = low[cell];
        double hi = high[cell];
        return lo == hi ? lo : lo + (hi - lo) * random.nextDouble();
    }

    /** A value of the cell inside [from, to] (which must overlap it), uniform there. */
    public double draw(int cell, double from, double to, RandomGenerator random) {
        double lo = Math.max(low[cell], from);
        double hi = Math.min(high[cell], to);
        return lo >= hi ? lo : lo + (hi - lo) * random.nextDouble();
    }

    public void write(ModelOutput out) throws IOException {
        out.writeDoubles(low);
        out.writeDoubles(high);
        out.writeLongs(count);
        out.writeLong(missing);
    }

    public static NumericCells read(ModelInput in) throws IOException {
        double[] low = in.readDoubles();
        double[] high = in.readDoubles();
        long[] count = in.readLongs();
        long missing = in.readLong();
        if (high.length != low.length || count.length != low.length) {
            throw new IOException("corrupt model: numeric cells do not match");
        }
        for (int c = 0; c < low.length; c++) {
            if (!(low[c] <= high[c])) {
                throw new IOException("corrupt model: a numeric cell ends before it starts");
            }
        }
        return new NumericCells(low, high, count, missing);
    }
}
