package io.synthline.generator.engine.privacy.domain;

/**
 * Where an ordered noisy histogram holds data: from the outermost cells whose noisy counts clear
 * an <em>anchor</em> threshold (one that an empty cell crosses only with a small, chosen
 * probability, summed over all cells), extended outward over adjacent cells while their noisy
 * counts clear a lower <em>extension</em> threshold. Anchors keep empty regions far from the data
 * out; extension keeps the thin tails next to the bulk in (a value held by a few rows is below
 * any threshold that keeps empty cells out, but next to the bulk the cost of a wrong guess is one
 * cell). Post-processing of noisy counts: free of privacy cost.
 */
final class NoisySupport {
    /** Probability that some empty cell is taken for an anchor, over the whole histogram. */
    static final double ANCHOR_FALSE_POSITIVE = 1e-3;

    private NoisySupport() {
    }

    /** The anchor threshold for {@code cells} cells of noise {@code sigma}: sigma sqrt(2 ln(cells / beta)). */
    static double anchorThreshold(double sigma, int cells) {
        return sigma * Math.sqrt(2 * Math.log(Math.max(1, cells) / ANCHOR_FALSE_POSITIVE));
    }

    /** Extension stops at a cell whose noisy count is below this share of its inner neighbour's: a cliff, not a thinning tail. */
    static final double CLIFF = 0.1;

    /** {first, last} of the cells that clear {@code anchorThreshold}, or null when none does. */
    static int[] anchors(long[] noisy, double anchorThreshold) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < noisy.length; i++) {
            if (noisy[i] >= anchorThreshold) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /**
     * Extends [first, last] outward, one cell at a time, while the next cell's noisy count clears
     * {@code extensionThreshold} and is not a cliff below its inner neighbour's.
     */
    static int[] extend(long[] noisy, int first, int last, double extensionThreshold, double cliff) {
        while (first > 0 && continues(noisy[first - 1], noisy[first], extensionThreshold, cliff)) {
            first--;
        }
        while (last < noisy.length - 1 && continues(noisy[last + 1], noisy[last], extensionThreshold, cliff)) {
            last++;
        }
        return new int[] {first, last};
    }

    private static boolean continues(long next, long inner, double extensionThreshold, double cliff) {
        return next >= extensionThreshold && next >= cliff * inner;
    }

    /** Anchors, then extension; null when no cell is an anchor. */
    static int[] of(long[] noisy, double anchorThreshold, double extensionThreshold, double cliff) {
        int[] anchors = anchors(noisy, anchorThreshold);
        return anchors == null ? null : extend(noisy, anchors[0], anchors[1], extensionThreshold, cliff);
    }
}
