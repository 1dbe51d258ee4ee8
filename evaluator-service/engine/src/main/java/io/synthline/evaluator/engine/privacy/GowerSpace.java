package io.synthline.evaluator.engine.privacy;

import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.Frame;
import java.util.List;

/**
 * SDMetrics' DCR distance ({@code calculate_dcr}) against one reference table: for a continuous
 * column |x - y| / (max - min of the reference), capped at 1 (a constant reference column gives 1
 * for any difference); for a discrete column 0 if equal, else 1; a missing value is at distance 0
 * from a missing value and 1 from anything else; the row distance is the mean over the columns.
 *
 * <p>For the search kernel every column is mapped to floats such that the column term is always
 * {@code min(|a - b|, 1)}: continuous values become (x - min) / range, categories their code, and
 * missing values a far sentinel. The exact distance is recomputed in double for the winners.
 */
public final class GowerSpace {
    /** Far from every encoded value, finite so that sentinel - sentinel = 0. */
    static final float MISSING = -3.0e38f;

    private final List<EvalColumn> columns;
    private final double[] min;
    private final double[] range;

    public GowerSpace(List<EvalColumn> columns, Frame reference) {
        this(columns, new Frame[] {reference});
    }

    /**
     * One distance for several reference tables: continuous columns scaled by the range over all
     * of them. Comparing distances to two tables (training and holdout) needs this: scaled by each
     * table's own range, the smaller table's narrower range makes every distance to it longer.
     */
    public static GowerSpace common(List<EvalColumn> columns, Frame... references) {
        return new GowerSpace(columns, references);
    }

    private GowerSpace(List<EvalColumn> columns, Frame[] references) {
        this.columns = List.copyOf(columns);
        int d = columns.size();
        min = new double[d];
        range = new double[d];
        for (int c = 0; c < d; c++) {
            if (!columns.get(c).isContinuous()) {
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Frame reference : references) {
                for (double v : reference.values(c)) {
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            min[c] = lo;
            range[c] = lo > hi ? Double.NaN : hi - lo;
        }
    }

    public List<EvalColumn> columns() {
        return columns;
    }

    public int dimensions() {
        return columns.size();
    }

    /** The reference range of a continuous column (NaN when the reference column is all missing). */
    public double range(int column) {
        return range[column];
    }

    /** Column-major float encoding of a table for the kernel. */
    public float[][] encode(Frame frame) {
        int d = columns.size();
        float[][] out = new float[d][frame.rows()];
        for (int c = 0; c < d; c++) {
            float[] o = out[c];
            if (columns.get(c).isContinuous()) {
                double[] v = frame.values(c);
                double r = range[c];
                for (int i = 0; i < o.length; i++) {
                    double x = v[i];
                    if (Double.isNaN(x)) {
                        o[i] = MISSING;
                    } else if (Double.isNaN(r)) {
                        o[i] = 0f; // the reference has only missing values: any value is at distance 1
                    } else if (r == 0) {
                        o[i] = x == min[c] ? 0f : 2f; // constant reference: any difference is 1
                    } else {
                        o[i] = (float) ((x - min[c]) / r);
                    }
                }
            } else {
                int[] codes = frame.codes(c);
                for (int i = 0; i < o.length; i++) {
                    o[i] = codes[i] < 0 ? MISSING : codes[i];
                }
            }
        }
        return out;
    }

    /** The exact distance (SDMetrics' formula in double) between row a of one table and row b of the reference. */
    public double distance(Frame a, int rowA, Frame reference, int rowB) {
        double sum = 0;
        int d = columns.size();
        for (int c = 0; c < d; c++) {
            sum += term(c, a, rowA, reference, rowB);
        }
        return sum / d;
    }

    double term(int c, Frame a, int rowA, Frame reference, int rowB) {
        if (columns.get(c).isContinuous()) {
            double x = a.values(c)[rowA];
            double y = reference.values(c)[rowB];
            boolean xm = Double.isNaN(x);
            boolean ym = Double.isNaN(y);
            if (xm || ym) {
                return xm && ym ? 0 : 1;
            }
            double diff = Math.abs(y - x);
            double r = range[c];
            return r == 0 ? (diff > 0 ? 1 : 0) : Math.min(diff / r, 1.0);
        }
        return a.codes(c)[rowA] == reference.codes(c)[rowB] ? 0 : 1;
    }
}
