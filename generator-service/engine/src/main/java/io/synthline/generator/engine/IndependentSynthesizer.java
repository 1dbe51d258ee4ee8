package io.synthline.generator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.commons.table.ValueFormatter;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The baseline: every column sampled from its own empirical distribution (missing values
 * included), independently of the others. Honest about what it is: marginals are right, every
 * relationship between columns is lost.
 */
public final class IndependentSynthesizer implements Synthesizer {
    public static final String NAME = "independent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(Table training, long seed) {
        if (training.rowCount() == 0) {
            throw new BadInputException("empty-training-data", "the dataset has no rows to learn from");
        }
        Marginal[] marginals = new Marginal[training.columnCount()];
        for (int c = 0; c < marginals.length; c++) {
            marginals[c] = Marginal.of(training.column(c));
        }
        return new Model(training.schema(), marginals);
    }

    /** One column's empirical distribution. */
    private sealed interface Marginal permits NumericMarginal, CategoricalMarginal {
        String sample(SplittableRandom rng);

        static Marginal of(Column column) {
            return switch (column) {
                case NumericColumn n -> NumericMarginal.of(n);
                case CategoricalColumn c -> CategoricalMarginal.of(c);
            };
        }
    }

    /** Sorted observed values plus the share of missing ones; sampling picks an observed value. */
    private record NumericMarginal(double[] sorted, double nullShare, ValueFormatter formatter) implements Marginal {
        static NumericMarginal of(NumericColumn column) {
            double[] present = Arrays.stream(column.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double nullShare = 1.0 - (double) present.length / column.size();
            return new NumericMarginal(present, nullShare, ValueFormatter.forSchema(column.schema()));
        }

        @Override
        public String sample(SplittableRandom rng) {
            if (sorted.length == 0 || rng.nextDouble() < nullShare) {
                return null;
            }
            return formatter.format(sorted[rng.nextInt(sorted.length)]);
        }
    }

    /** Cumulative category counts (missing as its own state, last); sampled by binary search. */
    private record CategoricalMarginal(String[] values, long[] cumulative) implements Marginal {
        static CategoricalMarginal of(CategoricalColumn column) {
            long[] counts = new long[column.cardinality() + 1];
            for (int code : column.codes()) {
                counts[code == CategoricalColumn.NULL_CODE ? counts.length - 1 : code]++;
            }
            String[] values = new String[counts.length];
            for (int i = 0; i < column.cardinality(); i++) {
                values[i] = column.categories().get(i);
            }
            long[] cumulative = new long[counts.length];
            long running = 0;
            for (int i = 0; i < counts.length; i++) {
                running += counts[i];
                cumulative[i] = running;
            }
            return new CategoricalMarginal(values, cumulative);
        }

        @Override
        public String sample(SplittableRandom rng) {
            long draw = rng.nextLong(cumulative[cumulative.length - 1]);
            int i = Arrays.binarySearch(cumulative, draw + 1);
            return values[i >= 0 ? i : -i - 1];
        }
    }

    private record Model(TableSchema schema, Marginal[] marginals) implements FittedModel {
        @Override
        public String synthesizer() {
            return NAME;
        }

        @Override
        public void sample(long rows, long seed, RowSink sink) {
            if (rows < 0) {
                throw new BadInputException("invalid-rows", "rows must not be negative, got " + rows);
            }
            SplittableRandom rng = new SplittableRandom(seed);
            String[] row = new String[marginals.length];
            for (long r = 0; r < rows; r++) {
                for (int c = 0; c < marginals.length; c++) {
                    row[c] = marginals[c].sample(rng);
                }
                sink.accept(row);
            }
        }
    }
}
