package io.synthline.generator.engine.pgm;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the graphical model whose marginals best explain a set of noisy measurements, as in
 * Private-PGM (McKenna, Sheldon and Miklau 2019): minimise
 * L(mu) = sum_m ||mu_{r_m} - y_m||^2 / (2 sigma_m^2) over the marginals mu of distributions that
 * factorise over the measurements' junction tree, by entropic mirror descent on the clique
 * log-potentials (theta_C -= alpha * dL/dmu_C, then belief propagation gives mu) with a
 * backtracking line search. The result is consistent (all its marginals come from one
 * distribution) and non-negative, whatever the noise did to the measurements.
 *
 * <p>Pure post-processing of the measurements: it never sees the data.
 */
public final class MarginalEstimator {
    /** @param maxIterations mirror-descent steps at most; @param tolerance stop when a step improves the loss by less than this fraction */
    public record Options(int maxIterations, double tolerance) {
        public static Options defaults() {
            return new Options(1000, 1e-8);
        }
    }

    private final AttributeDomain domain;
    private final JunctionTree tree;
    private final List<List<Node>> plans;
    private final double total;

    public MarginalEstimator(AttributeDomain domain, List<Measurement> measurements) {
        this(domain, measurements, JunctionTree.build(domain, measurements.stream().map(Measurement::attrs).toList()));
    }

