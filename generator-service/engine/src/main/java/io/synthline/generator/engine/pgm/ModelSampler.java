package io.synthline.generator.engine.pgm;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws records from a calibrated model, clique by clique down the junction tree: the root
 * clique's attributes from its marginal, then each child's new attributes given the values its
 * separator already has. Instead of independent draws it allocates counts by controlled
 * rounding (each group of records sharing separator values gets floor(n p) of each value plus
 * the remainder drawn in proportion to the fractional parts, then shuffled), which removes most
 * of the sampling noise that would otherwise add to the privacy noise.
 */
public final class ModelSampler {
    private final AttributeDomain domain;
    private final JunctionTree tree;
    private final Step[] steps;

    /** For one clique: which attributes are new, and P(new | separator) as a [separator][new] table. */
    private record Step(int[] separator, int[] fresh, double[][] conditional) {
    }

    /** Per step, per separator value: running sums of {@link Step#conditional}, for drawing one record at a time. */
    private volatile double[][][] cumulative;

    public ModelSampler(CliqueMarginals marginals) {
        this.tree = marginals.tree();
        this.domain = tree.domain();
        int[] order = tree.topDownOrder();
        this.steps = new Step[order.length];
        for (int i = 0; i < order.length; i++) {
            int c = order[i];
            int[] clique = tree.clique(c);
            int[] separator = tree.separator(c);
            int[] fresh = Attributes.minus(clique, separator);
            double[] p = marginals.cliqueProbabilities(c).values();
            int[] sepIndex = domain.indexMap(clique, separator);
            int[] freshIndex = domain.indexMap(clique, fresh);
            double[][] conditional = new double[Math.toIntExact(domain.cells(separator))][Math.toIntExact(domain.cells(fresh))];
            for (int cell = 0; cell < p.length; cell++) {
                conditional[sepIndex[cell]][freshIndex[cell]] += p[cell];
            }
            steps[i] = new Step(separator, fresh, conditional);
        }
    }

    /**
     * One record drawn independently (ancestral sampling down the tree), all randomness from
     * {@code random}: what a row-by-row generation pipeline needs, where each row has its own
     * stream. Fills {@code codes} (one code per attribute).
     */
    public void draw(RandomGenerator random, int[] codes) {
        double[][][] cum = cumulative();
        for (int i = 0; i < steps.length; i++) {
            Step step = steps[i];
            int g = 0;
            for (int a : step.separator) {
                g = g * domain.size(a) + codes[a];
            }
            double[] c = cum[i][g];
            double total = c[c.length - 1];
            int value;
            if (total > 0) {
                double u = random.nextDouble() * total;
                int k = java.util.Arrays.binarySearch(c, u);
                value = k >= 0 ? k + 1 : -k - 1;
                while (value < c.length - 1 && c[value] <= u) {
                    value++;
                }
                value = Math.min(value, c.length - 1);
            } else {
                // a separator value the model gives probability zero: cannot be reached from the root
                value = random.nextInt(c.length);
            }
            for (int k = step.fresh.length - 1; k >= 0; k--) {
                int a = step.fresh[k];
                codes[a] = value % domain.size(a);
                value /= domain.size(a);
            }
        }
    }

    private double[][][] cumulative() {
        double[][][] c = cumulative;
        if (c == null) {
            c = new double[steps.length][][];
            for (int i = 0; i < steps.length; i++) {
                double[][] table = steps[i].conditional;
                c[i] = new double[table.length][];
                for (int g = 0; g < table.length; g++) {
                    double[] running = new double[table[g].length];
                    double sum = 0;
                    for (int k = 0; k < running.length; k++) {
                        sum += table[g][k];
                        running[k] = sum;
                    }
                    c[i][g] = running;
                }
            }
            cumulative = c;
        }
        return c;
    }

    /** {@code rows} records as codes[attribute][row]. */
    public int[][] sample(int rows, SplittableRandom random) {
        int[][] codes = new int[domain.attributes()][rows];
        int[] group = new int[rows];
        for (Step step : steps) {
            int groups = step.conditional.length;
            // Group rows by the joint index of their separator values (counting sort).
            int[] sizes = new int[groups + 1];
            for (int r = 0; r < rows; r++) {
                group[r] = jointIndex(codes, step.separator, r);
                sizes[group[r] + 1]++;
            }
            for (int g = 0; g < groups; g++) {
                sizes[g + 1] += sizes[g];
            }
            int[] members = new int[rows];
            int[] fill = sizes.clone();
            for (int r = 0; r < rows; r++) {
                members[fill[group[r]]++] = r;
            }
            for (int g = 0; g < groups; g++) {
                int n = sizes[g + 1] - sizes[g];
                if (n == 0) {
                    continue;
                }
                int[] values = allocate(step.conditional[g], n, random);
                for (int k = 0; k < n; k++) {
                    setJointIndex(codes, step.fresh, members[sizes[g] + k], values[k]);
                }
            }
        }
        return codes;
    }

    /**
     * n values distributed as {@code weights}: floor(n w_i / W) copies of each i, the remainder
     * drawn without replacement with probability proportional to the fractional parts
     * (Efraimidis-Spirakis keys), then shuffled.
     */
    static int[] allocate(double[] weights, int n, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        int k = weights.length;
        int[] counts = new int[k];
        double[] fractions = new double[k];
        int assigned = 0;
        for (int i = 0; i < k; i++) {
            double expected = total > 0 ? n * weights[i] / total : (double) n / k;
            counts[i] = (int) Math.floor(expected);
            fractions[i] = expected - counts[i];
            assigned += counts[i];
        }
        int extra = n - assigned;
        if (extra > 0) {
            // Largest keys log(u) / f win: weighted sampling without replacement.
            Integer[] byKey = new Integer[k];
            double[] keys = new double[k];
            for (int i = 0; i < k; i++) {
                byKey[i] = i;
                keys[i] = fractions[i] > 0 ? Math.log(random.nextDouble()) / fractions[i] : Double.NEGATIVE_INFINITY;
            }
            java.util.Arrays.sort(byKey, (a, b) -> Double.compare(keys[b], keys[a]));
            for (int e = 0; e < extra; e++) {
                counts[byKey[e % k]]++;
            }
        }
        int[] values = new int[n];
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < counts[i] && p < n; c++) {
                values[p++] = i;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    private int jointIndex(int[][] codes, int[] attrs, int row) {
        int index = 0;
        for (int a : attrs) {
            index = index * domain.size(a) + codes[a][row];
        }
        return index;
    }

    private void setJointIndex(int[][] codes, int[] attrs, int row, int index) {
        for (int i = attrs.length - 1; i >= 0; i--) {
            int a = attrs[i];
            codes[a][row] = index % domain.size(a);
            index /= domain.size(a);
        }
    }
}
