package io.synthline.generator.engine.pgm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The calibrated clique marginals of a {@link GraphicalModel}, in counts (summing to the model's
 * total). Marginals over attribute sets no clique contains are computed exactly from the
 * junction-tree factorisation P = prod_C P_C / prod_S P_S on the smallest subtree that covers
 * the attributes, eliminating everything else leaves first.
 */
public final class CliqueMarginals {
    private final JunctionTree tree;
    private final Factor[] probabilities;
    private final double total;

    /** @param probabilities per clique, each summing to 1 */
    CliqueMarginals(JunctionTree tree, Factor[] probabilities, double total) {
        this.tree = tree;
        this.probabilities = probabilities;
        this.total = total;
    }

    public JunctionTree tree() {
        return tree;
    }

    public double total() {
        return total;
    }

    /** Clique c's marginal as probabilities (shared, do not modify). */
    public Factor cliqueProbabilities(int c) {
        return probabilities[c];
    }

    /** Counts over the joint values of {@code attrs} (sorted). */
    public Factor marginal(int[] attrs) {
        Factor p = probability(attrs);
        double[] v = p.values();
        for (int i = 0; i < v.length; i++) {
            v[i] *= total;
        }
        return p;
    }

    /** Probabilities over the joint values of {@code attrs} (sorted); a fresh factor. */
    public Factor probability(int[] attrs) {
        int c = tree.cliqueContaining(attrs);
        if (c >= 0) {
            return probabilities[c].sumTo(attrs);
        }
        Set<Integer> subtree = coveringSubtree(attrs);
        int[] order = tree.topDownOrder();
        Factor[] messages = new Factor[tree.cliqueCount()];
        Factor result = null;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (!subtree.contains(node)) {
                continue;
            }
            int parent = tree.parent(node);
            boolean hasParent = parent >= 0 && subtree.contains(parent);
            // Sum out, before multiplying anything, every attribute no message and no result needs:
            // the products then stay the size of separators, not of cliques.
            int[] keep = Attributes.intersection(tree.clique(node), attrs);
            if (hasParent) {
                keep = Attributes.union(keep, tree.separator(node));
            }
            for (int k : tree.children(node)) {
                if (messages[k] != null) {
                    keep = Attributes.union(keep, tree.separator(k));
                }
            }
            Factor f = probabilities[node].sumTo(keep);
            if (hasParent) {
                f.divideBroadcast(probabilities[node].sumTo(tree.separator(node)));
            }
            List<Integer> incoming = new ArrayList<>();
            for (int k : tree.children(node)) {
                if (messages[k] != null) {
                    incoming.add(k);
                }
            }
            for (int i2 = 0; i2 < incoming.size(); i2++) {
                // keep what the result, the parent's message and the messages still to come need
                int[] needed = hasParent ? Attributes.union(attrs, tree.separator(node)) : attrs;
                for (int j = i2 + 1; j < incoming.size(); j++) {
                    needed = Attributes.union(needed, tree.separator(incoming.get(j)));
                }
                Factor m = messages[incoming.get(i2)];
                f = f.contract(m, Attributes.intersection(Attributes.union(f.attrs(), m.attrs()), needed));
            }
            if (hasParent) {
                messages[node] = f.sumTo(Attributes.union(tree.separator(node), Attributes.intersection(f.attrs(), attrs)));
            } else {
                result = f.sumTo(Attributes.intersection(f.attrs(), attrs));
            }
        }
        if (result == null || result.attrs().length != attrs.length) {
            throw new IllegalStateException("covering subtree did not reach all attributes");
        }
        return result;
    }

    /** The cliques on the tree paths between one clique per attribute: a connected subtree covering attrs. */
    private Set<Integer> coveringSubtree(int[] attrs) {
        List<Integer> anchors = new ArrayList<>();
        for (int a : attrs) {
            boolean covered = false;
            for (int c : anchors) {
                covered |= Attributes.contains(tree.clique(c), a);
            }
            if (!covered) {
                anchors.add(tree.cliqueContaining(new int[] {a}));
            }
        }
        Set<Integer> nodes = new HashSet<>();
        int first = anchors.getFirst();
        nodes.add(first);
        for (int other : anchors) {
            // Walk both up to their lowest common ancestor.
            Set<Integer> ancestorsOfFirst = new HashSet<>();
            for (int x = first; x >= 0; x = tree.parent(x)) {
                ancestorsOfFirst.add(x);
            }
            int meet = other;
            while (!ancestorsOfFirst.contains(meet)) {
                nodes.add(meet);
                meet = tree.parent(meet);
            }
            nodes.add(meet);
            for (int x = first; x != meet; x = tree.parent(x)) {
                nodes.add(x);
            }
        }
        return nodes;
    }
}
