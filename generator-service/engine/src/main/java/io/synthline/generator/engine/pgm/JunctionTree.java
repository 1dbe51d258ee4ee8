package io.synthline.generator.engine.pgm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A junction tree over a domain: the maximal cliques of a triangulation of the graph in which
 * two attributes are adjacent when some measured set contains both, joined into a tree with the
 * running-intersection property (maximum spanning tree on separator size). Every attribute is in
 * at least one clique; disconnected parts are joined by empty separators so that there is a
 * single tree rooted at clique 0.
 *
 * <p>Triangulation eliminates greedily the attribute whose elimination clique has the fewest
 * cells, which keeps the model small (the quantity AIM bounds).
 */
public final class JunctionTree {
    private final AttributeDomain domain;
    private final List<int[]> cliques;
    private final int[] parent;
    private final int[][] separators;
    private final int[] order;
    private final List<List<Integer>> children;

    private JunctionTree(AttributeDomain domain, List<int[]> cliques, int[] parent) {
        this.domain = domain;
        this.cliques = List.copyOf(cliques);
        this.parent = parent;
        this.separators = new int[cliques.size()][];
        this.children = new ArrayList<>();
        for (int c = 0; c < cliques.size(); c++) {
            children.add(new ArrayList<>());
        }
        for (int c = 0; c < cliques.size(); c++) {
            if (parent[c] >= 0) {
                separators[c] = Attributes.intersection(cliques.get(c), cliques.get(parent[c]));
                children.get(parent[c]).add(c);
            } else {
                separators[c] = new int[0];
            }
        }
        this.order = new int[cliques.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        int k = 0;
        while (!queue.isEmpty()) {
            int c = queue.poll();
            order[k++] = c;
            queue.addAll(children.get(c));
        }
    }

    /**
     * A tree given by its cliques and parents (as {@link #cliques()} and {@link #parent} report
     * them), e.g. read back from a stored model.
     */
    public static JunctionTree of(AttributeDomain domain, List<int[]> cliques, int[] parent) {
        if (parent.length != cliques.size() || cliques.isEmpty() || parent[0] != -1) {
            throw new IllegalArgumentException("one parent per clique, clique 0 the root");
        }
        for (int c = 1; c < parent.length; c++) {
            if (parent[c] < 0 || parent[c] >= parent.length || parent[c] == c) {
                throw new IllegalArgumentException("clique " + c + " has no valid parent");
            }
        }
        return new JunctionTree(domain, cliques, parent.clone());
    }

    /** The junction tree of a model that measures {@code measured} (each a sorted attribute set). */
    public static JunctionTree build(AttributeDomain domain, Collection<int[]> measured) {
        List<int[]> cliques = maximalCliques(domain, measured);
        int m = cliques.size();
        // Kruskal on all clique pairs, heaviest separator first.
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                edges.add(new int[] {i, j, Attributes.intersection(cliques.get(i), cliques.get(j)).length});
            }
        }
        edges.sort(Comparator.<int[]>comparingInt(e -> -e[2]).thenComparingInt(e -> e[0]).thenComparingInt(e -> e[1]));
        int[] component = new int[m];
        for (int i = 0; i < m; i++) {
            component[i] = i;
        }
        List<List<Integer>> adjacency = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            adjacency.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            int a = find(component, e[0]);
            int b = find(component, e[1]);
            if (a != b) {
                component[a] = b;
                adjacency.get(e[0]).add(e[1]);
                adjacency.get(e[1]).add(e[0]);
            }
        }
        int[] parent = new int[m];
        Arrays.fill(parent, -2);
        parent[0] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int c = queue.poll();
            for (int n : adjacency.get(c)) {
                if (parent[n] == -2) {
                    parent[n] = c;
                    queue.add(n);
                }
            }
        }
        return new JunctionTree(domain, cliques, parent);
    }

    /** Total cells over the cliques of the junction tree such a model would have, without building it. */
    public static long size(AttributeDomain domain, Collection<int[]> measured) {
        long total = 0;
        for (int[] c : maximalCliques(domain, measured)) {
            long cells = domain.cells(c);
            total = total > Long.MAX_VALUE - cells ? Long.MAX_VALUE : total + cells;
        }
        return total;
    }

    private static int find(int[] component, int i) {
        while (component[i] != i) {
            component[i] = component[component[i]];
            i = component[i];
        }
        return i;
    }

    static List<int[]> maximalCliques(AttributeDomain domain, Collection<int[]> measured) {
        int n = domain.attributes();
        BitSet[] adjacent = new BitSet[n];
        for (int a = 0; a < n; a++) {
            adjacent[a] = new BitSet(n);
        }
        for (int[] set : measured) {
            for (int a : set) {
                for (int b : set) {
                    if (a != b) {
                        adjacent[a].set(b);
                    }
                }
            }
        }
        boolean[] eliminated = new boolean[n];
        List<int[]> eliminationCliques = new ArrayList<>();
        for (int step = 0; step < n; step++) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            int bestFill = Integer.MAX_VALUE;
            for (int v = 0; v < n; v++) {
                if (eliminated[v]) {
                    continue;
                }
                double cost = Math.log(domain.size(v));
                for (int u = adjacent[v].nextSetBit(0); u >= 0; u = adjacent[v].nextSetBit(u + 1)) {
                    cost += Math.log(domain.size(u));
                }
                int fill = fillIn(adjacent, v);
                if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && fill < bestFill)) {
                    best = v;
                    bestCost = cost;
                    bestFill = fill;
                }
            }
            BitSet neighbours = (BitSet) adjacent[best].clone();
            int[] clique = new int[neighbours.cardinality() + 1];
            int k = 0;
            clique[k++] = best;
            for (int u = neighbours.nextSetBit(0); u >= 0; u = neighbours.nextSetBit(u + 1)) {
                clique[k++] = u;
                adjacent[u].or(neighbours);
                adjacent[u].clear(u);
                adjacent[u].clear(best);
            }
            eliminated[best] = true;
            adjacent[best].clear();
            eliminationCliques.add(Attributes.of(clique));
        }
        List<int[]> maximal = new ArrayList<>();
        for (int i = 0; i < eliminationCliques.size(); i++) {
            int[] c = eliminationCliques.get(i);
            boolean contained = false;
            for (int j = 0; j < eliminationCliques.size() && !contained; j++) {
                int[] o = eliminationCliques.get(j);
                contained = j != i && o.length >= c.length && Attributes.isSubset(c, o)
                        && (o.length > c.length || j < i);
            }
            if (!contained) {
                maximal.add(c);
            }
        }
        return maximal;
    }

    private static int fillIn(BitSet[] adjacent, int v) {
        int fill = 0;
        BitSet n = adjacent[v];
        for (int a = n.nextSetBit(0); a >= 0; a = n.nextSetBit(a + 1)) {
            for (int b = n.nextSetBit(a + 1); b >= 0; b = n.nextSetBit(b + 1)) {
                if (!adjacent[a].get(b)) {
                    fill++;
                }
            }
        }
        return fill;
    }

    public AttributeDomain domain() {
        return domain;
    }

    public List<int[]> cliques() {
        return cliques;
    }

    public int cliqueCount() {
        return cliques.size();
    }

    public int[] clique(int c) {
        return cliques.get(c);
    }

    /** -1 for the root. */
    public int parent(int c) {
        return parent[c];
    }

    public int[] separator(int c) {
        return separators[c];
    }

    public List<Integer> children(int c) {
        return children.get(c);
    }

    /** Root first, every clique after its parent. */
    public int[] topDownOrder() {
        return order;
    }

    /** Total cells over all cliques. */
    public long size() {
        long total = 0;
        for (int[] c : cliques) {
            total += domain.cells(c);
        }
        return total;
    }

    /** The smallest clique containing all of {@code attrs}, or -1. */
    public int cliqueContaining(int[] attrs) {
        int best = -1;
        long bestCells = Long.MAX_VALUE;
        for (int c = 0; c < cliques.size(); c++) {
            if (Attributes.isSubset(attrs, cliques.get(c)) && domain.cells(cliques.get(c)) < bestCells) {
                best = c;
                bestCells = domain.cells(cliques.get(c));
            }
        }
        return best;
    }
}
