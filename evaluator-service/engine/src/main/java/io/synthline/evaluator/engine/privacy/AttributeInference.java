package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.Sampling;
import io.synthline.evaluator.engine.ml.Classifier;
import io.synthline.evaluator.engine.ml.FeatureEncoder;
import io.synthline.evaluator.engine.ml.ModelKind;
import io.synthline.evaluator.engine.stats.Intervals;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Attribute inference of one sensitive column from quasi-identifiers, three ways:
 * <ul>
 * <li>CAP (correct attribution probability, as in SDMetrics' CAP metrics and DisclosureProtection):
 *     synthetic rows whose quasi-identifiers equal the target's exactly vote for the secret;</li>
 * <li>a classifier (logistic regression) trained on synthetic rows, predicting the secret of
 *     training rows (main) and holdout rows (control);</li>
 * <li>Anonymeter's nearest-neighbour guess: the secret of the synthetic row closest on the
 *     quasi-identifiers; continuous secrets count as guessed within 5 % of the true value.</li>
 * </ul>
 * Continuous secrets are cut at the real quartiles for CAP and the classifier.
 */
public final class AttributeInference {
    static final double RELATIVE_TOLERANCE = 0.05;
    static final int CLASSIFIER_TRAIN_ROWS = 20_000;

    private AttributeInference() {
    }

    public static Privacy.AttributeInference run(EvalData data, EvalColumn secret, List<EvalColumn> quasiIdentifiers,
            int maxAttacks, long seed, Parallel parallel) {
        SplittableRandom random = new SplittableRandom(seed);
        AttackSetup setup = AttackSetup.of(data, maxAttacks, random);
        Secret s = Secret.of(secret, data.real());
        Privacy.Cap cap = cap(setup, s, quasiIdentifiers);
        Privacy.Classifier classifier = classifier(data, setup, s, quasiIdentifiers, seed);
        Privacy.Risk nn = nearestNeighbour(setup, s, quasiIdentifiers, random, parallel);
        return new Privacy.AttributeInference(secret.name(), quasiIdentifiers.stream().map(EvalColumn::name).toList(), cap,
                classifier, nn);
    }

    /** The secret as a class index (category code, or quartile bin of a continuous column); -1 when missing. */
    record Secret(EvalColumn column, double[] cuts, int classes) {
        static Secret of(EvalColumn c, Frame real) {
            if (!c.isContinuous()) {
                return new Secret(c, null, c.cardinality());
            }
            double[] s = SampleQuantiles.sortedFinite(real.values(c.index()));
            double[] cuts = {SampleQuantiles.quantile(s, 0.25), SampleQuantiles.quantile(s, 0.5), SampleQuantiles.quantile(s, 0.75)};
            return new Secret(c, cuts, 4);
        }

        int classOf(Frame f, int row) {
            if (cuts == null) {
                return f.codes(column.index())[row];
            }
            double x = f.values(column.index())[row];
            if (Double.isNaN(x)) {
                return -1;
            }
            int k = 0;
            while (k < cuts.length && x >= cuts[k]) {
                k++;
            }
            return k;
        }

        String name(int k) {
            return cuts == null ? column.categories().get(k) : "q" + (k + 1);
        }
    }

    static Privacy.Cap cap(AttackSetup setup, Secret secret, List<EvalColumn> qis) {
        Map<Key, int[]> votes = new HashMap<>();
        Frame syn = setup.synthetic();
        for (int i = 0; i < syn.rows(); i++) {
            int k = secret.classOf(syn, i);
            if (k >= 0) {
                votes.computeIfAbsent(Key.of(syn, i, qis), x -> new int[secret.classes() + 1])[k]++;
            }
        }
        for (int[] v : votes.values()) {
            int total = 0;
            for (int k = 0; k < secret.classes(); k++) {
                total += v[k];
            }
            v[secret.classes()] = total;
        }
        double[] main = capScores(setup.targets(), secret, qis, votes);
        double[] control = capScores(setup.controls(), secret, qis, votes);
        boolean[] present = new boolean[secret.classes()];
        Frame real = setup.train();
        for (int i = 0; i < real.rows(); i++) {
            int k = secret.classOf(real, i);
            if (k >= 0) {
                present[k] = true;
            }
        }
        int distinct = 0;
        for (boolean p : present) {
            distinct += p ? 1 : 0;
        }
        double baseline = distinct == 0 ? Double.NaN : 1.0 / distinct;
        double protection = baseline >= 1 ? 1.0 : Math.min(1.0, (1 - main[2]) / (1 - baseline));
        return new Privacy.Cap(main[0], main[1], main[2], baseline, protection, control[2]);
    }

    /** {mean CAP over targets with a match, share of targets with a match, mean CAP with 0 for no match}. */
    private static double[] capScores(Frame targets, Secret secret, List<EvalColumn> qis, Map<Key, int[]> votes) {
        double sum = 0;
        int matched = 0;
        int n = 0;
        for (int i = 0; i < targets.rows(); i++) {
            int k = secret.classOf(targets, i);
            if (k < 0) {
                continue;
            }
            n++;
            int[] v = votes.get(Key.of(targets, i, qis));
            if (v != null && v[secret.classes()] > 0) {
                matched++;
                sum += (double) v[k] / v[secret.classes()];
            }
        }
        return new double[] {matched == 0 ? 0 : sum / matched, n == 0 ? 0 : (double) matched / n, n == 0 ? 0 : sum / n};
    }

    static Privacy.Classifier classifier(EvalData data, AttackSetup setup, Secret secret, List<EvalColumn> qis, long seed) {
        Frame syn = setup.synthetic();
        int[] sample = Sampling.sample(syn.rows(), CLASSIFIER_TRAIN_ROWS, new SplittableRandom(seed));
        FeatureEncoder encoder = new FeatureEncoder(qis, data.real());
        List<Example<Label>> train = new ArrayList<>();
        long[] counts = new long[secret.classes()];
        for (int i : sample) {
            int k = secret.classOf(syn, i);
            if (k >= 0) {
                train.add(encoder.example(syn, i, secret.name(k)));
                counts[k]++;
            }
        }
        int majority = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[majority]) {
                majority = k;
            }
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < secret.classes(); k++) {
            classes.add(secret.name(k));
        }
        Classifier model = Classifier.train(ModelKind.LOGISTIC_REGRESSION, train, seed);
        long[] main = accuracy(model, encoder, setup.targets(), secret, classes, majority);
        long[] control = accuracy(model, encoder, setup.controls(), secret, classes, majority);
        return new Privacy.Classifier(ModelKind.LOGISTIC_REGRESSION.id(), Intervals.wilson(main[0], main[2]),
                Intervals.wilson(control[0], control[2]), main[2] == 0 ? Double.NaN : (double) main[1] / main[2]);
    }

    /** {correct, correct by majority guess, n}. */
    private static long[] accuracy(Classifier model, FeatureEncoder encoder, Frame targets, Secret secret,
            List<String> classes, int majority) {
        List<Example<Label>> examples = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < targets.rows(); i++) {
            int k = secret.classOf(targets, i);
            if (k >= 0) {
                examples.add(encoder.example(targets, i, null));
                truth.add(k);
            }
        }
        if (examples.isEmpty()) {
            return new long[3];
        }
        int[] predicted = Classifier.argmax(model.probabilities(examples, classes));
        long correct = 0;
        long majorityCorrect = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == truth.get(i) ? 1 : 0;
            majorityCorrect += truth.get(i) == majority ? 1 : 0;
        }
        return new long[] {correct, majorityCorrect, predicted.length};
    }

    static Privacy.Risk nearestNeighbour(AttackSetup setup, Secret secret, List<EvalColumn> qis, SplittableRandom random,
            Parallel parallel) {
        Projection p = Projection.of(qis);
        GowerSpace space = p.space(setup.train());
        Frame syn = setup.synthetic();
        int[] mainGuess = NearestRecords.search(space, p.apply(setup.targets()), p.apply(syn), parallel).nearestIndex();
        int[] controlGuess = NearestRecords.search(space, p.apply(setup.controls()), p.apply(syn), parallel).nearestIndex();
        long main = 0;
        long control = 0;
        long baseline = 0;
        for (int i = 0; i < mainGuess.length; i++) {
            main += correct(secret, syn, mainGuess[i], setup.targets(), i) ? 1 : 0;
            control += correct(secret, syn, controlGuess[i], setup.controls(), i) ? 1 : 0;
            baseline += correct(secret, syn, random.nextInt(syn.rows()), setup.targets(), i) ? 1 : 0;
        }
        int n = mainGuess.length;
        Rate mainRate = Intervals.wilson(main, n);
        Rate controlRate = Intervals.wilson(control, n);
        return new Privacy.Risk("attribute inference: secret of the nearest synthetic row on the quasi-identifiers", n,
                mainRate, controlRate, Intervals.wilson(baseline, n), Intervals.residualRisk(mainRate, controlRate),
                List.of(secret.column().isContinuous() ? "a guess within 5% of the true value counts as correct"
                        : "an equal value counts as correct"));
    }

    private static boolean correct(Secret secret, Frame syn, int guessRow, Frame targets, int row) {
        EvalColumn c = secret.column();
        if (!c.isContinuous()) {
            int truth = targets.codes(c.index())[row];
            return truth >= 0 && syn.codes(c.index())[guessRow] == truth;
        }
        double truth = targets.values(c.index())[row];
        double guess = syn.values(c.index())[guessRow];
        return !Double.isNaN(truth) && !Double.isNaN(guess) && Math.abs(guess - truth) <= RELATIVE_TOLERANCE * Math.abs(truth);
    }

    /** The exact quasi-identifier values of a row. */
    private record Key(long[] parts) {
        static Key of(Frame f, int row, List<EvalColumn> qis) {
            long[] p = new long[qis.size()];
            for (int k = 0; k < p.length; k++) {
                EvalColumn c = qis.get(k);
                p[k] = c.isContinuous() ? Double.doubleToLongBits(f.values(c.index())[row]) : f.codes(c.index())[row];
            }
            return new Key(p);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(parts, k.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return Arrays.toString(parts);
        }
    }
}
