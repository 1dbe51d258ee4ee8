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

    public Domain domain() {
        return tree.domain();
    }

    public double total() {
        return total;
    }

    /** The log-potentials (shared, not copied). */
    public Factor[] potentials() {
        return potentials;
    }

    public CliqueMarginals marginals() {
        return new CliqueMarginals(tree, calibrate(tree, potentials), total);
    }

    /** Log-beliefs per clique, each normalised to log-sum-exp 0. */
    static Factor[] calibrate(JunctionTree tree, Factor[] potentials) {
        int m = tree.cliqueCount();
        int[] order = tree.topDownOrder();
        Factor[] up = new Factor[m];
        Factor[] inbound = new Factor[m];
        for (int i = m - 1; i >= 0; i--) {
            int c = order[i];
            Factor f = potentials[c].copy();
            for (int k : tree.children(c)) {
                f.addBroadcast(up[k], 1);
            }
            inbound[c] = f;
            if (tree.parent(c) >= 0) {
                up[c] = f.logSumExpTo(tree.separator(c));
            }
        }
        Factor[] down = new Factor[m];
        Factor[] beliefs = new Factor[m];
        for (int c : order) {
            Factor belief = inbound[c].copy();
            if (down[c] != null) {
                belief.addBroadcast(down[c], 1);
            }
            for (int k : tree.children(c)) {
                down[k] = messageTo(tree, potentials, c, k, belief, up, down);
            }
            double lse = belief.logSumExp();
            double[] v = belief.values();
            for (int i = 0; i < v.length; i++) {
                v[i] -= lse;
            }
            beliefs[c] = belief;
        }
        return beliefs;
    }

    /**
     * The message from c to its child k: c's belief without k's own message, summed down to the
     * separator. Subtracting k's message is cheap but turns -infinity (impossible values, from
     * conditioning) into NaN; then the other incoming messages are added up explicitly instead.
     */
    private static Factor messageTo(JunctionTree tree, Factor[] potentials, int c, int k, Factor belief, Factor[] up,
            Factor[] down) {
        if (isFinite(up[k])) {
            Factor f = belief.copy();
            f.addBroadcast(up[k], -1);
            return f.logSumExpTo(tree.separator(k));
        }
        Factor f = potentials[c].copy();
        if (down[c] != null) {
            f.addBroadcast(down[c], 1);
        }
        for (int j : tree.children(c)) {
            if (j != k) {
                f.addBroadcast(up[j], 1);
            }
        }
        return f.logSumExpTo(tree.separator(k));
    }

    private static boolean isFinite(Factor f) {
        for (double v : f.values()) {
            if (v == Double.NEGATIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }
}
