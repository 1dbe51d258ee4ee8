package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;

/**
 * One fitted classification/regression tree, packed for fast traversal: three ints per node
 * (feature or ~leaf, left child with the right child next to it, split), so that a tree of
 * thousands of leaves stays in cache. A split on ordered (numeric) states sends right the
 * states strictly between two bounds (the last state on the left, and either the missing state,
 * which is the last one, when it goes left, or no bound): one unsigned comparison; a split on
 * categories is a 256-bit mask of the states that go left. A leaf holds the histogram of the target column over the training rows that fell into
 * it: value indexes ({@link ValueCodebook}) ascending with cumulative counts. Drawing
 * from it is drawing the value index of one of those rows uniformly (synthpop's donor sampling,
 * over categories and numeric cells rather than values), without keeping the rows: a leaf of a
 * low-cardinality column is a handful of entries.
 */
final class Cart {
    /** Per node: [feature or ~leaf, left child (right = left + 1), split ({@link #ordered} bounds, or -(mask + 1))]. */
    final int[] nodes;
    final long[] masks;
    /** Leaf l's entries are [entryStart[l], entryStart[l + 1]). */
    final int[] entryStart;
    final int[] entryValue;
    /** Rows of the leaf with a value up to this entry's, counted from the leaf's first entry. */
    final int[] entryUpTo;

    Cart(int[] nodes, long[] masks, int[] entryStart, int[] entryValue, int[] entryUpTo) {
        this.nodes = nodes;
        this.masks = masks;
        this.entryStart = entryStart;
        this.entryValue = entryValue;
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

    /** The value (index) of a training row of the leaf, drawn uniformly. */
    int value(int leaf, java.util.random.RandomGenerator random) {
        int from = entryStart[leaf];
        int to = entryStart[leaf + 1];
        int rows = entryUpTo[to - 1];
        int u = random.nextInt(rows);
        if (rows == to - from) {
            // every value once: the entry is the draw
            return entryValue[from + u];
        }
        // the first entry with upTo > u lies in [lo, lo + length): halve the range without branching on the data
        int lo = from;
        int length = to - from;
        while (length > 1) {
            int half = length >>> 1;
            lo += entryUpTo[lo + half - 1] <= u ? half : 0;
            length -= half;
        }
        return entryValue[lo];
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
        out.writeInts(entryUpTo);
    }

    static Cart read(ModelInput in) throws IOException {
        Cart cart = new Cart(in.readInts(), in.readLongs(), in.readInts(), in.readInts(), in.readInts());
        if (cart.entryStart.length == 0 || cart.entryValue.length != cart.entryUpTo.length
                || cart.entryStart[cart.entryStart.length - 1] != cart.entryValue.length) {
            throw new IOException("corrupt model: tree leaves do not match their entries");
        }
        return cart;
    }
}
