package io.synthline.generator.engine;

import io.synthline.commons.table.TableSchema;

/** A learned model that can produce rows without looking at the training data again. */
public interface FittedModel {
    String synthesizer();

    TableSchema schema();

    /**
     * Streams {@code rows} synthetic rows into {@code sink}. The same model, row count and seed
     * always give the same rows in the same order.
     */
    void sample(long rows, long seed, RowSink sink);
}
