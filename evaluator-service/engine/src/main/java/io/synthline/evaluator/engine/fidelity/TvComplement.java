package io.synthline.evaluator.engine.fidelity;

/**
 * SDMetrics' TVComplement: 1 - total variation distance between the category frequencies of the
 * real and synthetic column, missing values dropped. Replicates SDMetrics' regularisation: a
 * category seen only in the synthetic data gets a real count of 1e-6, which also enters the real
 * total.
 */
public final class TvComplement {
    public static final String NAME = "TVComplement";
    private static final double UNSEEN_REAL_COUNT = 1e-6;

    private TvComplement() {
    }

    /** @param cardinality codes are in [0, cardinality); -1 is missing. NaN when either side has no values. */
    public static double compute(int[] real, int[] synthetic, int cardinality) {
        long[] r = counts(real, cardinality);
        long[] s = counts(synthetic, cardinality);
        long realN = 0;
        long synN = 0;
        int unseen = 0;
        for (int k = 0; k < cardinality; k++) {
            realN += r[k];
            synN += s[k];
            if (r[k] == 0 && s[k] > 0) {
                unseen++;
            }
        }
        if (realN == 0 || synN == 0) {
            return Double.NaN;
        }
        double realTotal = realN + unseen * UNSEEN_REAL_COUNT;
        double tv = 0;
        for (int k = 0; k < cardinality; k++) {
            if (r[k] == 0 && s[k] == 0) {
                continue;
            }
            double realCount = r[k] == 0 ? UNSEEN_REAL_COUNT : r[k];
            tv += Math.abs((double) s[k] / synN - realCount / realTotal);
        }
        return 1 - 0.5 * tv;
    }

    static long[] counts(int[] codes, int cardinality) {
        long[] c = new long[cardinality];
        for (int code : codes) {
            if (code >= 0) {
                c[code]++;
            }
        }
        return c;
    }
}
