package io.synthline.generator.engine.privacy.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A numeric column's discretisation: fine leaves (a partition of [min, max] into intervals, each
 * with a privately estimated weight) grouped into a few coarse bins that the graphical model
 * works with. Sampling a value for a bin picks a leaf in proportion to its weight and then a
 * value uniformly inside it (an integer for integer columns), so the column's shape survives
 * even though the model only sees bins.
 *
 * <p>Built only from public bounds and noisy measurements: post-processing, free of privacy cost.
 */
public final class Binning {
    private final boolean integer;
    private final double min;
    private final double max;
    /** leafStart[i] is leaf i's first value; leaf i ends where leaf i+1 starts (the last at {@link #end}). */
    private final double[] leafStart;
    private final double end;
    private final double[] leafWeight;
    /** Bin b holds leaves binFirstLeaf[b] .. binFirstLeaf[b+1]-1. */
    private final int[] binFirstLeaf;
    private final int[] leafBin;
    /** Per bin, running sums of the sampling weights of its leaves (weights, or widths when all weigh 0). */
    private final double[] cumulative;

    private Binning(boolean integer, double min, double max, double[] leafStart, double end, double[] leafWeight,
            int[] binFirstLeaf) {
        this.integer = integer;
        this.min = min;
        this.max = max;
        this.leafStart = leafStart;
        this.end = end;
        this.leafWeight = leafWeight;
        this.binFirstLeaf = binFirstLeaf;
        this.leafBin = new int[leafStart.length];
        this.cumulative = new double[leafStart.length];
        for (int b = 0; b < bins(); b++) {
            double total = 0;
            for (int l = binFirstLeaf[b]; l < binFirstLeaf[b + 1]; l++) {
                leafBin[l] = b;
                total += leafWeight[l];
            }
            double running = 0;
            for (int l = binFirstLeaf[b]; l < binFirstLeaf[b + 1]; l++) {
                running += total > 0 ? leafWeight[l] : leafEnd(l) - leafStart[l];
                cumulative[l] = running;
            }
        }
    }

