package io.synthline.evaluator.engine.utility;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Utility;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.Sampling;
import io.synthline.evaluator.engine.ml.Classifier;
import io.synthline.evaluator.engine.ml.FeatureEncoder;
import io.synthline.evaluator.engine.ml.ModelKind;
import io.synthline.evaluator.engine.ml.Scores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * TSTR versus TRTR for a discrete label. The test set is the holdout when there is one; otherwise
 * a seeded 20 % of the real rows, which the TRTR model does not train on (the synthesizer did see
 * them, so TSTR is then slightly optimistic; the report says which test set was used).
 */
public final class MlUtility {
    static final double TEST_SHARE = 0.2;

    private MlUtility() {
    }

    /**
     * Everything fairness needs from the utility run too.
     *
     * @param test        the real test rows
     * @param truth       class index of each test row
     * @param predictions per model family, the class index each model predicts: [0] trained on real, [1] on synthetic
     */
    public record Run(Utility utility, Frame test, int[] truth, List<String> classes, int positive,
            Map<ModelKind, int[][]> predictions) {
    }

    /** @param parallel where the model trainings run; the result does not depend on its thread count */
    public static Run run(EvalData data, EvalColumn label, long seed, Parallel parallel) {
        SplittableRandom random = new SplittableRandom(seed);
        Frame trainReal;
        Frame test;
        String testSet;
        if (data.holdout().isPresent()) {
            trainReal = data.real();
            test = data.holdout().get();
            testSet = "holdout (" + test.rows() + " real rows the synthesizer never saw)";
        } else {
            int[] p = Sampling.permutation(data.real().rows(), random);
            int nTest = (int) Math.round(p.length * TEST_SHARE);
            test = data.real().select(Arrays.copyOfRange(p, 0, nTest));
            trainReal = data.real().select(Arrays.copyOfRange(p, nTest, p.length));
            testSet = "a seeded 20% split of the real rows (" + nTest + "); TRTR did not train on them but the "
                    + "synthesizer saw them: pass a holdout for an unbiased TSTR";
        }
        Frame syn = data.synthetic();
        int l = label.index();
        trainReal = withLabel(trainReal, l);
        test = withLabel(test, l);
        syn = withLabel(syn, l);
        long[] counts = new long[label.cardinality()];
        for (int code : trainReal.codes(l)) {
            counts[code]++;
        }
        List<String> classes = new ArrayList<>();
        int[] classOf = new int[label.cardinality()];
        Arrays.fill(classOf, -1);
        for (Frame f : List.of(trainReal, syn, test)) {
            for (int code : f.codes(l)) {
                if (classOf[code] < 0) {
                    classOf[code] = classes.size();
                    classes.add(label.categories().get(code));
                }
            }
        }
        int positive = -1;
        if (classes.size() == 2) {
            int codeA = label.categories().indexOf(classes.get(0));
            int codeB = label.categories().indexOf(classes.get(1));
            // the less frequent class in the real training rows is the positive one (e.g. >50K in Adult)
            positive = counts[codeA] <= counts[codeB] ? 0 : 1;
        }
        List<EvalColumn> features = data.columns().stream().filter(c -> c.index() != l).toList();
        FeatureEncoder encoder = new FeatureEncoder(features, trainReal);
        List<Example<Label>> realExamples = examples(encoder, trainReal, l, label);
        List<Example<Label>> synExamples = examples(encoder, syn, l, label);
        List<Example<Label>> testExamples = examples(encoder, test, l, label);
        Frame testFrame = test;
        int[] truth = IntStream.range(0, test.rows()).map(i -> classOf[testFrame.codes(l)[i]]).toArray();
        List<Utility.Model> models = new ArrayList<>();
        Map<ModelKind, int[][]> predictions = new EnumMap<>(ModelKind.class);
        ModelKind[] kinds = ModelKind.values();
        // independent trainings (each model family on real and on synthetic rows)
        List<double[][]> probabilities = parallel.map(kinds.length * 2, task -> Classifier.train(kinds[task / 2],
                task % 2 == 0 ? realExamples : synExamples, seed).probabilities(testExamples, classes));
        for (int k = 0; k < kinds.length; k++) {
            double[][] pReal = probabilities.get(2 * k);
            double[][] pSyn = probabilities.get(2 * k + 1);
            Utility.Scores trtr = Scores.of(truth, pReal, classes.size(), positive);
            Utility.Scores tstr = Scores.of(truth, pSyn, classes.size(), positive);
            Double aucGap = trtr.rocAuc() == null || tstr.rocAuc() == null ? null : trtr.rocAuc() - tstr.rocAuc();
            models.add(new Utility.Model(kinds[k].id(), trtr, tstr, new Utility.Scores(trtr.accuracy() - tstr.accuracy(),
                    trtr.f1() - tstr.f1(), aucGap)));
            predictions.put(kinds[k], new int[][] {Classifier.argmax(pReal), Classifier.argmax(pSyn)});
        }
        Utility utility = new Utility(label.name(), classes, positive < 0 ? null : classes.get(positive), testSet,
                trainReal.rows(), syn.rows(), test.rows(), models);
        return new Run(utility, test, truth, classes, positive, predictions);
    }

    private static Frame withLabel(Frame f, int l) {
        int[] codes = f.codes(l);
        int[] keep = IntStream.range(0, f.rows()).filter(i -> codes[i] >= 0).toArray();
        return keep.length == f.rows() ? f : f.select(keep);
    }

    private static List<Example<Label>> examples(FeatureEncoder encoder, Frame f, int l, EvalColumn label) {
        List<Example<Label>> out = new ArrayList<>(f.rows());
        int[] codes = f.codes(l);
        for (int i = 0; i < f.rows(); i++) {
            out.add(encoder.example(f, i, label.categories().get(codes[i])));
        }
        return out;
    }
}
