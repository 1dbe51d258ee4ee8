package io.synthline.generator.engine.copula;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.SortedValues;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.disclosure.DisclosureLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Gaussian copula with marginals chosen by fit. Every column maps to a latent standard normal
 * through its marginal: categories, missing values and discrete numbers as intervals of the
 * latent axis, continuous stretches through the best-fitting of parametric families, a KDE or
 * empirical quantiles (see {@link ContinuousFit}); frequent values of a continuous column
 * (e.g. a zero that half the rows have) stay atoms. The latent correlation is estimated from
 * normal scores, corrected for the attenuation discrete columns cause (first term of Mehler's
 * expansion: corr(E[Z1|I1], E[Z2|I2]) ~ rho sd1 sd2) and repaired to be positive definite.
 *
 * <p>Categories have no natural order, and the order given to them decides which relationships
 * a copula can express. They are ordered by optimal scaling: each categorical column's
 * categories are sorted by the linear combination of the other columns' scores that best
 * separates them (the leading discriminant direction), alternated twice with the correlation.
 */
public final class GaussianCopulaSynthesizer implements Synthesizer {
    public static final String NAME = "copula";
    static final int DISCRETE_LIMIT = 256;
    static final double ATOM_SHARE = 0.02;
    static final int GRID = 257;
    private static final int SCALING_ROUNDS = 2;

    private final boolean parametric;

    public GaussianCopulaSynthesizer() {
        this(true);
    }

    public GaussianCopulaSynthesizer(boolean parametric) {
        this.parametric = parametric;
    }

