package io.synthline.generator.engine.copula;

import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ConditionalSampling;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fitted Gaussian copula. Sampling: z = L g with g standard normal, each column mapped from
 * its latent value. Conditioning: every condition is a union of latent intervals of its
 * column. One conditioned column is sampled exactly (inverse CDF of the truncated normal), the
 * others from the Gaussian conditional given it. Several conditioned columns are sampled from
 * their truncated joint normal by a Gibbs sampler (exact univariate truncated draws, a fixed
 * number of sweeps from a sequential start), then the rest from the Gaussian conditional.
 */
final class CopulaModel implements FittedModel, ConditionalSampling {
    static final int GIBBS_SWEEPS = 12;
    private static final int PROBABILITY_DRAWS = 200_000;

    private final ModelDomain domain;
    private final ZMarginal[] marginals;
    private final double[][] correlation;
    private final double[][] lower;

    CopulaModel(ModelDomain domain, ZMarginal[] marginals, double[][] correlation) {
        this.domain = domain;
        this.marginals = marginals;
        this.correlation = correlation;
        this.lower = CorrelationMatrices.cholesky(correlation);
    }

    @Override
    public String synthesizer() {
        return GaussianCopulaSynthesizer.NAME;
    }

    @Override
    public ModelDomain domain() {
        return domain;
    }

    /** The family chosen for each column's marginal, for reports. */
    List<String> families() {
        return Arrays.stream(marginals).map(m -> m.family).toList();
    }

    double[][] correlation() {
        return correlation;
    }

    @Override
    public RowDrawer newDrawer() {
        int m = marginals.length;
        double[] g = new double[m];
        return (random, row) -> {
            for (int i = 0; i < m; i++) {
                g[i] = random.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                double[] li = lower[i];
                double z = 0;
                for (int j = 0; j <= i; j++) {
                    z += li[j] * g[j];
                }
                row[i] = cell(i, marginals[i].cellOf(z));
            }
        };
    }

    private double cell(int column, double value) {
        ColumnDomain d = domain.column(column);
        return d.isCategorical() ? value : d.conform(value);
    }

    // ------------------------------------------------------------------------------ conditioning

