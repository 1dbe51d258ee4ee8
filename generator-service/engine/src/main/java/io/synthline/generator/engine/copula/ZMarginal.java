package io.synthline.generator.engine.copula;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import java.io.IOException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One column's marginal seen from the latent Gaussian: consecutive z-intervals ("pieces"),
 * each either an atom (a category, a frequent or discrete value, or missing) or a continuous
 * stretch of values tabulated on a uniform z-grid. Mapping a latent z to a cell needs no call
 * to the normal CDF: a binary search over the piece bounds, then a table interpolation.
 */
final class ZMarginal {
    static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    /** Latent values beyond this are treated as this (Phi(-8.5) ~ 1e-17). */
    static final double Z_LIMIT = 8.5;

    /** Upper z bound of each piece (the last is +infinity). */
    final double[] upper;
    /** Cell of atom pieces (category index, value, NaN = missing); unused for continuous pieces. */
    final double[] cell;
    /** Values on a uniform grid over the piece's z-range for continuous pieces; null for atoms. */
    final double[][] grid;
    final double[] probability;
    /** The continuous family chosen, for reports ("discrete" for columns made of atoms). */
    final String family;
    /** For each cell of a uniform grid over [-Z_LIMIT, Z_LIMIT], the first piece a z in that cell can be in. */
    private final int[] guide = new int[GUIDE_CELLS];
    private static final int GUIDE_CELLS = 2048;
    private static final double GUIDE_SCALE = GUIDE_CELLS / (2 * Z_LIMIT);

    ZMarginal(double[] probability, double[] cell, double[][] grid, String family) {
        this.probability = probability;
        this.cell = cell;
        this.grid = grid;
        this.family = family;
        this.upper = new double[probability.length];
        double cumulative = 0;
        for (int i = 0; i < probability.length; i++) {
            cumulative += probability[i];
            upper[i] = i == probability.length - 1 || cumulative >= 1 ? Double.POSITIVE_INFINITY : inverse(cumulative);
        }
        int piece = 0;
        for (int g = 0; g < GUIDE_CELLS; g++) {
            double cellStart = -Z_LIMIT + g / GUIDE_SCALE;
            while (piece < upper.length - 1 && upper[piece] <= cellStart) {
                piece++;
            }
            guide[g] = piece;
        }
    }

    int pieces() {
        return probability.length;
    }

    double lower(int piece) {
        return piece == 0 ? Double.NEGATIVE_INFINITY : upper[piece - 1];
    }

    static double inverse(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** The piece holding z: a guide-table lookup, then a short forward scan (no unpredictable binary search). */
    int pieceOf(double z) {
        int g = (int) ((z + Z_LIMIT) * GUIDE_SCALE);
        int piece = g <= 0 ? 0 : g >= GUIDE_CELLS ? guide[GUIDE_CELLS - 1] : guide[g];
        while (piece < upper.length - 1 && z >= upper[piece]) {
            piece++;
        }
        return piece;
    }

    double cellOf(double z) {
        return cellOf(pieceOf(z), z);
    }

    double cellOf(int piece, double z) {
        double[] g = grid[piece];
        if (g == null) {
            return cell[piece];
        }
        double lo = Math.max(lower(piece), -Z_LIMIT);
        double hi = Math.min(upper[piece], Z_LIMIT);
        if (!(hi > lo)) {
            return g[g.length / 2];
        }
        double t = (Math.min(Math.max(z, lo), hi) - lo) / (hi - lo) * (g.length - 1);
        int i = (int) t;
        if (i >= g.length - 1) {
            return g[g.length - 1];
        }
        double f = t - i;
        return g[i] + f * (g[i + 1] - g[i]);
    }

    /** The latent z at which a continuous piece reaches value x (grid inverse), clamped to the piece. */
    double zAt(int piece, double x) {
        double[] g = grid[piece];
        double lo = Math.max(lower(piece), -Z_LIMIT);
        double hi = Math.min(upper[piece], Z_LIMIT);
        if (x <= g[0]) {
            return lower(piece);
        }
        if (x >= g[g.length - 1]) {
            return upper[piece];
        }
        int a = 0;
        int b = g.length - 1;
        while (b - a > 1) {
            int mid = (a + b) >>> 1;
            if (g[mid] < x) {
                a = mid;
            } else {
                b = mid;
            }
        }
        double f = g[b] == g[a] ? 0 : (x - g[a]) / (g[b] - g[a]);
        return lo + (a + f) / (g.length - 1) * (hi - lo);
    }

    /** E[Z | Z in piece]: the latent score a training value of an atom piece stands for. */
    double conditionalMean(int piece) {
        double a = lower(piece);
        double b = upper[piece];
        double mass = STANDARD.probability(a, b);
        if (mass <= 0) {
            return Double.isInfinite(a) ? b : a;
        }
        return (STANDARD.density(a) - STANDARD.density(b)) / mass;
    }

    void write(ModelOutput out) throws IOException {
        out.writeDoubles(probability);
        out.writeDoubles(cell);
        out.writeInt(grid.length);
        for (double[] g : grid) {
            out.writeBoolean(g != null);
            if (g != null) {
                out.writeDoubles(g);
            }
        }
        out.writeString(family);
    }

    static ZMarginal read(ModelInput in) throws IOException {
        double[] probability = in.readDoubles();
        double[] cell = in.readDoubles();
        double[][] grid = new double[in.readInt()][];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = in.readBoolean() ? in.readDoubles() : null;
        }
        return new ZMarginal(probability, cell, grid, in.readString());
    }
}
