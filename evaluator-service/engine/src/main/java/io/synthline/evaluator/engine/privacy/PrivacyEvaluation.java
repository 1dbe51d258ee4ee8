package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.EvaluationDocument.Interval;
import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.stats.Intervals;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The privacy section: exact DCR metrics always; the attacks when a holdout provides the control. */
public final class PrivacyEvaluation {
    static final int HISTOGRAM_BINS = 20;
    static final String DISTANCE = "SDMetrics DCR distance: numeric |x - y| / range of the reference table capped at 1, "
            + "categorical 0/1, missing = missing, mean over columns; exact over all row pairs";

    private PrivacyEvaluation() {
    }

    /**
     * @param sensitive        columns whose values an attacker tries to infer
     * @param quasiIdentifiers what the attacker knows; empty means every other evaluated column
     * @param maxAttacks       targets per attack (and as many control rows)
     */
    public record Options(List<EvalColumn> sensitive, List<EvalColumn> quasiIdentifiers, int maxAttacks, long seed) {
    }

    public record Result(Privacy privacy, Map<String, String> skipped) {
    }

    /** @param parallel where the nearest-record searches run; the result does not depend on its thread count */
    public static Result run(EvalData data, Options options, Parallel parallel) {
        Map<String, String> skipped = new LinkedHashMap<>();
        List<EvalColumn> cols = data.columns();
        Frame train = data.real();
        Frame syn = data.synthetic();
        NearestRecords.Result synToTrain = NearestRecords.search(new GowerSpace(cols, train), syn, train, parallel);
        Privacy.DcrBaselineProtection baseline = DcrMetrics.baselineProtection(data, synToTrain.nearest(), options.seed(),
                parallel);
        double upper = 1.0;
        Privacy.DcrOverfittingProtection overfitting = null;
        Privacy.Share share = null;
        Privacy.Distribution synToHoldoutDist = null;
        Privacy.Distribution holdoutToTrainDist = null;
        Privacy.Distribution holdoutNndr = null;
        Double holdoutIdentical = null;
        Interval holdoutIdenticalCi = null;
        Privacy.Attacks attacks = null;
        if (data.holdout().isPresent()) {
            Frame holdout = data.holdout().get();
            double[] synToHoldout = NearestRecords.search(new GowerSpace(cols, holdout), syn, holdout, parallel).nearest();
            NearestRecords.Result holdoutToTrain = NearestRecords.search(new GowerSpace(cols, train), holdout, train, parallel);
            overfitting = DcrMetrics.overfittingProtection(synToTrain.nearest(), synToHoldout);
            share = DcrMetrics.closerToTrainingShare(cols, syn, train, holdout, parallel);
            synToHoldoutDist = SampleQuantiles.distribution(synToHoldout, 0, upper, HISTOGRAM_BINS);
            holdoutToTrainDist = SampleQuantiles.distribution(holdoutToTrain.nearest(), 0, upper, HISTOGRAM_BINS);
            holdoutNndr = SampleQuantiles.distribution(nndr(holdoutToTrain), 0, 1, HISTOGRAM_BINS);
            long identical = zeros(holdoutToTrain.nearest());
            Rate r = Intervals.wilson(identical, holdout.rows());
            holdoutIdentical = r.value();
            holdoutIdenticalCi = Intervals.interval(r);
            attacks = attacks(data, options, skipped, parallel);
        } else {
            String reason = "needs a holdout: real rows the synthesizer never saw";
            skipped.put("privacy.DCROverfittingProtection", reason);
            skipped.put("privacy.dcrShare", reason);
            skipped.put("privacy.attacks", reason + " (the control of every attack)");
        }
        long identical = zeros(synToTrain.nearest());
        Rate syntheticIdentical = Intervals.wilson(identical, syn.rows());
        Privacy privacy = new Privacy(DISTANCE, baseline, overfitting,
                new Privacy.Dcr(SampleQuantiles.distribution(synToTrain.nearest(), 0, upper, HISTOGRAM_BINS), synToHoldoutDist,
                        holdoutToTrainDist),
                share, new Privacy.Nndr(SampleQuantiles.distribution(nndr(synToTrain), 0, 1, HISTOGRAM_BINS), holdoutNndr),
                new Privacy.IdenticalMatch(syntheticIdentical.value(), Intervals.interval(syntheticIdentical), holdoutIdentical,
                        holdoutIdenticalCi),
                attacks);
        return new Result(privacy, skipped);
    }

    private static Privacy.Attacks attacks(EvalData data, Options options, Map<String, String> skipped, Parallel parallel) {
        SplittableRandom random = new SplittableRandom(options.seed());
        Privacy.MembershipInference mia = MembershipInference.run(data, options.maxAttacks(), random.split(), parallel);
        List<Privacy.AttributeInference> inference = new ArrayList<>();
        for (EvalColumn s : options.sensitive()) {
            List<EvalColumn> qis = options.quasiIdentifiers().isEmpty() ? data.columns() : options.quasiIdentifiers();
            qis = qis.stream().filter(c -> c.index() != s.index()).toList();
            if (qis.isEmpty()) {
                skipped.put("privacy.attacks.attributeInference." + s.name(), "no quasi-identifier besides the column itself");
                continue;
            }
            inference.add(AttributeInference.run(data, s, qis, options.maxAttacks(), random.nextLong(), parallel));
        }
        if (options.sensitive().isEmpty()) {
            skipped.put("privacy.attacks.attributeInference", "no sensitive columns given (--sensitive or the profile's tags)");
        }
        Privacy.Risk singling = SinglingOut.run(data, options.maxAttacks(), 3, random.split());
        List<EvalColumn> known = options.quasiIdentifiers().size() >= 2 ? options.quasiIdentifiers() : data.columns();
        Privacy.Risk linkability = null;
        if (known.size() >= 2) {
            int half = known.size() / 2;
            linkability = Linkability.run(data, known.subList(0, half), known.subList(half, known.size()),
                    options.maxAttacks(), random.split(), parallel);
        } else {
            skipped.put("privacy.attacks.linkability", "needs at least two columns to split between two sources");
        }
        return new Privacy.Attacks(mia, inference, singling, linkability);
    }

    /** Nearest / second-nearest distance; 0 when both are 0 (an exact duplicate pair). */
    static double[] nndr(NearestRecords.Result r) {
        double[] out = new double[r.size()];
        for (int i = 0; i < out.length; i++) {
            double a = r.nearest()[i];
            double b = r.second()[i];
            out[i] = Double.isNaN(b) ? Double.NaN : b == 0 ? 0 : a / b;
        }
        return out;
    }

    private static long zeros(double[] v) {
        long n = 0;
        for (double x : v) {
            n += x == 0 ? 1 : 0;
        }
        return n;
    }
}