    /** The latent intervals where a predicate holds, sorted and merged; empty when it never does. */
    private double[][] intervals(ColumnCondition p) {
        ZMarginal mg = marginals[p.column()];
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < mg.pieces(); k++) {
            double a = mg.lower(k);
            double b = mg.upper[k];
            if (mg.probability[k] <= 0) {
                continue;
            }
            if (mg.grid[k] == null) {
                if (p.test(mg.cell[k])) {
                    out.add(new double[] {a, b});
                }
                continue;
            }
            if (p instanceof ColumnCondition.Between range) {
                double[] g = mg.grid[k];
                if (range.max() < g[0] || range.min() > g[g.length - 1]) {
                    continue;
                }
                double za = range.min() <= g[0] ? a : mg.zAt(k, range.min());
                double zb = range.max() >= g[g.length - 1] ? b : mg.zAt(k, range.max());
                if (zb > za) {
                    out.add(new double[] {za, zb});
                }
            }
        }
        List<double[]> merged = new ArrayList<>();
        for (double[] iv : out) {
            if (!merged.isEmpty() && merged.getLast()[1] >= iv[0]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], iv[1]);
            } else {
                merged.add(iv.clone());
            }
        }
        return merged.toArray(double[][]::new);
    }

    private static double mass(double[][] intervals, double mean, double sd) {
        double total = 0;
        for (double[] iv : intervals) {
            total += massOf((iv[0] - mean) / sd, (iv[1] - mean) / sd);
        }
        return total;
    }

    /** Phi(b) - Phi(a), through the survival function above 0 so that upper tails keep their digits. */
    static double massOf(double a, double b) {
        if (a > 0) {
            return ZMarginal.STANDARD.survivalProbability(a) - ZMarginal.STANDARD.survivalProbability(b);
        }
        return ZMarginal.STANDARD.cumulativeProbability(b) - ZMarginal.STANDARD.cumulativeProbability(a);
    }

    /** A draw of N(mean, sd^2) restricted to the union of intervals, by inverse CDF (no rejection). */
    static double truncated(RandomGenerator random, double[][] intervals, double mean, double sd) {
        double[] masses = new double[intervals.length];
        double total = 0;
        for (int i = 0; i < intervals.length; i++) {
            masses[i] = Math.max(0, massOf((intervals[i][0] - mean) / sd, (intervals[i][1] - mean) / sd));
            total += masses[i];
        }
        double u = random.nextDouble();
        double v = random.nextDouble();
        if (!(total > 0)) {
            // every interval lies beyond double precision of the tails: take the nearest point
            double best = Double.NaN;
            double distance = Double.POSITIVE_INFINITY;
            for (double[] iv : intervals) {
                double x = Math.min(Math.max(mean, iv[0]), iv[1]);
                if (Math.abs(x - mean) < distance) {
                    distance = Math.abs(x - mean);
                    best = x;
                }
            }
            return best;
        }
        double target = u * total;
        int k = 0;
        while (k < intervals.length - 1 && target >= masses[k]) {
            target -= masses[k];
            k++;
        }
        double a = (intervals[k][0] - mean) / sd;
        double b = (intervals[k][1] - mean) / sd;
        double x;
        if (a > 0) {
            double sa = ZMarginal.STANDARD.survivalProbability(a);
            double sb = ZMarginal.STANDARD.survivalProbability(b);
            x = ZMarginal.STANDARD.inverseSurvivalProbability(sa - v * (sa - sb));
        } else {
            double fa = ZMarginal.STANDARD.cumulativeProbability(a);
            double fb = ZMarginal.STANDARD.cumulativeProbability(b);
            x = ZMarginal.STANDARD.inverseCumulativeProbability(fa + v * (fb - fa));
        }
        x = Math.min(Math.max(x, a), b);
        return mean + sd * x;
    }

    @Override
    public FittedModel given(Condition condition) {
        if (condition.isEmpty()) {
            return this;
        }
        List<ColumnCondition> predicates = condition.predicates();
        int k = predicates.size();
        int[] conditioned = new int[k];
        double[][][] allowed = new double[k][][];
        for (int i = 0; i < k; i++) {
            ColumnCondition p = predicates.get(i);
            conditioned[i] = p.column();
            allowed[i] = intervals(p);
            if (allowed[i].length == 0 || mass(allowed[i], 0, 1) <= 0) {
                throw new ImpossibleConditionException("no value of column '" + domain.column(p.column()).name()
                        + "' that the model can produce satisfies the condition");
            }
        }
        return new Conditional(this, predicates, conditioned, allowed);
    }

    @Override
    public double probability(Condition condition) {
        if (condition.isEmpty()) {
            return 1;
        }
        if (condition.predicates().size() == 1) {
            double[][] iv = intervals(condition.predicates().getFirst());
            return iv.length == 0 ? 0 : mass(iv, 0, 1);
        }
        RowDrawer drawer = newDrawer();
        RowRandom random = new RowRandom();
        double[] row = new double[marginals.length];
        int hits = 0;
        for (int i = 0; i < PROBABILITY_DRAWS; i++) {
            drawer.draw(random.reseed(0x5EED, i, 0), row);
            if (condition.test(row)) {
                hits++;
            }
        }
        return (double) hits / PROBABILITY_DRAWS;
    }

    /** The model restricted to a condition. */
    private static final class Conditional implements FittedModel {
        private final CopulaModel model;
        private final List<ColumnCondition> predicates;
        private final int[] conditioned;
        private final double[][][] allowed;
        private final int[] rest;
        private final double[][] regression;
        private final double[][] restLower;
        private final double[][] precision;

        Conditional(CopulaModel model, List<ColumnCondition> predicates, int[] conditioned, double[][][] allowed) {
            this.model = model;
            this.predicates = predicates;
            this.conditioned = conditioned;
            this.allowed = allowed;
            int m = model.marginals.length;
            boolean[] isConditioned = new boolean[m];
            for (int c : conditioned) {
                isConditioned[c] = true;
            }
            this.rest = java.util.stream.IntStream.range(0, m).filter(c -> !isConditioned[c]).toArray();
            double[][] cc = CorrelationMatrices.sub(model.correlation, conditioned, conditioned);
            double[][] ccInverse = CorrelationMatrices.inverse(cc);
            double[][] rc = CorrelationMatrices.sub(model.correlation, rest, conditioned);
            this.regression = CorrelationMatrices.multiply(rc, ccInverse);
            double[][] rr = CorrelationMatrices.sub(model.correlation, rest, rest);
            double[][] explained = CorrelationMatrices.multiply(regression, CorrelationMatrices.sub(model.correlation, conditioned, rest));
            for (int i = 0; i < rest.length; i++) {
                for (int j = 0; j < rest.length; j++) {
                    rr[i][j] -= explained[i][j];
                }
                rr[i][i] = Math.max(rr[i][i], 1e-9);
            }
            this.restLower = CorrelationMatrices.cholesky(rr);
            this.precision = ccInverse;
        }

        @Override
        public String synthesizer() {
            return model.synthesizer();
        }

        @Override
        public ModelDomain domain() {
            return model.domain;
        }

        @Override
        public RowDrawer newDrawer() {
            int k = conditioned.length;
            double[] zc = new double[k];
            double[] g = new double[rest.length];
            return (random, row) -> {
                if (k == 1) {
                    zc[0] = truncated(random, allowed[0], 0, 1);
                } else {
                    gibbs(random, zc);
                }
                for (int i = 0; i < rest.length; i++) {
                    g[i] = random.nextGaussian();
                }
                for (int i = 0; i < rest.length; i++) {
                    double z = 0;
                    double[] beta = regression[i];
                    for (int j = 0; j < k; j++) {
                        z += beta[j] * zc[j];
                    }
                    double[] li = restLower[i];
                    for (int j = 0; j <= i; j++) {
                        z += li[j] * g[j];
                    }
                    int c = rest[i];
                    row[c] = model.cell(c, model.marginals[c].cellOf(z));
                }
                for (int j = 0; j < k; j++) {
                    int c = conditioned[j];
                    double v = model.cell(c, model.marginals[c].cellOf(zc[j]));
                    if (predicates.get(j) instanceof ColumnCondition.Between b && !Double.isNaN(v)) {
                        v = model.domain.column(c).conformWithin(v, b.min(), b.max());
                    }
                    row[c] = v;
                }
            };
        }

        /** Sequential start, then Gibbs sweeps over the truncated conditionals of the conditioned latents. */
        private void gibbs(RandomGenerator random, double[] zc) {
            int k = conditioned.length;
            for (int j = 0; j < k; j++) {
                // start: each latent given those before it (correct marginally for the first, close for the others)
                double mean = 0;
                double var = 1;
                if (j > 0) {
                    int[] before = Arrays.copyOf(conditioned, j);
                    double[][] inv = CorrelationMatrices.inverse(CorrelationMatrices.sub(model.correlation, before, before));
                    double[][] cross = CorrelationMatrices.sub(model.correlation, new int[] {conditioned[j]}, before);
                    double[][] beta = CorrelationMatrices.multiply(cross, inv);
                    for (int t = 0; t < j; t++) {
                        mean += beta[0][t] * zc[t];
                        var -= beta[0][t] * cross[0][t];
                    }
                }
                zc[j] = truncated(random, allowed[j], mean, Math.sqrt(Math.max(var, 1e-9)));
            }
            for (int sweep = 0; sweep < GIBBS_SWEEPS; sweep++) {
                for (int j = 0; j < k; j++) {
                    double pjj = precision[j][j];
                    double mean = 0;
                    for (int t = 0; t < k; t++) {
                        if (t != j) {
                            mean -= precision[j][t] * zc[t];
                        }
                    }
                    mean /= pjj;
                    zc[j] = truncated(random, allowed[j], mean, Math.sqrt(1 / pjj));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------ storage

    @Override
    public void write(ModelOutput out) throws IOException {
        out.writeDomain(domain);
        for (ZMarginal m : marginals) {
            m.write(out);
        }
        for (double[] row : correlation) {
            out.writeDoubles(row);
        }
    }

    static CopulaModel read(ModelInput in) throws IOException {
        ModelDomain domain = in.readDomain();
        ZMarginal[] marginals = new ZMarginal[domain.size()];
        for (int i = 0; i < marginals.length; i++) {
            marginals[i] = ZMarginal.read(in);
        }
        double[][] correlation = new double[marginals.length][];
        for (int i = 0; i < correlation.length; i++) {
            correlation[i] = in.readDoubles();
        }
        return new CopulaModel(domain, marginals, correlation);
    }
}
