package io.synthline.commons.evaluation;

import java.util.List;

/**
 * Machine-learning utility for the label column: train on real (TRTR) versus train on synthetic
 * (TSTR), both tested on the same real rows the models never saw. {@code gap} is TRTR - TSTR (positive:
 * synthetic data costs that much). ROC AUC is binary for two classes, else the macro average of
 * one-vs-rest AUCs.
 *
 * @param testSet which real rows were the test set, and whether the synthesizer saw them
 */
public record Utility(String label, List<String> classes, String positiveClass, String testSet, int trainRowsReal,
        int trainRowsSynthetic, int testRows, List<Model> models) {

    public record Model(String model, Scores trtr, Scores tstr, Scores gap) {
    }

    /** @param f1 F1 of the positive class for binary labels, macro F1 otherwise */
    public record Scores(double accuracy, double f1, Double rocAuc) {
    }
}
