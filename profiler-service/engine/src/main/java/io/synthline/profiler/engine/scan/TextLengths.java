package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.TextSummary;

/** Lengths of a column's present values, in chars. */
final class TextLengths {
    private int min = Integer.MAX_VALUE;
    private int max;
    private long sum;

    void add(int length) {
        sum += length;
        if (length < min) {
            min = length;
        }
        if (length > max) {
            max = length;
        }
    }

    /** 0 before any value. */
    int max() {
        return max;
    }

    /** @param count the present values added, at least one */
    TextSummary summary(long count, long blank) {
        return new TextSummary(min, max, (double) sum / count, blank);
    }
}
