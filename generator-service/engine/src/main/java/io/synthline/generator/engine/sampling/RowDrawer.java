package io.synthline.generator.engine.sampling;

import java.util.random.RandomGenerator;

/**
 * Draws one row of a fitted model. A drawer may keep scratch state, so each thread uses its
 * own ({@link io.synthline.generator.engine.model.FittedModel#newDrawer()}); all randomness must come
 * from the generator passed in, which is what makes rows reproducible one by one.
 */
@FunctionalInterface
public interface RowDrawer {
    /**
     * Fills {@code row} (one cell per column of the model's domain: category index or numeric
     * value, NaN for missing).
     */
    void draw(RandomGenerator random, double[] row);
}
