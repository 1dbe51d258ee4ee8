package io.synthline.generator.engine.disclosure;

import io.synthline.commons.api.BadInputException;

/**
 * What a model that gives no formal guarantee may keep of its training rows.
 *
 * @param minGroup     k: no value, category or interval that fewer than k training rows share is
 *                     stored (rarer categories are merged, rarer numbers drawn from intervals of
 *                     at least k rows); 10 by default, as in common statistical disclosure control
 *                     practice for frequency tables
 * @param maxIntervals about how many intervals a numeric column's rare values are spread over
 */
public record DisclosureLimits(int minGroup, int maxIntervals) {
    public static final DisclosureLimits DEFAULT = new DisclosureLimits(10, 256);

    public DisclosureLimits {
        if (minGroup < 1) {
            throw new BadInputException("invalid-model-option", "the smallest group a model may keep must be at least 1 row, got " + minGroup);
        }
        if (maxIntervals < 1) {
            throw new BadInputException("invalid-model-option", "numeric columns need at least 1 interval, got " + maxIntervals);
        }
    }
}
