package io.synthline.evaluator.engine.fidelity;

/**
 * SDMetrics' CorrelationSimilarity (Pearson): 1 - |r_real - r_synthetic| / 2, rows with a missing
 * value in either column dropped. With a threshold > 0, a pair whose real |r| is not above it
 * gets no score (and no synthetic correlation), as in SDMetrics' QualityReport.
 */
public final class CorrelationSimilarity {
    public static final String NAME = "CorrelationSimilarity";

    private CorrelationSimilarity() {
    }

    /** @param error SDMetrics' error text when the metric cannot be computed, else null */
    public record Breakdown(double score, double real, double synthetic, String error) {
    }

    public static Breakdown compute(String name1, String name2, double[] real1, double[] real2, double[] syn1,
            double[] syn2, double realCorrelationThreshold) {
        String constant = constantColumns(name1, name2, real1, real2, "real data");
        if (constant == null) {
            constant = constantColumns(name1, name2, syn1, syn2, "synthetic data");
        }
        if (constant != null) {
            return new Breakdown(Double.NaN, Double.NaN, Double.NaN, "ConstantInputError: " + constant);
        }
        double real = pearson(real1, real2);
        if (Double.isNaN(real) && countComplete(real1, real2) < 2) {
            return new Breakdown(Double.NaN, Double.NaN, Double.NaN, "ValueError: x and y must have length at least 2.");
        }
        if (realCorrelationThreshold > 0 && (Double.isNaN(real) || Math.abs(real) <= realCorrelationThreshold)) {
            return new Breakdown(Double.NaN, real, Double.NaN, null);
        }
        double synthetic = pearson(syn1, syn2);
        if (Double.isNaN(synthetic) && countComplete(syn1, syn2) < 2) {
            return new Breakdown(Double.NaN, Double.NaN, Double.NaN, "ValueError: x and y must have length at least 2.");
        }
        if (Double.isNaN(real) || Double.isNaN(synthetic)) {
            return new Breakdown(Double.NaN, real, synthetic, null);
        }
        return new Breakdown(1 - Math.abs(real - synthetic) / 2, real, synthetic, null);
    }

    /** Pearson's r over the rows where both values are present, computed as scipy does (centred, normalised); NaN if undefined. */
    public static double pearson(double[] x, double[] y) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
        return Math.max(-1, Math.min(1, r));
    }

    private static int countComplete(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        return n;
    }

    /** SDMetrics checks pandas' nunique() == 1 per column (missing values not counted) before anything else. */
    private static String constantColumns(String name1, String name2, double[] a, double[] b, String what) {
        boolean ca = isConstant(a);
        boolean cb = isConstant(b);
        if (ca && cb) {
            return "The " + what + " in columns '" + name1 + ", " + name2
                    + "' contains a constant value. Correlation is undefined for constant data.";
        }
        if (ca || cb) {
            return "The " + what + " in column '" + (ca ? name1 : name2)
                    + "' contains a constant value. Correlation is undefined for constant data.";
        }
        return null;
    }

    private static boolean isConstant(double[] v) {
        double first = Double.NaN;
        for (double x : v) {
            if (Double.isNaN(x)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = x;
            } else if (x != first) {
                return false;
            }
        }
        return !Double.isNaN(first);
    }
}
