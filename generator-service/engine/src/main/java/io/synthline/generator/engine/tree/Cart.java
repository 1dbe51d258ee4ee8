package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * One fitted classification/regression tree, packed for fast traversal: three ints per node
 * (feature or ~leaf, left child with the right child next to it, split), so that a tree of
 * thousands of leaves stays in cache. A split on ordered (numeric) states sends right the
 * states strictly between two bounds (the last state on the left, and either the missing state,
 * which is the last one, when it goes left, or no bound): one unsigned comparison; a split on
 * categories is a 256-bit mask of the states that go left. A leaf holds the histogram of the
 * target column over the training rows that fell into it: entries with cumulative counts, each
 * entry a value index ({@link ValueCodebook}) or a range of them, and every value or numeric range
 * counts at least k rows of the leaf ({@link CartBuilder.Limits#minCell}; a categorical leaf's
 * pooled entry, which names no value, may count fewer). Drawing from it is drawing the entry of
 * one of those rows uniformly (synthpop's donor sampling, over categories and numeric cells rather
 * than values), and in a range, a value with the column's own weights: a value fewer than k rows
 * of the leaf have is pooled, so that the leaf does not say which values its few rows have (in a
 * leaf of 200 rows, most dates or states are one person's). A leaf of a low-cardinality column is
 * a handful of entries; no rows are kept.
 */
final class Cart {
    /** Per node: [feature or ~leaf, left child (right = left + 1), split ({@link #ordered} bounds, or -(mask + 1))]. */
    final int[] nodes;
    final long[] masks;
    /** Leaf l's entries are [entryStart[l], entryStart[l + 1]). */
    final int[] entryStart;
    final int[] entryValue;
    /** The last value index of the entry's range: {@code entryValue} itself for one value. */
    final int[] entryLast;
    /** Rows of the leaf with a value up to this entry's, counted from the leaf's first entry. */
    final int[] entryUpTo;

    Cart(int[] nodes, long[] masks, int[] entryStart, int[] entryValue, int[] entryLast, int[] entryUpTo) {
        this.nodes = nodes;
        this.masks = masks;
        this.entryStart = entryStart;
        this.entryValue = entryValue;
        this.entryLast = entryLast;
        this.entryUpTo = entryUpTo;
    }

    /**
     * An ordered split: states {@code lastLeft < s < rightEnd} go right, all others left.
     * {@code rightEnd} is the column's missing state when missing values go left, else
     * {@link TrainingData#MAX_STATES}; both fit in 9 bits, so the packed split stays non-negative.
     */
    static int ordered(int lastLeft, int rightEnd) {
        return rightEnd << 9 | lastLeft;
    }

    /**
     * The leaf a row with these predictor states (indexed by column) lands in. The side a row
     * goes is data, not control flow: it is computed as 0 or 1 and added to the child index, so
     * the only branch per node that depends on the row is the kind of split.
     */
    int leaf(int[] states) {
        int[] n = nodes;
        int i = 0;
        int f;
        while ((f = n[i]) >= 0) {
            int s = states[f];
            int split = n[i + 2];
            int right;
            if (split >= 0) {
                int firstRight = (split & 0x1FF) + 1;
                right = Integer.compareUnsigned(s - firstRight, (split >>> 9) - firstRight) < 0 ? 1 : 0;
            } else {
                right = (int) (~masks[((-split - 1) << 2) + (s >>> 6)] >>> (s & 63)) & 1;
            }
            i = 3 * (n[i + 1] + right);
        }
        return ~f;
    }

    /** The value (index) of a training row of the leaf drawn uniformly, or drawn in its pooled range with the column's weights. */
    int value(int leaf, RandomGenerator random, ValueCodebook book) {
        int e = entry(leaf, random);
        int first = entryValue[e];
        int last = entryLast[e];
        if (last == first) {
            return first;
        }
        // a pooled value is one the leaf does not hold as a value of its own (a category's range spans them all)
        for (int attempt = 0; attempt < MAX_POOLED_DRAWS; attempt++) {
            int v = book.drawWithin(first, last, random);
            if (!ownValue(leaf, v)) {
                return v;
            }
        }
        return first;
    }

    /** Draws of a pooled value before settling for the range's first (the others' weight is then negligible). */
    private static final int MAX_POOLED_DRAWS = 100_000;

    private boolean ownValue(int leaf, int v) {
        for (int e = entryStart[leaf]; e < entryStart[leaf + 1]; e++) {
            if (entryValue[e] == v && entryLast[e] == v) {
                return true;
            }
        }
        return false;
    }

    private int entry(int leaf, RandomGenerator random) {
        int from = entryStart[leaf];
        int to = entryStart[leaf + 1];
        int rows = entryUpTo[to - 1];
        int u = random.nextInt(rows);
        if (rows == to - from) {
            // every entry once: the entry is the draw
            return from + u;
        }
        // the first entry with upTo > u lies in [lo, lo + length): halve the range without branching on the data
        int lo = from;
        int length = to - from;
        while (length > 1) {
            int half = length >>> 1;
            lo += entryUpTo[lo + half - 1] <= u ? half : 0;
            length -= half;
        }
        return lo;
    }

    int nodes() {
        return nodes.length / 3;
    }

    int leaves() {
        return entryStart.length - 1;
    }

    void write(ModelOutput out) throws IOException {
        out.writeInts(nodes);
        out.writeLongs(masks);
        out.writeInts(entryStart);
        out.writeInts(entryValue);
        out.writeInts(entryLast);
        out.writeInts(entryUpTo);
    }

    static Cart read(ModelInput in) throws IOException {
        Cart cart = new Cart(in.readInts(), in.readLongs(), in.readInts(), in.readInts(), in.readInts(), in.readInts());
        if (cart.entryStart.length == 0 || cart.entryValue.length != cart.entryUpTo.length || cart.entryLast.length != cart.entryValue.length
                || java.util.stream.IntStream.range(0, cart.entryValue.length).anyMatch(e -> cart.entryLast[e] < cart.entryValue[e])
                || cart.entryStart[cart.entryStart.length - 1] != cart.entryValue.length) {
            throw new IOException("corrupt model: tree leaves do not match their entries");
        }
        return cart;
    }
}
