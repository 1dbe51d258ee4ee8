package io.synthline.generator.engine.model;

import io.synthline.commons.api.BadInputException;
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

    /**
     * What every fit starts with: a table with rows and columns to learn from (else a 400) and
     * the domain it shows, which the fitted model will produce.
     */
    static ModelDomain trainingDomain(Table training) {
        if (training.rowCount() == 0 || training.columnCount() == 0) {
            throw new BadInputException("empty-training-data", "the dataset has no rows to learn from");
        }
        return ModelDomain.of(training);
    }

    /** Reads a model written by {@link FittedModel#write}. */
    default FittedModel read(ModelInput in) throws IOException {
        throw new UnsupportedOperationException("models of '" + name() + "' cannot be loaded");
    }
}
