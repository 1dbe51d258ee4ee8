package io.synthline.generator.engine.sampling;

import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.FittedModel;

/**
 * A synthesizer that can learn only what drawing given columns needs: a model of the columns
 * after the first {@code given} ones, conditioned on them. A child table's model never draws its
 * parent's columns, so learning their distribution would be wasted work.
 */
public interface GivenColumnsFit {
    /**
     * Fits a model whose {@link GivenColumns#drawerGiven drawer given the first {@code given}
     * columns} is ready. Its unconditional drawer takes those columns together from a random
     * training row.
     */
    FittedModel fitGiven(Table training, int given, long seed);
}
