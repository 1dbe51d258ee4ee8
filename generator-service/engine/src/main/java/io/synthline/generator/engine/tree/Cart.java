package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;

/**
 * One fitted classification/regression tree, packed for fast traversal: three ints per node
 * (feature or ~leaf, left child with the right child next to it, split), so that a tree of
 * thousands of leaves stays in cache. A split on ordered (numeric) states is a threshold, with
 * a flag for the missing state; a split on categories is a 256-bit mask of the states that go
 * left. A leaf owns a contiguous range of {@link #donors}, the training rows that fell into it:
 * sampling a leaf means picking one of them.
 */
final class Cart {
    static final int MISSING_LEFT = 1 << 30;
    private static final int THRESHOLD = MISSING_LEFT - 1;

    /** Per node: [feature or ~leaf, left child (right = left + 1), split (threshold | flag, or -(mask + 1))]. */
    final int[] nodes;
    final long[] masks;
    final int[] leafStart;
    final int[] leafEnd;
    final int[] donors;
    /** The missing state of each column, for threshold splits. */
    final int[] missingState;

    Cart(int[] nodes, long[] masks, int[] leafStart, int[] leafEnd, int[] donors, int[] missingState) {
        this.nodes = nodes;
        this.masks = masks;
        this.leafStart = leafStart;
        this.leafEnd = leafEnd;
        this.donors = donors;
        this.missingState = missingState;
    }

    /** The leaf a row with these predictor states (indexed by column) lands in. */
    int leaf(int[] states) {
        int[] n = nodes;
        int i = 0;
        while (true) {
            int f = n[i];
            if (f < 0) {
                return ~f;
            }
            int s = states[f];
            int split = n[i + 2];
            boolean left;
            if (split >= 0) {
                left = s <= (split & THRESHOLD) || ((split & MISSING_LEFT) != 0 && s == missingState[f]);
            } else {
                left = ((masks[((-split - 1) << 2) + (s >>> 6)] >>> (s & 63)) & 1L) != 0;
            }
            i = 3 * (n[i + 1] + (left ? 0 : 1));
        }
    }

    /** A training row of the leaf, uniformly. */
    int donor(int leaf, java.util.random.RandomGenerator random) {
        int from = leafStart[leaf];
        return donors[from + random.nextInt(leafEnd[leaf] - from)];
    }

    int nodes() {
        return nodes.length / 3;
    }

    int leaves() {
        return leafStart.length;
    }

    void write(ModelOutput out) throws IOException {
        out.writeInts(nodes);
        out.writeLongs(masks);
        out.writeInts(leafStart);
        out.writeInts(leafEnd);
        out.writeInts(donors);
        out.writeInts(missingState);
    }

    static Cart read(ModelInput in) throws IOException {
        return new Cart(in.readInts(), in.readLongs(), in.readInts(), in.readInts(), in.readInts(), in.readInts());
    }
}
