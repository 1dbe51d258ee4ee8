package io.synthline.evaluator.engine.utility;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Detection;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.Sampling;
import io.synthline.evaluator.engine.ml.Classifier;
import io.synthline.evaluator.engine.ml.FeatureEncoder;
import io.synthline.evaluator.engine.ml.ModelKind;
import io.synthline.evaluator.engine.stats.RocAuc;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Detection: can a classifier tell real rows from synthetic ones? Up to {@code maxRowsPerSide}
 * rows of each are sampled, labelled, and scored by ROC AUC of P(real) under stratified k-fold
 * cross-validation for each model family. SDMetrics' LogisticDetection reports 1 - 2 * (AUC - 0.5)
 * with AUC floored at 0.5; {@code score} is that.
 */
public final class ClassifierTwoSampleTest {
    static final String REAL = "real";
    static final String SYNTHETIC = "synthetic";

    private ClassifierTwoSampleTest() {
    }

    /** @param parallel where the (model, fold) trainings run; the result does not depend on its thread count */
    public static Detection run(EvalData data, int maxRowsPerSide, int folds, long seed, Parallel parallel) {
        SplittableRandom random = new SplittableRandom(seed);
        Frame real = data.real().select(Sampling.sample(data.real().rows(), maxRowsPerSide, random));
        Frame syn = data.synthetic().select(Sampling.sample(data.synthetic().rows(), maxRowsPerSide, random));
        FeatureEncoder encoder = new FeatureEncoder(data.columns(), real);
        List<Example<Label>> examples = new ArrayList<>(real.rows() + syn.rows());
        int[] fold = new int[real.rows() + syn.rows()];
        for (int i = 0; i < real.rows(); i++) {
            fold[examples.size()] = i % folds;
            examples.add(encoder.example(real, i, REAL));
        }
        for (int i = 0; i < syn.rows(); i++) {
            fold[examples.size()] = i % folds;
            examples.add(encoder.example(syn, i, SYNTHETIC));
        }
        // rows were sampled in random order, so i % folds is a stratified random assignment
        int realRows = real.rows();
        int kinds = ModelKind.values().length;
        // every (model, fold) is independent: train them in parallel (XGBoost itself runs single-threaded)
        List<Double> aucs = parallel.map(kinds * folds, task -> {
            ModelKind kind = ModelKind.values()[task / folds];
            int f = task % folds;
            List<Example<Label>> train = new ArrayList<>();
            List<Example<Label>> test = new ArrayList<>();
            List<Boolean> isReal = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    test.add(examples.get(i));
                    isReal.add(i < realRows);
                } else {
                    train.add(examples.get(i));
                }
            }
            Classifier model = Classifier.train(kind, train, seed + f);
            double[][] p = model.probabilities(test, List.of(REAL, SYNTHETIC));
            double[] score = new double[p.length];
            boolean[] positive = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                score[i] = p[i][0];
                positive[i] = isReal.get(i);
            }
            return RocAuc.auc(score, positive);
        });
        List<Detection.Model> models = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            double mean = 0;
            for (int f = 0; f < folds; f++) {
                mean += aucs.get(k * folds + f);
            }
            mean /= folds;
            double var = 0;
            for (int f = 0; f < folds; f++) {
                var += Math.pow(aucs.get(k * folds + f) - mean, 2);
            }
            double sd = folds > 1 ? Math.sqrt(var / (folds - 1)) : 0;
            models.add(new Detection.Model(ModelKind.values()[k].id(), mean, sd, 1 - 2 * (Math.max(mean, 0.5) - 0.5)));
        }
        return new Detection(models, folds, real.rows(), syn.rows());
    }
}
