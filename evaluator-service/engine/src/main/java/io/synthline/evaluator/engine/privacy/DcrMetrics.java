package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.commons.evaluation.Privacy.DcrBaselineProtection;
import io.synthline.commons.evaluation.Privacy.DcrOverfittingProtection;
import io.synthline.commons.evaluation.Privacy.MedianDcr;
import io.synthline.commons.evaluation.Privacy.Percentages;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.stats.Intervals;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SDMetrics' DCR metrics, exact (every synthetic row against every reference row; SDMetrics
 * offers only subsampling to cope with the cost).
 */
public final class DcrMetrics {
    private DcrMetrics() {
    }

    /** SDMetrics' {@code calculate_dcr(dataset, reference_dataset)}: each dataset row's distance to its closest reference row. */
    public static double[] calculateDcr(List<EvalColumn> columns, Frame dataset, Frame reference, Parallel parallel) {
        return NearestRecords.search(new GowerSpace(columns, reference), dataset, reference, parallel).nearest();
    }

    /** Random rows whose DCR median is the baseline: its sampling error is far below the score's resolution. */
    public static final int RANDOM_BASELINE_ROWS = 5_000;

    /**
     * DCRBaselineProtection: min(1, median DCR of synthetic rows to the real data / median DCR of
     * random rows to the real data). Random rows follow SDMetrics' recipe per column (uniform
     * integers or reals over the real range, uniform over the distinct categories, missing with
     * the real missing share), from a seeded generator where SDMetrics uses an unseeded one, and
     * at most {@value #RANDOM_BASELINE_ROWS} of them (SDMetrics draws as many as there are synthetic
     * rows; random rows are far from everything, so their exact DCRs cost the most). Every
     * synthetic row's DCR is exact.
     *
     * @param syntheticToReal the synthetic rows' DCRs to the real data, if already computed, else null
     */
    public static DcrBaselineProtection baselineProtection(EvalData data, double[] syntheticToReal, long seed,
            Parallel parallel) {
        List<EvalColumn> columns = data.columns();
        Frame real = data.real();
        double[] synthetic = syntheticToReal != null ? syntheticToReal : calculateDcr(columns, data.synthetic(), real, parallel);
        Frame random = RandomBaseline.generate(columns, real, Math.min(RANDOM_BASELINE_ROWS, data.synthetic().rows()),
                new SplittableRandom(seed));
        double[] randomDcr = calculateDcr(columns, random, real, parallel);
        return baselineProtection(synthetic, randomDcr);
    }

    public static DcrBaselineProtection baselineProtection(double[] syntheticToReal, double[] randomToReal) {
        double syntheticMedian = SampleQuantiles.median(syntheticToReal);
        double randomMedian = SampleQuantiles.median(randomToReal);
        Double score = randomMedian == 0 ? null : Math.min(syntheticMedian / randomMedian, 1.0);
        return new DcrBaselineProtection(score, new MedianDcr(syntheticMedian, randomMedian));
    }

    /**
     * DCROverfittingProtection: the share of synthetic rows strictly closer to the training data
     * than to the holdout (ties count as closer to holdout); score min(1, 2 * (1 - share)).
     */
    public static DcrOverfittingProtection overfittingProtection(double[] syntheticToTrain, double[] syntheticToHoldout) {
        long closer = closerToTrain(syntheticToTrain, syntheticToHoldout);
        double share = (double) closer / syntheticToTrain.length;
        return new DcrOverfittingProtection(Math.min((1.0 - share) * 2, 1.0), new Percentages(share, 1 - share));
    }

    /**
     * The share of synthetic rows closer to a training row than to a held-out one, against the share
     * a synthesizer that never saw the training rows would get, n_train / (n_train + n_holdout).
     * Both distances are measured on one Gower scale (the ranges of training and holdout together):
     * SDMetrics' percentages scale each by its own table's range, and the holdout's narrower ranges
     * make its distances larger, which biases the share upward (docs/privacy.md).
     */
    public static Privacy.Share closerToTrainingShare(List<EvalColumn> columns, Frame synthetic, Frame training, Frame holdout,
            Parallel parallel) {
        GowerSpace common = GowerSpace.common(columns, training, holdout);
        double[] toTrain = NearestRecords.search(common, synthetic, training, parallel).nearest();
        double[] toHoldout = NearestRecords.search(common, synthetic, holdout, parallel).nearest();
        long closer = closerToTrain(toTrain, toHoldout);
        long ties = 0;
        for (int i = 0; i < toHoldout.length; i++) {
            ties += toTrain[i] == toHoldout[i] ? 1 : 0;
        }
        int n = synthetic.rows();
        return new Privacy.Share((double) closer / n, Intervals.interval(Intervals.wilson(closer, n)),
                (double) training.rows() / (training.rows() + holdout.rows()), (double) ties / n);
    }

    public static long closerToTrain(double[] toTrain, double[] toHoldout) {
        long closer = 0;
        for (int i = 0; i < toTrain.length; i++) {
            if (toTrain[i] < toHoldout[i]) {
                closer++;
            }
        }
        return closer;
    }
}
