package io.synthline.evaluator.engine.stats;

import io.synthline.commons.evaluation.EvaluationDocument.Interval;
import java.util.Arrays;

/** Area under the ROC curve as the Mann-Whitney statistic (ties count one half). */
public final class RocAuc {
    private RocAuc() {
    }

    /** @param positive scores of the positive class; @param negative scores of the negative class (higher = more positive) */
    public static double auc(double[] positive, double[] negative) {
        if (positive.length == 0 || negative.length == 0) {
            return Double.NaN;
        }
        double[] neg = negative.clone();
        Arrays.sort(neg);
        double sum = 0;
        for (double p : positive) {
            int below = SortedArrays.lowerBound(neg, p);
            int notAbove = SortedArrays.upperBound(neg, p);
            sum += below + 0.5 * (notAbove - below);
        }
        return sum / ((double) positive.length * neg.length);
    }

    /** AUC from per-row scores and 0/1 labels. */
    public static double auc(double[] scores, boolean[] isPositive) {
        int np = 0;
        for (boolean b : isPositive) {
            np += b ? 1 : 0;
        }
        double[] pos = new double[np];
        double[] neg = new double[scores.length - np];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (isPositive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        return auc(pos, neg);
    }

    /** Hanley and McNeil (1982) standard error of an AUC, as a normal-approximation interval clipped to [0, 1]. */
    public static Interval hanleyMcNeil(double auc, int positives, int negatives) {
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double var = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc))
                / ((double) positives * negatives);
        double se = Math.sqrt(Math.max(var, 0));
        return new Interval(Math.max(0, auc - Intervals.z() * se), Math.min(1, auc + Intervals.z() * se), Intervals.LEVEL);
    }
}
