package io.synthline.commons.evaluation;

import java.util.List;

/**
 * Classifier two-sample test: models learn to tell real rows (label 1) from synthetic rows
 * (label 0); ROC AUC under stratified k-fold cross-validation. 0.5 means indistinguishable.
 * {@code score} follows SDMetrics' LogisticDetection convention: 1 - 2 * (max(AUC, 0.5) - 0.5).
 */
public record Detection(List<Model> models, int folds, int realRows, int syntheticRows) {

    public record Model(String model, double auc, double aucStd, double score) {
    }
}
