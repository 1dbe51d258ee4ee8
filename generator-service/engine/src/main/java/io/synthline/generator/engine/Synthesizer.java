package io.synthline.generator.engine;

import io.synthline.commons.table.Table;
import io.synthline.generator.engine.artifact.ModelInput;
import java.io.IOException;

/** A modelling method. Implementations are stateless; {@link #fit} returns the learned model. */
public interface Synthesizer {
    String name();

    /**
     * Learns a model. The same table and seed give a model with the same parameters (and the
     * same stored bytes) whatever the number of threads used.
     */
    FittedModel fit(Table training, long seed);

    /** Reads a model written by {@link FittedModel#write}. */
    default FittedModel read(ModelInput in) throws IOException {
        throw new UnsupportedOperationException("models of '" + name() + "' cannot be loaded");
    }
}
