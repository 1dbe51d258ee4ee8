package io.synthline.generator.engine.independent;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ConditionalSampling;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.io.IOException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The baseline: every column sampled from its own empirical distribution (missing values
 * included; numbers that fewer than k rows share drawn inside their {@link DisclosureLimits
 * cells}), independently of the others. Honest about what it is: marginals are right, every
 * relationship between columns is lost. Conditioning is exact and trivial: each conditioned
 * column's marginal is restricted to the allowed values.
 */
public final class IndependentSynthesizer implements Synthesizer {
    public static final String NAME = "independent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(Table training, long seed) {
        ModelDomain domain = Synthesizer.trainingDomain(training);
        // the marginals store values: only values that at least k rows share, the rare ones drawn inside their cells
        Table disguised = DisclosureLimits.DEFAULT.disguise(training, seed);
        Marginal[] marginals = new Marginal[training.columnCount()];
        for (int c = 0; c < marginals.length; c++) {
            marginals[c] = Marginal.of(disguised.column(c));
        }
        return new Model(domain, marginals);
    }

    @Override
    public FittedModel read(ModelInput in) throws IOException {
        ModelDomain domain = in.readDomain();
        Marginal[] marginals = new Marginal[domain.size()];
        for (int c = 0; c < marginals.length; c++) {
            marginals[c] = new Marginal(in.readDoubles(), in.readLongs());
        }
        return new Model(domain, marginals);
    }

    /**
     * One column's empirical distribution as distinct cells (category index or value, NaN last)
     * with cumulative counts; sampled by binary search.
     */
    record Marginal(double[] cells, long[] cumulative) {
        static Marginal of(Column column) {
            double[] raw = switch (column) {
                case NumericColumn n -> n.values().clone();
                case CategoricalColumn c -> Arrays.stream(c.codes()).mapToDouble(k -> k < 0 ? Double.NaN : k).toArray();
            };
            Arrays.sort(raw);
            double[] cells = new double[raw.length];
            long[] cumulative = new long[raw.length];
            int distinct = 0;
            for (int i = 0; i < raw.length; i++) {
                if (distinct == 0 || Double.compare(cells[distinct - 1], raw[i]) != 0) {
                    cells[distinct++] = raw[i];
                }
                cumulative[distinct - 1] = i + 1;
            }
            return new Marginal(Arrays.copyOf(cells, distinct), Arrays.copyOf(cumulative, distinct));
        }

        long total() {
            return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        }

        long count(int i) {
            return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }

        Marginal restrict(ColumnCondition predicate) {
            double[] kept = new double[cells.length];
            long[] cum = new long[cells.length];
            int n = 0;
            long running = 0;
            for (int i = 0; i < cells.length; i++) {
                if (predicate.test(cells[i])) {
                    running += count(i);
                    kept[n] = cells[i];
                    cum[n++] = running;
                }
            }
            return new Marginal(Arrays.copyOf(kept, n), Arrays.copyOf(cum, n));
        }

        double sample(RandomGenerator random) {
            long draw = random.nextLong(total());
            int i = Arrays.binarySearch(cumulative, draw + 1);
            return cells[i >= 0 ? i : -i - 1];
        }
    }

    private record Model(ModelDomain domain, Marginal[] marginals) implements FittedModel, ConditionalSampling {
        @Override
        public String synthesizer() {
            return NAME;
        }

        @Override
        public RowDrawer newDrawer() {
            return (random, row) -> {
                for (int c = 0; c < marginals.length; c++) {
                    row[c] = domain.column(c).conform(marginals[c].sample(random));
                }
            };
        }

        @Override
        public FittedModel given(Condition condition) {
            Marginal[] restricted = marginals.clone();
            for (ColumnCondition p : condition.predicates()) {
                restricted[p.column()] = marginals[p.column()].restrict(p);
                if (restricted[p.column()].total() == 0) {
                    throw new ImpossibleConditionException("no value of column '" + domain.column(p.column()).name()
                            + "' satisfies the condition");
                }
            }
            return new Model(domain, restricted);
        }

        @Override
        public double probability(Condition condition) {
            double p = 1;
            for (ColumnCondition c : condition.predicates()) {
                p *= (double) marginals[c.column()].restrict(c).total() / marginals[c.column()].total();
            }
            return p;
        }

        @Override
        public void write(ModelOutput out) throws IOException {
            out.writeDomain(domain);
            for (Marginal m : marginals) {
                out.writeDoubles(m.cells());
                out.writeLongs(m.cumulative());
            }
        }
    }
}
