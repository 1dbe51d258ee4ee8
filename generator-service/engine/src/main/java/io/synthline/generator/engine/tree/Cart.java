package io.synthline.generator.engine.tree;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;

/**
 * One fitted classification/regression tree in flat arrays. Every split sends a set of
 * predictor states left (a 256-bit mask per node), which covers ordered cuts on numeric bins
 * and category subsets alike. A leaf owns a contiguous range of {@link #donors}, the training
 * rows that fell into it: sampling a leaf means picking one of them.
 */
final class Cart {
    final int[] feature;
    final long[] masks;
    final int[] left;
    final int[] right;
    final int[] start;
    final int[] end;
    final int[] donors;

    Cart(int[] feature, long[] masks, int[] left, int[] right, int[] start, int[] end, int[] donors) {
        this.feature = feature;
        this.masks = masks;
        this.left = left;
        this.right = right;
        this.start = start;
        this.end = end;
        this.donors = donors;
    }

    /** The leaf a row with these predictor states (indexed by column) lands in. */
    int leaf(int[] states) {
        int node = 0;
        int f;
        while ((f = feature[node]) >= 0) {
            int s = states[f];
            node = ((masks[(node << 2) + (s >>> 6)] >>> (s & 63)) & 1L) != 0 ? left[node] : right[node];
        }
        return node;
    }

    int nodes() {
        return feature.length;
    }

    int leaves() {
        int n = 0;
        for (int f : feature) {
            if (f < 0) {
                n++;
            }
        }
        return n;
    }

    void write(ModelOutput out) throws IOException {
        out.writeInts(feature);
        out.writeLongs(masks);
        out.writeInts(left);
        out.writeInts(right);
        out.writeInts(start);
        out.writeInts(end);
        out.writeInts(donors);
    }

    static Cart read(ModelInput in) throws IOException {
        return new Cart(in.readInts(), in.readLongs(), in.readInts(), in.readInts(), in.readInts(), in.readInts(),
                in.readInts());
    }
}
