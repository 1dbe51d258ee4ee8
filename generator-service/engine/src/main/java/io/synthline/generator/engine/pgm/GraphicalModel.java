package io.synthline.generator.engine.pgm;

/**
 * A distribution that factorises over a junction tree: log-potentials per clique, scaled to a
 * total number of records. {@link #marginals()} runs belief propagation (sum-product in log
 * space: leaves to root, then root to leaves) and returns every clique's marginal.
 */
public final class GraphicalModel {
    private final JunctionTree tree;
    private final Factor[] potentials;
    private final double total;

    public GraphicalModel(JunctionTree tree, Factor[] potentials, double total) {
        if (potentials.length != tree.cliqueCount()) {
            throw new IllegalArgumentException("one potential per clique");
        }
        this.tree = tree;
        this.potentials = potentials;
        this.total = total;
    }

    /** The uniform distribution over the tree's cliques. */
    public static GraphicalModel uniform(JunctionTree tree, double total) {
        Factor[] p = new Factor[tree.cliqueCount()];
        for (int c = 0; c < p.length; c++) {
            p[c] = Factor.filled(tree.domain(), tree.clique(c), 0);
        }
        return new GraphicalModel(tree, p, total);
    }

    public JunctionTree tree() {
        return tree;
    }

    public AttributeDomain domain() {
        return tree.domain();
    }

    public double total() {
        return total;
    }

    /** The log-potentials (shared, not copied). */
    public Factor[] potentials() {
        return potentials;
    }

    /**
     * The model with one attribute's values reweighted: p'(x) proportional to p(x) w(x_attribute).
     * Weights 0/1 condition on a set of values (evidence); fractional weights restrict a value
     * partly (e.g. the share of a numeric bin inside a range). The total stays the same.
     */
    public GraphicalModel reweighted(int attribute, double[] weights) {
        if (weights.length != domain().size(attribute)) {
            throw new IllegalArgumentException("one weight per value of attribute " + attribute);
        }
        int c = tree.cliqueContaining(new int[] {attribute});
        double[] log = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
            log[i] = Math.log(weights[i]);
        }
        Factor[] next = potentials.clone();
        next[c] = potentials[c].copy();
        next[c].addBroadcast(new Factor(domain(), new int[] {attribute}, log), 1);
        return new GraphicalModel(tree, next, total);
    }

    public CliqueMarginals marginals() {
        return new CliqueMarginals(tree, calibrate(tree, potentials), total);
    }

    /**
     * Probabilities per clique (each summing to 1). Sum-product in probability space: each
     * clique's potential is exponentiated once after subtracting its maximum, and messages are
     * rescaled to a maximum of 1, so nothing overflows and a cell far below its clique's maximum
     * (beyond double precision) simply has probability 0. That costs one exp per cell per
     * calibration instead of one per cell per message in log space.
     */
    static Factor[] calibrate(JunctionTree tree, Factor[] potentials) {
        int m = tree.cliqueCount();
        int[] order = tree.topDownOrder();
        Factor[] psi = new Factor[m];
        for (int c = 0; c < m; c++) {
            psi[c] = exponentiate(potentials[c]);
        }
        Factor[] up = new Factor[m];
        Factor[] inbound = new Factor[m];
        for (int i = m - 1; i >= 0; i--) {
            int c = order[i];
            Factor f = psi[c].copy();
            for (int k : tree.children(c)) {
                f.multiplyBroadcast(up[k]);
            }
            inbound[c] = f;
            if (tree.parent(c) >= 0) {
                up[c] = rescaled(f.sumTo(tree.separator(c)));
            }
        }
        Factor[] down = new Factor[m];
        Factor[] beliefs = new Factor[m];
        for (int c : order) {
            Factor belief = inbound[c];
            if (down[c] != null) {
                belief.multiplyBroadcast(down[c]);
            }
            for (int k : tree.children(c)) {
                down[k] = rescaled(messageTo(tree, psi, c, k, belief, up, down));
            }
            double total = belief.sum();
            if (!(total > 0)) {
                throw new IllegalStateException("the model gives every value of clique " + c + " probability zero");
            }
            double[] v = belief.values();
            for (int i = 0; i < v.length; i++) {
                v[i] /= total;
            }
            beliefs[c] = belief;
        }
        return beliefs;
    }

    private static Factor exponentiate(Factor logPotential) {
        double[] v = logPotential.values();
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double[] out = new double[v.length];
        if (max != Double.NEGATIVE_INFINITY) {
            for (int i = 0; i < v.length; i++) {
                out[i] = Math.exp(v[i] - max);
            }
        }
        return new Factor(logPotential.domain(), logPotential.attrs(), out);
    }

    private static Factor rescaled(Factor message) {
        double[] v = message.values();
        double max = 0;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= max;
            }
        }
        return message;
    }

    /**
     * The message from c to its child k: c's belief without k's own message, summed down to the
     * separator. Dividing k's message out is cheap but wrong where that message is 0 (a value
     * ruled out below k); then the other incoming messages are multiplied explicitly instead.
     */
    private static Factor messageTo(JunctionTree tree, Factor[] psi, int c, int k, Factor belief, Factor[] up,
            Factor[] down) {
        if (isPositive(up[k])) {
            Factor f = belief.copy();
            f.divideBroadcast(up[k]);
            return f.sumTo(tree.separator(k));
        }
        Factor f = psi[c].copy();
        if (down[c] != null) {
            f.multiplyBroadcast(down[c]);
        }
        for (int j : tree.children(c)) {
            if (j != k) {
                f.multiplyBroadcast(up[j]);
            }
        }
        return f.sumTo(tree.separator(k));
    }

    private static boolean isPositive(Factor f) {
        for (double v : f.values()) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}