    public MarginalEstimator(AttributeDomain domain, List<Measurement> measurements, JunctionTree tree) {
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("nothing to estimate from");
        }
        this.domain = domain;
        this.tree = tree;
        for (Measurement m : measurements) {
            if (m.values().length != domain.cells(m.attrs())) {
                throw new IllegalArgumentException("measurement over " + Arrays.toString(m.attrs()) + " has "
                        + m.values().length + " values, expected " + domain.cells(m.attrs()));
            }
        }
        this.plans = planProjections(domain, tree, combine(measurements));
        this.total = estimateTotal(domain, measurements);
    }

    /**
     * Measurements of the same attribute set merged into one: the inverse-variance weighted mean
     * with variance 1 / sum(1 / sigma^2). The loss changes only by a constant, so the estimate
     * is the same and each set is projected once.
     */
    static List<Measurement> combine(List<Measurement> measurements) {
        java.util.Map<String, double[]> weighted = new java.util.LinkedHashMap<>();
        java.util.Map<String, double[]> precision = new java.util.LinkedHashMap<>();
        java.util.Map<String, int[]> attrs = new java.util.LinkedHashMap<>();
        for (Measurement m : measurements) {
            String key = Arrays.toString(m.attrs());
            double w = 1 / (m.sigma() * m.sigma());
            double[] sum = weighted.computeIfAbsent(key, k -> new double[m.values().length]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += w * m.values()[i];
            }
            precision.computeIfAbsent(key, k -> new double[1])[0] += w;
            attrs.putIfAbsent(key, m.attrs());
        }
        List<Measurement> out = new java.util.ArrayList<>();
        for (String key : attrs.keySet()) {
            double w = precision.get(key)[0];
            double[] y = weighted.get(key);
            for (int i = 0; i < y.length; i++) {
                y[i] /= w;
            }
            out.add(new Measurement(attrs.get(key), y, 1 / Math.sqrt(w)));
        }
        return out;
    }

    /**
     * How the loss projects each clique's marginal onto its measurements: largest sets first,
     * each computed from the smallest already computed set that contains it (or the clique), so
     * a clique with many small measurements is summed over once, not once per measurement.
     */
    private record Node(Measurement measurement, int parent) {
    }

    private static List<List<Node>> planProjections(AttributeDomain domain, JunctionTree tree, List<Measurement> measurements) {
        List<List<Measurement>> byClique = new java.util.ArrayList<>();
        for (int c = 0; c < tree.cliqueCount(); c++) {
            byClique.add(new java.util.ArrayList<>());
        }
        for (Measurement m : measurements) {
            int c = tree.cliqueContaining(m.attrs());
            if (c < 0) {
                throw new IllegalArgumentException("no clique contains " + Arrays.toString(m.attrs()));
            }
            byClique.get(c).add(m);
        }
        List<List<Node>> plans = new java.util.ArrayList<>();
        for (List<Measurement> ms : byClique) {
            ms.sort((a, b) -> Long.compare(domain.cells(b.attrs()), domain.cells(a.attrs())));
            List<Node> nodes = new java.util.ArrayList<>();
            for (Measurement m : ms) {
                int parent = -1;
                long best = Long.MAX_VALUE;
                for (int k = 0; k < nodes.size(); k++) {
                    int[] candidate = nodes.get(k).measurement().attrs();
                    if (Attributes.isSubset(m.attrs(), candidate) && domain.cells(candidate) < best) {
                        parent = k;
                        best = domain.cells(candidate);
                    }
                }
                nodes.add(new Node(m, parent));
            }
            plans.add(nodes);
        }
        return plans;
    }

    /**
     * The number of records, from the measurements' sums weighted by inverse variance (each sum
     * has variance cells * sigma^2). At least 1.
     */
    static double estimateTotal(AttributeDomain domain, List<Measurement> measurements) {
        double weighted = 0;
        double weights = 0;
        for (Measurement m : measurements) {
            double sum = 0;
            for (double v : m.values()) {
                sum += v;
            }
            double w = 1 / (domain.cells(m.attrs()) * m.sigma() * m.sigma());
            weighted += w * sum;
            weights += w;
        }
        return Math.max(1, weighted / weights);
    }

    public JunctionTree tree() {
        return tree;
    }

    public double total() {
        return total;
    }

    public GraphicalModel estimate(Options options) {
        return estimate(options, null);
    }

    /**
     * @param warmStart a previous model to start from (e.g. AIM's last round), or null for uniform;
     *                  its marginals on this tree's cliques become the starting point
     */
    public GraphicalModel estimate(Options options, GraphicalModel warmStart) {
        Factor[] theta = warmStart == null ? uniformPotentials() : potentialsFrom(warmStart);
        Factor[] mu = toCounts(GraphicalModel.calibrate(tree, theta));
        Loss current = loss(mu);
        double alpha = 1.0 / Math.max(1, maxInverseVariance() * total);
        for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
            Factor[] theta0 = theta;
            Factor[] mu0 = mu;
            Loss loss0 = current;
            alpha *= 2;
            boolean accepted = false;
            for (int search = 0; search < 30; search++) {
                theta = step(theta0, loss0.gradient, alpha);
                mu = toCounts(GraphicalModel.calibrate(tree, theta));
                current = loss(mu);
                double predicted = 0;
                for (int c = 0; c < mu.length; c++) {
                    double[] g = loss0.gradient[c].values();
                    double[] a = mu0[c].values();
                    double[] b = mu[c].values();
                    for (int i = 0; i < g.length; i++) {
                        predicted += g[i] * (a[i] - b[i]);
                    }
                }
                if (loss0.value - current.value >= 0.5 * predicted) {
                    accepted = true;
                    break;
                }
                alpha *= 0.5;
            }
            if (!accepted) {
                theta = theta0;
                current = loss0;
                break;
            }
            if (loss0.value - current.value <= options.tolerance() * Math.max(loss0.value, 1e-12)) {
                break;
            }
        }
        return new GraphicalModel(tree, theta, total);
    }

    private double maxInverseVariance() {
        double max = 0;
        for (List<Node> nodes : plans) {
            for (Node node : nodes) {
                Measurement m = node.measurement();
                max = Math.max(max, 1 / (m.sigma() * m.sigma()));
            }
        }
        return max;
    }

    private Factor[] uniformPotentials() {
        Factor[] theta = new Factor[tree.cliqueCount()];
        for (int c = 0; c < theta.length; c++) {
            theta[c] = Factor.filled(domain, tree.clique(c), 0);
        }
        return theta;
    }

    /**
     * Potentials reproducing the previous model's marginals on this tree: theta_C = log P(C) for
     * the root, log P(C) - log P(separator) below it. A small floor keeps every cell reachable.
     */
    private Factor[] potentialsFrom(GraphicalModel previous) {
        CliqueMarginals old = previous.marginals();
        Factor[] theta = new Factor[tree.cliqueCount()];
        for (int c = 0; c < theta.length; c++) {
            Factor p = old.probability(tree.clique(c));
            theta[c] = logWithFloor(p);
            if (tree.parent(c) >= 0) {
                theta[c].addBroadcast(logWithFloor(p.sumTo(tree.separator(c))), -1);
            }
        }
        return theta;
    }

    private static Factor logWithFloor(Factor p) {
        double[] v = p.values();
        double floor = 1e-9 / v.length;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i] + floor);
        }
        return new Factor(p.domain(), p.attrs(), out);
    }

    private Factor[] step(Factor[] theta, Factor[] gradient, double alpha) {
        Factor[] next = new Factor[theta.length];
        for (int c = 0; c < theta.length; c++) {
            next[c] = theta[c].copy();
            next[c].addBroadcast(gradient[c], -alpha);
        }
        return next;
    }

    /** Scales calibrated probabilities to counts, in place. */
    private Factor[] toCounts(Factor[] probabilities) {
        for (Factor p : probabilities) {
            double[] v = p.values();
            for (int i = 0; i < v.length; i++) {
                v[i] *= total;
            }
        }
        return probabilities;
    }

    private record Loss(double value, Factor[] gradient) {
    }

    private Loss loss(Factor[] mu) {
        Factor[] gradient = new Factor[mu.length];
        double value = 0;
        for (int c = 0; c < mu.length; c++) {
            gradient[c] = Factor.filled(domain, tree.clique(c), 0);
            List<Node> nodes = plans.get(c);
            Factor[] projected = new Factor[nodes.size()];
            Factor[] partial = new Factor[nodes.size()];
            for (int k = 0; k < nodes.size(); k++) {
                Node node = nodes.get(k);
                Measurement m = node.measurement();
                projected[k] = (node.parent() < 0 ? mu[c] : projected[node.parent()]).sumTo(m.attrs());
                double[] x = projected[k].values();
                double inverseVariance = 1 / (m.sigma() * m.sigma());
                double[] d = new double[x.length];
                for (int j = 0; j < d.length; j++) {
                    double diff = x[j] - m.values()[j];
                    value += 0.5 * diff * diff * inverseVariance;
                    d[j] = diff * inverseVariance;
                }
                partial[k] = new Factor(domain, m.attrs(), d);
            }
            // Gradients flow back up the same tree: children into parents, roots into the clique.
            for (int k = nodes.size() - 1; k >= 0; k--) {
                int parent = nodes.get(k).parent();
                (parent < 0 ? gradient[c] : partial[parent]).addBroadcast(partial[k], 1);
            }
        }
        return new Loss(value, gradient);
    }
}
