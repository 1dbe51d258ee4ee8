package io.synthline.generator.engine.sampling;

import io.synthline.generator.engine.model.FittedModel;

/**
 * The capability that exact conditional sampling, rebalancing and range constraints build on.
 * A fitted model implements it when it can draw directly from its own conditional distribution
 * (no rejection): the generic layers ({@link Rebalanced}, the generation pipeline) then work for
 * it unchanged. Graphical models (MST, AIM) implement it by entering the condition as evidence.
 */
public interface ConditionalSampling {
    /**
     * The model restricted to rows satisfying {@code condition}: every row its drawers produce
     * satisfies it, with the relative frequencies the unconditional model gives such rows.
     *
     * @throws ImpossibleConditionException when the model gives the condition probability zero
     */
    FittedModel given(Condition condition);

    /** The probability the model gives {@code condition} (exact, or as exact as the model can compute it). */
    double probability(Condition condition);
}