    /** Option {@code marginals}: {@code auto} (default: chosen by fit) or {@code empirical}. */
    public static GaussianCopulaSynthesizer withOptions(Map<String, String> options, int threads) {
        boolean parametric = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!e.getKey().equals("marginals")) {
                Synthesizers.noOptions(NAME, Map.of(e.getKey(), e.getValue()));
            }
            switch (e.getValue()) {
                case "auto" -> parametric = true;
                case "empirical" -> parametric = false;
                default -> throw new BadInputException("invalid-model-option", "copula option marginals must be auto or empirical");
            }
        }
        return new GaussianCopulaSynthesizer(parametric);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(Table training, long seed) {
        ModelDomain domain = Synthesizer.trainingDomain(training);
        // marginals keep values and quantile grids: only of values that at least k rows share, the rare ones drawn inside their cells
        training = DisclosureLimits.DEFAULT.disguise(training, seed);
        int m = domain.size();
        int n = training.rowCount();
        ZMarginal[] marginals = new ZMarginal[m];
        double[][] scores = new double[m][];
        int[][] states = new int[m][];
        for (int c = 0; c < m; c++) {
            switch (training.column(c)) {
                case NumericColumn num -> {
                    marginals[c] = numeric(num.values(), parametric);
                    scores[c] = numericScores(marginals[c], num.values());
                }
                case CategoricalColumn cat -> {
                    states[c] = states(cat);
                    long[] counts = counts(states[c], cat.cardinality() + 1);
                    int[] order = byFrequency(counts);
                    marginals[c] = categorical(order, counts, n);
                    scores[c] = categoricalScores(marginals[c], order, states[c]);
                }
            }
        }
        for (int round = 0; round < SCALING_ROUNDS; round++) {
            double[][] r = CorrelationMatrices.pearson(scores);
            for (int c = 0; c < m; c++) {
                if (states[c] == null) {
                    continue;
                }
                long[] counts = counts(states[c], domain.column(c).cardinality() + 1);
                if (Arrays.stream(counts).filter(k -> k > 0).count() <= 2 || m < 2) {
                    continue;
                }
                int[] order = optimalOrder(c, states[c], counts, scores, r);
                marginals[c] = categorical(order, counts, n);
                scores[c] = categoricalScores(marginals[c], order, states[c]);
            }
        }
        double[][] r = CorrelationMatrices.pearson(scores);
        double[] sd = new double[m];
        for (int c = 0; c < m; c++) {
            sd[c] = CorrelationMatrices.standardDeviation(scores[c]);
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a != b) {
                    double v = sd[a] > 0 && sd[b] > 0 ? r[a][b] / (sd[a] * sd[b]) : 0;
                    r[a][b] = Math.max(-0.995, Math.min(0.995, v));
                }
            }
        }
        return new CopulaModel(domain, marginals, CorrelationMatrices.repair(r));
    }

    @Override
    public FittedModel read(ModelInput in) throws IOException {
        return CopulaModel.read(in);
    }

    private static int[] states(CategoricalColumn cat) {
        int missing = cat.cardinality();
        int[] codes = cat.codes();
        int[] s = new int[codes.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = codes[i] < 0 ? missing : codes[i];
        }
        return s;
    }

    private static long[] counts(int[] states, int size) {
        long[] counts = new long[size];
        for (int s : states) {
            counts[s]++;
        }
        return counts;
    }

    private static int[] byFrequency(long[] counts) {
        return java.util.stream.IntStream.range(0, counts.length).filter(k -> counts[k] > 0).boxed()
                .sorted(Comparator.<Integer>comparingLong(k -> -counts[k]).thenComparing(k -> k))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Categories (states; the last is "missing") as atoms in the given order. */
    private static ZMarginal categorical(int[] order, long[] counts, int n) {
        int missing = counts.length - 1;
        double[] p = new double[order.length];
        double[] cell = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            p[i] = (double) counts[order[i]] / n;
            cell[i] = order[i] == missing ? Double.NaN : order[i];
        }
        return new ZMarginal(p, cell, new double[order.length][], "categorical");
    }

    private static double[] categoricalScores(ZMarginal marginal, int[] order, int[] states) {
        int size = Arrays.stream(order).max().orElse(0) + 1;
        double[] scoreOfState = new double[Math.max(size, 1)];
        for (int i = 0; i < order.length; i++) {
            scoreOfState[order[i]] = marginal.conditionalMean(i);
        }
        double[] scores = new double[states.length];
        for (int r = 0; r < states.length; r++) {
            scores[r] = scoreOfState[states[r]];
        }
        return scores;
    }

    /**
     * Sorts the categories of column c by their mean position along the combination of the
     * other columns' scores that best separates them: the top eigenvector of W^-1 B with W the
     * correlation among the other columns and B the between-category covariance of their scores.
     */
    private static int[] optimalOrder(int c, int[] states, long[] counts, double[][] scores, double[][] r) {
        int m = scores.length;
        int[] others = java.util.stream.IntStream.range(0, m).filter(j -> j != c).toArray();
        int k = counts.length;
        double[][] means = new double[k][others.length];
        double[] sums = new double[k];
        // one other column at a time: sequential reads of its scores instead of one read per column per row
        for (int j = 0; j < others.length; j++) {
            double[] column = scores[others[j]];
            Arrays.fill(sums, 0);
            for (int row = 0; row < states.length; row++) {
                sums[states[row]] += column[row];
            }
            for (int s = 0; s < k; s++) {
                means[s][j] = sums[s];
            }
        }
        double n = states.length;
        double[] overall = new double[others.length];
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < others.length; j++) {
                if (counts[s] > 0) {
                    overall[j] += means[s][j];
                    means[s][j] /= counts[s];
                }
            }
        }
        for (int j = 0; j < others.length; j++) {
            overall[j] /= n;
        }
        double[][] between = new double[others.length][others.length];
        for (int s = 0; s < k; s++) {
            if (counts[s] == 0) {
                continue;
            }
            double w = counts[s] / n;
            for (int a = 0; a < others.length; a++) {
                double da = means[s][a] - overall[a];
                for (int b = 0; b < others.length; b++) {
                    between[a][b] += w * da * (means[s][b] - overall[b]);
                }
            }
        }
        double[][] within = CorrelationMatrices.repair(CorrelationMatrices.sub(r, others, others));
        double[] direction = CorrelationMatrices.topDirection(CorrelationMatrices.inverse(within), between);
        double[] q = new double[k];
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < others.length; j++) {
                q[s] += means[s][j] * direction[j];
            }
        }
        return java.util.stream.IntStream.range(0, k).filter(s -> counts[s] > 0).boxed()
                .sorted(Comparator.<Integer>comparingDouble(s -> q[s]).thenComparing(s -> s))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Missing first, then the values in order: discrete values and frequent values as atoms, stretches between them continuous. */
    static ZMarginal numeric(double[] values, boolean parametric) {
        double[] sorted = SortedValues.present(values);
        int n = values.length;
        int missing = n - sorted.length;
        List<Double> probability = new ArrayList<>();
        List<Double> cells = new ArrayList<>();
        List<double[]> segments = new ArrayList<>();
        Map<Integer, ContinuousFit.Choice> choices = new java.util.HashMap<>();
        if (missing > 0) {
            probability.add((double) missing / n);
            cells.add(Double.NaN);
            segments.add(null);
        }
        double[] distinct = SortedValues.distinct(sorted);
        String family = "discrete";
        if (distinct.length <= DISCRETE_LIMIT) {
            int i = 0;
            while (i < sorted.length) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                probability.add((double) (j - i) / n);
                cells.add(sorted[i]);
                segments.add(null);
                i = j;
            }
        } else {
            List<double[]> runs = new ArrayList<>();
            int i = 0;
            int segmentStart = -1;
            boolean anyAtom = false;
            while (i < sorted.length) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                boolean atom = (j - i) >= ATOM_SHARE * n;
                if (atom) {
                    anyAtom = true;
                    if (segmentStart >= 0) {
                        runs.add(Arrays.copyOfRange(sorted, segmentStart, i));
                        segmentStart = -1;
                    }
                    runs.add(new double[] {sorted[i], j - i, Double.NaN});
                } else if (segmentStart < 0) {
                    segmentStart = i;
                }
                i = j;
            }
            if (segmentStart >= 0) {
                runs.add(Arrays.copyOfRange(sorted, segmentStart, sorted.length));
            }
            for (double[] run : runs) {
                boolean atom = run.length == 3 && Double.isNaN(run[2]);
                if (atom) {
                    probability.add(run[1] / n);
                    cells.add(run[0]);
                    segments.add(null);
                } else if (run[0] == run[run.length - 1]) {
                    probability.add((double) run.length / n);
                    cells.add(run[0]);
                    segments.add(null);
                } else {
                    probability.add((double) run.length / n);
                    cells.add(Double.NaN);
                    segments.add(run);
                }
            }
            family = null;
            for (int s = 0; s < segments.size(); s++) {
                if (segments.get(s) != null) {
                    ContinuousFit.Choice choice = ContinuousFit.choose(segments.get(s), parametric && !anyAtom);
                    family = family == null ? choice.family() : family;
                    choices.put(s, choice);
                }
            }
            if (family == null) {
                family = "discrete";
            }
        }
        double[] p = probability.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cell = cells.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] grid = new double[p.length][];
        ZMarginal marginal = new ZMarginal(p, cell, grid, family);
        double below = 0;
        for (int s = 0; s < p.length; s++) {
            if (choices.containsKey(s)) {
                grid[s] = tabulate(choices.get(s), marginal, s, below, p[s]);
            }
            below += p[s];
        }
        return marginal;
    }

    private static double[] tabulate(ContinuousFit.Choice choice, ZMarginal marginal, int piece, double below, double mass) {
        double lo = Math.max(marginal.lower(piece), -ZMarginal.Z_LIMIT);
        double hi = Math.min(marginal.upper[piece], ZMarginal.Z_LIMIT);
        double[] g = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            double z = lo + (hi - lo) * i / (GRID - 1);
            double u = (ZMarginal.STANDARD.cumulativeProbability(z) - below) / mass;
            g[i] = choice.quantile().applyAsDouble(Math.min(1, Math.max(0, u)));
        }
        for (int i = 1; i < GRID; i++) {
            g[i] = Math.max(g[i], g[i - 1]);
        }
        return g;
    }

    /**
     * Row indexes by ascending value, missing values first, ties by index (a stable sort). Sorts
     * primitive keys: each row's dense rank among the distinct values above its index.
     */
    static int[] ascending(double[] values) {
        int n = values.length;
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Double.isNaN(values[i]) ? Double.NEGATIVE_INFINITY : values[i];
        }
        double[] distinct = SortedValues.distinct(SortedValues.present(keys));
        long[] rankAndIndex = new long[n];
        for (int i = 0; i < n; i++) {
            // Double.compare order, as Arrays.sort and the comparator this replaces (-0.0 before 0.0)
            rankAndIndex[i] = (long) Arrays.binarySearch(distinct, keys[i]) << 32 | i;
        }
        Arrays.sort(rankAndIndex);
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = (int) rankAndIndex[i];
        }
        return index;
    }

    /** Normal scores of training values: conditional means for atoms, mid-rank quantiles in continuous pieces. */
    static double[] numericScores(ZMarginal marginal, double[] values) {
        int n = values.length;
        double[] scores = new double[n];
        int[] index = ascending(values);
        double[] atomScore = new double[marginal.pieces()];
        for (int p = 0; p < atomScore.length; p++) {
            atomScore[p] = marginal.conditionalMean(p);
        }
        double below = 0;
        int cursor = 0;
        for (int p = 0; p < marginal.pieces(); p++) {
            int count = (int) Math.round(marginal.probability[p] * n);
            if (marginal.grid[p] == null) {
                for (int k = 0; k < count && cursor < n; k++) {
                    scores[index[cursor++]] = atomScore[p];
                }
            } else {
                for (int k = 0; k < count && cursor < n; k++) {
                    double u = below + marginal.probability[p] * (k + 0.5) / count;
                    scores[index[cursor++]] = ZMarginal.inverse(u);
                }
            }
            below += marginal.probability[p];
        }
        while (cursor < n) {
            scores[index[cursor++]] = atomScore[atomScore.length - 1];
        }
        return scores;
    }
}