    /** One bin per integer of [min, max]: exact, for small integer ranges. */
    public static Binning exactIntegers(long min, long max) {
        int n = Math.toIntExact(max - min + 1);
        double[] starts = new double[n];
        int[] firsts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            starts[i] = min + i;
            firsts[i] = i;
        }
        firsts[n] = n;
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        return new Binning(true, min, max, starts, max + 1, weights, firsts);
    }

    /**
     * One leaf per integer of [min, min + weights.length - 1], each its own bin, except that the
     * first {@code leadingMerged} and the last {@code trailingMerged} integers join the bin next to
     * them: thin edges of a small range, sampled in proportion to their weights inside that bin.
     */
    public static Binning integers(long min, double[] weights, int leadingMerged, int trailingMerged) {
        int n = weights.length;
        if (n == 0 || leadingMerged < 0 || trailingMerged < 0 || leadingMerged + trailingMerged >= n) {
            throw new IllegalArgumentException("need at least one integer outside the merged edges");
        }
        double[] starts = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = min + i;
        }
        int bins = n - leadingMerged - trailingMerged;
        int[] firsts = new int[bins + 1];
        for (int b = 1; b < bins; b++) {
            firsts[b] = leadingMerged + b;
        }
        firsts[bins] = n;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(0, weights[i]);
        }
        return new Binning(true, min, min + n - 1, starts, min + n, w, firsts);
    }

    /**
     * Groups weighted leaves into about {@code targetBins} bins of similar weight; a leaf heavier
     * than a bin's share (a point mass such as a zero that most rows have) becomes a bin of its own.
     *
     * @param leafStart ascending starts; the first must be {@code min}
     * @param end       exclusive end of the last leaf ({@code max + 1} for integers, {@code max} otherwise)
     * @param weights   non-negative
     */
    public static Binning fromLeaves(boolean integer, double min, double max, double[] leafStart, double end,
            double[] weights, int targetBins) {
        int n = leafStart.length;
        if (n == 0 || weights.length != n || leafStart[0] != min) {
            throw new IllegalArgumentException("leaves must start at min and carry one weight each");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must be non-negative");
            }
            total += w;
        }
        // Point masses get bins of their own; the rest of the weight shares the remaining bins.
        double heavy = total > 0 ? total / targetBins : Double.POSITIVE_INFINITY;
        double heavyTotal = 0;
        int heavyCount = 0;
        for (double w : weights) {
            if (w >= heavy) {
                heavyTotal += w;
                heavyCount++;
            }
        }
        double share = total > heavyTotal ? (total - heavyTotal) / Math.max(1, targetBins - heavyCount) : Double.POSITIVE_INFINITY;
        List<Integer> firsts = new ArrayList<>();
        int start = 0;
        double accumulated = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] >= heavy) {
                if (i > start) {
                    firsts.add(start);
                }
                firsts.add(i);
                start = i + 1;
                accumulated = 0;
                continue;
            }
            accumulated += weights[i];
            if (accumulated >= share) {
                firsts.add(start);
                start = i + 1;
                accumulated = 0;
            }
        }
        if (start < n) {
            boolean lastIsPointMass = !firsts.isEmpty() && weights[firsts.getLast()] >= heavy
                    && firsts.getLast() == start - 1;
            if (firsts.isEmpty() || accumulated >= share / 2 || lastIsPointMass) {
                firsts.add(start);
            }
            // else: a light tail joins the previous bin
        }
        int[] binFirst = new int[firsts.size() + 1];
        for (int b = 0; b < firsts.size(); b++) {
            binFirst[b] = firsts.get(b);
        }
        binFirst[firsts.size()] = n;
        return new Binning(integer, min, max, leafStart.clone(), end, weights.clone(), binFirst);
    }

    public int bins() {
        return binFirstLeaf.length - 1;
    }

    public boolean integer() {
        return integer;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The bin of a value, after clamping it into [min, max]. */
    public int bin(double value) {
        double v = Math.clamp(value, min, max);
        int i = Arrays.binarySearch(leafStart, v);
        int leaf = i >= 0 ? i : -i - 2;
        return leafBin[Math.max(0, leaf)];
    }

    /** Lower edge of a bin, for descriptions. */
    public double binStart(int bin) {
        return leafStart[binFirstLeaf[bin]];
    }

    /** Exclusive upper edge of a bin, for descriptions. */
    public double binEnd(int bin) {
        int next = binFirstLeaf[bin + 1];
        return next < leafStart.length ? leafStart[next] : end;
    }

    /** A value of the bin: a leaf by weight (by width when the bin's leaves all weigh nothing), then uniform inside. */
    public double sample(int bin, RandomGenerator random) {
        int first = binFirstLeaf[bin];
        int last = binFirstLeaf[bin + 1];
        double u = random.nextDouble() * cumulative[last - 1];
        int i = Arrays.binarySearch(cumulative, first, last, u);
        int leaf = Math.min(last - 1, i >= 0 ? i + 1 : -i - 1);
        return uniform(leaf, leafStart[leaf], leafEnd(leaf), random);
    }

    /**
     * The share of the bin's sampling mass that falls in [lo, hi] (inclusive; infinities for open
     * ends): the weight exact conditional sampling gives the bin under a range condition.
     */
    public double share(int bin, double lo, double hi) {
        int first = binFirstLeaf[bin];
        int last = binFirstLeaf[bin + 1];
        double total = cumulative[last - 1];
        if (!(total > 0)) {
            return 0;
        }
        double inside = 0;
        for (int l = first; l < last; l++) {
            inside += leafMass(l, first) * overlap(l, lo, hi);
        }
        return Math.min(1, inside / total);
    }

    /** A value of the bin inside [lo, hi], drawn from the bin's sampling distribution restricted to it. */
    public double sample(int bin, RandomGenerator random, double lo, double hi) {
        int first = binFirstLeaf[bin];
        int last = binFirstLeaf[bin + 1];
        double[] running = new double[last - first];
        double sum = 0;
        for (int l = first; l < last; l++) {
            sum += leafMass(l, first) * overlap(l, lo, hi);
            running[l - first] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("bin " + bin + " has no mass in [" + lo + ", " + hi + "]");
        }
        double u = random.nextDouble() * sum;
        int k = 0;
        while (k < running.length - 1 && running[k] <= u) {
            k++;
        }
        int leaf = first + k;
        double from = leafStart[leaf];
        double to = leafEnd(leaf);
        if (integer) {
            return uniform(leaf, Math.max(from, Math.ceil(lo)), Math.min(to, Math.floor(hi) + 1), random);
        }
        return Math.clamp(uniform(leaf, Math.max(from, lo), Math.min(to, hi), random), Math.max(from, lo), Math.min(Math.min(to, hi), max));
    }

    private double leafMass(int leaf, int first) {
        return cumulative[leaf] - (leaf == first ? 0 : cumulative[leaf - 1]);
    }

    /** The share of a leaf's values in [lo, hi]: integers counted, continuous leaves by length. */
    private double overlap(int leaf, double lo, double hi) {
        double from = leafStart[leaf];
        double to = leafEnd(leaf);
        if (integer) {
            double a = Math.max(from, Math.ceil(lo));
            double b = Math.min(to - 1, Math.floor(hi));
            return b < a ? 0 : (b - a + 1) / (to - from);
        }
        double a = Math.max(from, lo);
        double b = Math.min(to, hi);
        return b <= a || to <= from ? 0 : (b - a) / (to - from);
    }

    private double uniform(int leaf, double lo, double hi, RandomGenerator random) {
        if (integer) {
            long span = (long) (hi - lo);
            return lo + (span <= 1 ? 0 : random.nextLong(span));
        }
        return Math.min(max, lo + random.nextDouble() * (hi - lo));
    }

    /** For storage: the leaves' starts, the end, their weights, and each bin's first leaf. */
    public double[] leafStarts() {
        return leafStart.clone();
    }

    public double end() {
        return end;
    }

    public double[] leafWeights() {
        return leafWeight.clone();
    }

    public int[] binFirstLeaves() {
        return binFirstLeaf.clone();
    }

    /** Reads back what {@link #leafStarts}, {@link #end}, {@link #leafWeights} and {@link #binFirstLeaves} gave. */
    public static Binning of(boolean integer, double min, double max, double[] leafStart, double end, double[] leafWeight,
            int[] binFirstLeaf) {
        if (leafStart.length == 0 || leafWeight.length != leafStart.length || binFirstLeaf.length < 2
                || binFirstLeaf[0] != 0 || binFirstLeaf[binFirstLeaf.length - 1] != leafStart.length) {
            throw new IllegalArgumentException("inconsistent binning");
        }
        return new Binning(integer, min, max, leafStart.clone(), end, leafWeight.clone(), binFirstLeaf.clone());
    }

    private double leafEnd(int leaf) {
        return leaf + 1 < leafStart.length ? leafStart[leaf + 1] : end;
    }
}
