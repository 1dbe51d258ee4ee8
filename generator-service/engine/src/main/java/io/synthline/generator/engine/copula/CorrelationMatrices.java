package io.synthline.generator.engine.copula;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/** The correlation-matrix work of the copula (Hipparchus underneath): repair, factor and invert correlation matrices. */
final class CorrelationMatrices {
    static final double MIN_EIGENVALUE = 1e-4;

    private CorrelationMatrices() {
    }

    private static final int BLOCK = 1024;

    /**
     * Pearson correlations of the rows of {@code scores} (one row per column, equal lengths).
     * Works through blocks of rows, centred into a small buffer that stays in cache, with four
     * independent sums per dot product so that the multiply-adds are not one serial chain.
     */
    static double[][] pearson(double[][] scores) {
        int m = scores.length;
        int n = scores[0].length;
        double[] mean = new double[m];
        double[] sd = new double[m];
        for (int c = 0; c < m; c++) {
            mean[c] = mean(scores[c]);
            sd[c] = standardDeviation(scores[c], mean[c]);
        }
        double[][] sum = new double[m][m];
        double[][] block = new double[m][BLOCK];
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(BLOCK, n - from);
            for (int c = 0; c < m; c++) {
                double[] x = scores[c];
                double[] centred = block[c];
                double mu = mean[c];
                for (int i = 0; i < len; i++) {
                    centred[i] = x[from + i] - mu;
                }
            }
            for (int a = 0; a < m; a++) {
                double[] x = block[a];
                for (int b = a + 1; b < m; b++) {
                    sum[a][b] += dot(x, block[b], len);
                }
            }
        }
        double[][] r = new double[m][m];
        for (int a = 0; a < m; a++) {
            r[a][a] = 1;
            for (int b = a + 1; b < m; b++) {
                double v = sd[a] > 0 && sd[b] > 0 ? sum[a][b] / n / (sd[a] * sd[b]) : 0;
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        return r;
    }

    private static double dot(double[] x, double[] y, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < len; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The population standard deviation (divided by n). */
    static double standardDeviation(double[] values) {
        return standardDeviation(values, mean(values));
    }

    private static double standardDeviation(double[] values, double mean) {
        double q = 0;
        for (double v : values) {
            q += (v - mean) * (v - mean);
        }
        return Math.sqrt(q / values.length);
    }

    /** The closest (in eigenvalues) positive definite matrix with unit diagonal. */
    static double[][] repair(double[][] r) {
        int m = r.length;
        if (m == 0) {
            return r;
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(r, true));
        double[] values = eig.getEigenvalues().clone();
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < MIN_EIGENVALUE) {
                values[i] = MIN_EIGENVALUE;
                changed = true;
            }
        }
        if (!changed) {
            return r;
        }
        RealMatrix v = eig.getV();
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += v.getEntry(a, k) * values[k] * v.getEntry(b, k);
                }
                out[a][b] = s;
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a != b) {
                    out[a][b] /= Math.sqrt(out[a][a] * out[b][b]);
                }
            }
        }
        for (int a = 0; a < m; a++) {
            out[a][a] = 1;
        }
        return out;
    }

    /** Lower-triangular L with L L^T = r (r repaired first if it is not positive definite). */
    static double[][] cholesky(double[][] r) {
        if (r.length == 0) {
            return r;
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(r, true), 1e-12, 1e-12).getL().getData();
        } catch (RuntimeException notPositiveDefinite) {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(repair(r), true), 1e-12, 1e-12).getL().getData();
        }
    }

    static double[][] inverse(double[][] r) {
        return new LUDecomposition(new Array2DRowRealMatrix(r, true)).getSolver().getInverse().getData();
    }

    static double[][] sub(double[][] r, int[] rows, int[] cols) {
        double[][] out = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = r[rows[i]][cols[j]];
            }
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = k == 0 ? 0 : b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += a[i][t] * b[t][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** Top eigenvector of the generally non-symmetric W^-1 B, by power iteration from a fixed start. */
    static double[] topDirection(double[][] wInverse, double[][] between) {
        int m = between.length;
        double[][] a = multiply(wInverse, between);
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = 1.0 / Math.sqrt(m) * (1 + 0.01 * i);
        }
        for (int iter = 0; iter < 50; iter++) {
            double[] next = new double[m];
            double norm = 0;
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += a[i][j] * v[j];
                }
                next[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return v;
            }
            for (int i = 0; i < m; i++) {
                v[i] = next[i] / norm;
            }
        }
        return v;
    }
}
