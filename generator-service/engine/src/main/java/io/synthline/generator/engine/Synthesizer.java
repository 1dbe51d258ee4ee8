package io.synthline.generator.engine;

import io.synthline.commons.table.Table;

/** A modelling method. Implementations are stateless; {@link #fit} returns the learned model. */
public interface Synthesizer {
    String name();

    FittedModel fit(Table training, long seed);
}
