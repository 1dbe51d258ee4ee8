package io.synthline.generator.engine.dp;

import io.synthline.generator.engine.pgm.Attributes;
import io.synthline.generator.engine.pgm.CliqueMarginals;
import io.synthline.generator.engine.pgm.AttributeDomain;
import io.synthline.generator.engine.pgm.GraphicalModel;
import io.synthline.generator.engine.pgm.JunctionTree;
import io.synthline.generator.engine.pgm.MarginalEstimator;
import io.synthline.generator.engine.pgm.Measurement;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.PrivacyAccountant;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AIM (McKenna, Mullins, Sheldon and Miklau, VLDB 2022, "AIM: An Adaptive and Iterative
 * Mechanism for Differentially Private Synthetic Data"). The workload is every 2-way marginal
 * (optionally every 3-way one); the candidates are the workload's cliques and all their subsets,
 * each weighted by its overlap with the workload, w_r = sum_s |r intersect s|.
 * <ol>
 * <li>Initialise: measure every 1-way marginal with sigma_0 = sqrt(T / (2 alpha rho)), T = 16 d,
 *     alpha = 0.9, and estimate a model.</li>
 * <li>Each round: among candidates that keep the junction tree within
 *     (rho used / rho) x max size, select r with the exponential mechanism (epsilon_t, sensitivity
 *     max w) on w_r (||M_r(D) - M_r(model)||_1 - sqrt(2/pi) sigma_t n_r), which trades the error
 *     the model makes against the noise measuring r would add; measure r with sigma_t; estimate
 *     again from all measurements (warm start).</li>
 * <li>Annealing: when the new model's r-marginal moved less than the expected noise
 *     sqrt(2/pi) sigma_t n_r, halve sigma and double epsilon. When the rest of the budget would
 *     not pay for two more rounds, the next round spends all of it, and the run stops.</li>
 * </ol>
 */
public final class AimSynthesizer extends PrivateSynthesizer {
    public static final String NAME = "aim";
    static final String STAGE_INITIAL = "1-way marginals";
    static final String STAGE_SELECTION = "adaptive selection";
    static final String STAGE_MEASUREMENT = "adaptive measurements";
    /**
     * Bound on the junction tree's total cells. The paper's default is 80 MB of float64 (10M
     * cells); 1M keeps a round's estimation within seconds on a small machine, and Adult's models
     * stay well below it even at epsilon = 10.
     */
    public static final long DEFAULT_MAX_MODEL_CELLS = 1_000_000;
    private static final double ALPHA = 0.9;

    /**
     * @param threeWay     include every 3-way marginal in the workload
     * @param maxModelCells bound on the junction tree's total cells
     * @param roundIterations mirror-descent steps per round (warm-started)
     * @param finalIterations mirror-descent steps of the last estimation
     */
    public record Options(boolean threeWay, long maxModelCells, int roundIterations, int finalIterations) {
        public static Options defaults() {
            return new Options(false, DEFAULT_MAX_MODEL_CELLS, 100, 1000);
        }
    }

    private final Options options;

    public AimSynthesizer(DpSettings settings) {
        this(settings, Options.defaults());
    }

    public AimSynthesizer(DpSettings settings, Options options) {
        super(settings);
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Candidate(int[] attrs, double weight, long cells, long[] counts) {
    }

    @Override
    protected Learned learn(PrivateData data, Mechanisms mechanisms) {
        PrivacyAccountant accountant = mechanisms.accountant();
        AttributeDomain domain = data.domain();
        int d = data.attributes();
        double rho = accountant.rhoRemaining();
        int maxRounds = 16 * d;
        double sigma = Math.sqrt(maxRounds / (2 * ALPHA * rho));
        double epsilon = Math.sqrt(8 * (1 - ALPHA) * rho / maxRounds);

        List<Measurement> measurements = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            long[] noisy = mechanisms.gaussian(data.counts(new int[] {a}), sigma, 1, STAGE_INITIAL,
                    "1-way marginal of " + data.codecs().get(a).name());
            measurements.add(Measurement.of(new int[] {a}, noisy, sigma));
        }
        GraphicalModel model = estimate(domain, measurements, null, options.finalIterations());
        List<Candidate> candidates = candidates(data);
        if (candidates.isEmpty()) {
            return new Learned(data.codecs(), model);
        }
        List<int[]> cliques = new ArrayList<>();
        measurements.forEach(m -> cliques.add(m.attrs()));
        int round = 0;
        boolean last = false;
        while (!last) {
            round++;
            double remaining = accountant.rhoRemaining();
            if (remaining <= 2 * (1 / (2 * sigma * sigma) + epsilon * epsilon / 8)) {
                sigma = Math.sqrt(1 / (2 * ALPHA * remaining));
                epsilon = Math.sqrt(8 * (1 - ALPHA) * remaining);
                last = true;
            }
            double used = 1 - accountant.rhoRemaining() / rho;
            long sizeLimit = (long) (used * options.maxModelCells());
            CliqueMarginals current = model.marginals();
            List<Candidate> eligible = new ArrayList<>();
            for (Candidate c : candidates) {
                if (fits(domain, cliques, c.attrs(), sizeLimit)) {
                    eligible.add(c);
                }
            }
            if (eligible.isEmpty()) {
                // Nothing fits yet: the smallest candidate always does once the limit grows; measure it now.
                eligible.add(candidates.stream().min((x, y) -> Long.compare(x.cells(), y.cells())).orElseThrow());
            }
            double[] scores = new double[eligible.size()];
            double sensitivity = 0;
            for (int i = 0; i < scores.length; i++) {
                Candidate c = eligible.get(i);
                double[] estimate = current.marginal(c.attrs()).values();
                double l1 = 0;
                for (int j = 0; j < estimate.length; j++) {
                    l1 += Math.abs(c.counts()[j] - estimate[j]);
                }
                scores[i] = c.weight() * (l1 - Math.sqrt(2 / Math.PI) * sigma * c.cells());
                sensitivity = Math.max(sensitivity, c.weight());
            }
            Candidate chosen = eligible.get(mechanisms.exponential(scores, sensitivity, epsilon, STAGE_SELECTION,
                    "round " + round + " selection"));
            long[] noisy = mechanisms.gaussian(chosen.counts(), sigma, 1, STAGE_MEASUREMENT,
                    "marginal of " + names(data, chosen.attrs()));
            measurements.add(Measurement.of(chosen.attrs(), noisy, sigma));
            cliques.add(chosen.attrs());
            double[] before = current.marginal(chosen.attrs()).values();
            model = estimate(domain, measurements, model, last ? options.finalIterations() : options.roundIterations());
            double[] after = model.marginals().marginal(chosen.attrs()).values();
            double moved = 0;
            for (int j = 0; j < after.length; j++) {
                moved += Math.abs(after[j] - before[j]);
            }
            if (!last && moved <= Math.sqrt(2 / Math.PI) * sigma * chosen.cells()) {
                sigma /= 2;
                epsilon *= 2;
            }
        }
        return new Learned(data.codecs(), model);
    }

    private static GraphicalModel estimate(AttributeDomain domain, List<Measurement> measurements, GraphicalModel warmStart,
            int iterations) {
        return new MarginalEstimator(domain, measurements).estimate(new MarginalEstimator.Options(iterations, 1e-8), warmStart);
    }

    private static boolean fits(AttributeDomain domain, List<int[]> cliques, int[] candidate, long sizeLimit) {
        List<int[]> with = new ArrayList<>(cliques);
        with.add(candidate);
        return JunctionTree.size(domain, with) <= sizeLimit;
    }

    /** The workload's cliques and all their non-empty subsets, each with its weight and its data marginal. */
    private List<Candidate> candidates(PrivateData data) {
        int d = data.attributes();
        List<int[]> workload = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                if (options.threeWay()) {
                    for (int k = j + 1; k < d; k++) {
                        workload.add(new int[] {i, j, k});
                    }
                } else {
                    workload.add(new int[] {i, j});
                }
            }
        }
        if (options.threeWay() && d == 2) {
            workload.add(new int[] {0, 1});
        }
        Map<String, int[]> closure = new LinkedHashMap<>();
        for (int[] w : workload) {
            for (int mask = 1; mask < (1 << w.length); mask++) {
                int[] subset = new int[Integer.bitCount(mask)];
                int k = 0;
                for (int b = 0; b < w.length; b++) {
                    if ((mask & (1 << b)) != 0) {
                        subset[k++] = w[b];
                    }
                }
                closure.putIfAbsent(java.util.Arrays.toString(subset), Attributes.of(subset));
            }
        }
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, int[]> e : closure.entrySet()) {
            double w = 0;
            for (int[] s : workload) {
                w += Attributes.intersection(e.getValue(), Attributes.of(s)).length;
            }
            weights.put(e.getKey(), w);
        }
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : closure.entrySet()) {
            int[] attrs = e.getValue();
            out.add(new Candidate(attrs, weights.get(e.getKey()), data.domain().cells(attrs), data.counts(attrs)));
        }
        return out;
    }

    private static String names(PrivateData data, int[] attrs) {
        List<String> n = new ArrayList<>();
        for (int a : attrs) {
            n.add(data.codecs().get(a).name());
        }
        return String.join(",", n);
    }
}
