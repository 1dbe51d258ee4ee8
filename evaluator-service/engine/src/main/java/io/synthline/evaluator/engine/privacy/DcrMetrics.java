package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.evaluation.Privacy.DcrBaselineProtection;
import io.synthline.commons.evaluation.Privacy.DcrOverfittingProtection;
import io.synthline.commons.evaluation.Privacy.MedianDcr;
import io.synthline.commons.evaluation.Privacy.Percentages;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.stats.Quantiles;
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
    public static double[] calculateDcr(List<EvalColumn> columns, Frame dataset, Frame reference) {
        return NearestRecords.search(new GowerSpace(columns, reference), dataset, reference).nearest();
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
    public static DcrBaselineProtection baselineProtection(EvalData data, double[] syntheticToReal, long seed) {
        List<EvalColumn> columns = data.columns();
        Frame real = data.real();
        double[] synthetic = syntheticToReal != null ? syntheticToReal : calculateDcr(columns, data.synthetic(), real);
        Frame random = RandomBaseline.generate(columns, real, Math.min(RANDOM_BASELINE_ROWS, data.synthetic().rows()),
                new SplittableRandom(seed));
        double[] randomDcr = calculateDcr(columns, random, real);
        return baselineProtection(synthetic, randomDcr);
    }

    public static DcrBaselineProtection baselineProtection(double[] syntheticToReal, double[] randomToReal) {
        double syntheticMedian = Quantiles.median(syntheticToReal);
        double randomMedian = Quantiles.median(randomToReal);
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
