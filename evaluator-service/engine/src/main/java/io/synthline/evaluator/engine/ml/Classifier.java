package io.synthline.evaluator.engine.ml;

import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** A trained Tribuo classifier with class probabilities in a fixed class order. */
public final class Classifier {
    private static final LabelFactory LABELS = new LabelFactory();
    /** Tribuo logs every training at INFO; evaluations train dozens of models. Held strongly so the level sticks. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Model<Label> model;

    private Classifier(Model<Label> model) {
        this.model = model;
    }

    public static Classifier train(ModelKind kind, List<Example<Label>> examples, long seed) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthline-evaluator", LABELS), LABELS);
        data.addAll(examples);
        return new Classifier(kind.trainer(seed).train(data));
    }

    /** Probabilities per example, columns in the order of {@code classes} (0 for a class the model never saw). */
    public double[][] probabilities(List<Example<Label>> examples, List<String> classes) {
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] out = new double[predictions.size()][classes.size()];
        for (int i = 0; i < out.length; i++) {
            Prediction<Label> p = predictions.get(i);
            Map<String, Label> scores = p.getOutputScores();
            if (p.hasProbabilities() && !scores.isEmpty()) {
                for (int k = 0; k < classes.size(); k++) {
                    Label s = scores.get(classes.get(k));
                    out[i][k] = s == null ? 0 : s.getScore();
                }
            } else {
                int k = classes.indexOf(p.getOutput().getLabel());
                if (k >= 0) {
                    out[i][k] = 1;
                }
            }
        }
        return out;
    }

    /** Index of the most probable class per row (the first on ties). */
    public static int[] argmax(double[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
