package io.synthline.evaluator.engine.ml;

import io.synthline.commons.evaluation.Utility;
import io.synthline.evaluator.engine.stats.RocAuc;

/** Accuracy, F1 and ROC AUC of predicted class probabilities against true class indices. */
public final class Scores {
    private Scores() {
    }

    /**
     * @param positive index of the positive class for binary problems; -1 for macro averages
     */
    public static Utility.Scores of(int[] truth, double[][] probabilities, int classes, int positive) {
        int[] predicted = Classifier.argmax(probabilities);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        double accuracy = truth.length == 0 ? Double.NaN : (double) correct / truth.length;
        double f1;
        Double auc;
        if (classes == 2 && positive >= 0) {
            f1 = f1(truth, predicted, positive);
            auc = nanToNull(rocAuc(truth, probabilities, positive));
        } else {
            double f = 0;
            double a = 0;
            int n = 0;
            int na = 0;
            for (int k = 0; k < classes; k++) {
                f += f1(truth, predicted, k);
                n++;
                double ak = rocAuc(truth, probabilities, k);
                if (!Double.isNaN(ak)) {
                    a += ak;
                    na++;
                }
            }
            f1 = f / n;
            auc = na == 0 ? null : a / na;
        }
        return new Utility.Scores(accuracy, f1, auc);
    }

    public static double f1(int[] truth, int[] predicted, int positive) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean t = truth[i] == positive;
            boolean p = predicted[i] == positive;
            tp += t && p ? 1 : 0;
            fp += !t && p ? 1 : 0;
            fn += t && !p ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** One-vs-rest AUC of class k; NaN when the truth has only one side. */
    public static double rocAuc(int[] truth, double[][] probabilities, int k) {
        double[] score = new double[truth.length];
        boolean[] positive = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            score[i] = probabilities[i][k];
            positive[i] = truth[i] == k;
        }
        return RocAuc.auc(score, positive);
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
