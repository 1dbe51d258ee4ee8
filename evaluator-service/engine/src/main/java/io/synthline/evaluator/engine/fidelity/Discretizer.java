package io.synthline.evaluator.engine.fidelity;

import io.synthline.commons.api.BadInputException;
import io.synthline.evaluator.engine.stats.SortedArrays;

/**
 * numpy's {@code histogram_bin_edges(values)} (10 equal-width bins over the non-missing values'
 * range) and {@code digitize(values, edges)}, exactly: bin i holds edges[i-1] <= x < edges[i], so
 * the maximum gets a bin of its own (11), values below the first edge get 0 and NaN gets 11 too.
 */
public final class Discretizer {
    public static final int DEFAULT_BINS = 10;

    private Discretizer() {
    }

    public static double[] histogramBinEdges(double[] values, int bins) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                any = true;
                first = Math.min(first, v);
                last = Math.max(last, v);
            }
        }
        if (!any) {
            first = 0;
            last = 1;
        } else if (Double.isInfinite(first) || Double.isInfinite(last)) {
            throw new BadInputException("not-finite", "autodetected range of [" + first + ", " + last + "] is not finite");
        }
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = new double[bins + 1];
        double step = (last - first) / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        return edges;
    }

    /** Number of edges <= x for each value; NaN maps to edges.length. */
    public static int[] digitize(double[] values, double[] edges) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = bin(values[i], edges);
        }
        return out;
    }

    static int bin(double x, double[] edges) {
        return Double.isNaN(x) ? edges.length : SortedArrays.upperBound(edges, x);
    }
}
