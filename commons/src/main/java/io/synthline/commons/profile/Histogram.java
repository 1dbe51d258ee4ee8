package io.synthline.commons.profile;

import java.util.List;

/**
 * Equal-width bins. {@code edges} has one more entry than {@code counts}; bin i holds values in
 * [edges[i], edges[i+1]) except the last, which also holds its upper edge.
 *
 * @param estimated counts come from a quantile sketch (each within its rank error times n)
 */
public record Histogram(List<Double> edges, List<Long> counts, boolean estimated) {
    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (!counts.isEmpty() && edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs one more edge than bins");
        }
    }
}
