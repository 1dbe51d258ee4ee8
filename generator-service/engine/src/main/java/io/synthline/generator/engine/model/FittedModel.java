package io.synthline.generator.engine.model;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.io.IOException;

/**
 * A learned model that can produce rows without looking at the training data again. Models that
 * can also sample exactly under a condition implement
 * {@link io.synthline.generator.engine.sampling.ConditionalSampling}.
 */
public interface FittedModel {
    String synthesizer();

    /** The columns the model produces and the values each may take. */
    ModelDomain domain();

    default TableSchema schema() {
        return domain().schema();
    }

    /**
     * Whether sampling under conditions or rebalancing needs the training rows, which a stored
     * model keeps no copy of (a tree grows trees on the rows that satisfy a condition).
     */
    default boolean conditioningNeedsTraining() {
        return false;
    }

    /** This model with its training rows at hand again ({@code modelTable}: the table it was fitted on). */
    default FittedModel withTraining(Table modelTable) {
        return this;
    }

    /** A drawer for one thread. */
    RowDrawer newDrawer();

    /**
     * Writes the model's parameters for {@link Synthesizer#read}; the same model always gives
     * the same bytes.
     */
    default void write(ModelOutput out) throws IOException {
        throw new UnsupportedOperationException("model '" + synthesizer() + "' cannot be stored");
    }

    /**
     * Streams {@code rows} synthetic rows as text into {@code sink}. Row {@code r} is drawn from
     * its own stream ({@link RowRandom#rowSeed}), so the same model, row count and seed always
     * give the same rows in the same order. The generation pipeline adds constraints,
     * generated columns, copy protection and parallelism on top of the same per-row streams.
     */
    default void sample(long rows, long seed, RowSink sink) {
        if (rows < 0) {
            throw new BadInputException("invalid-rows", "rows must not be negative, got " + rows);
        }
        ModelDomain domain = domain();
        RowDrawer drawer = newDrawer();
        RowRandom random = new RowRandom();
        double[] cells = new double[domain.size()];
        String[] text = new String[domain.size()];
        for (long r = 0; r < rows; r++) {
            drawer.draw(random.reseed(seed, r, 0), cells);
            for (int c = 0; c < cells.length; c++) {
                text[c] = domain.column(c).text(cells[c]);
            }
            sink.accept(text);
        }
    }
}
