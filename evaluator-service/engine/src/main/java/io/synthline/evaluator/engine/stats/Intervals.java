package io.synthline.evaluator.engine.stats;

import io.synthline.commons.evaluation.EvaluationDocument.Interval;
import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Confidence intervals used across the report (95 % unless said otherwise). */
public final class Intervals {
    public static final double LEVEL = 0.95;
    private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);

    private Intervals() {
    }

    public static double z() {
        return Z;
    }

    /** Wilson score interval of a binomial proportion (what Anonymeter reports for attack success rates). */
    public static Rate wilson(long successes, long trials) {
        if (trials == 0) {
            return new Rate(Double.NaN, Double.NaN, Double.NaN);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Rate(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public static Interval interval(Rate rate) {
        return new Interval(rate.low(), rate.high(), LEVEL);
    }

    /**
     * Anonymeter's residual risk (main - control) / (1 - control), with the interval propagated
     * from both rates' Wilson errors (half-widths combined in quadrature, as Anonymeter does).
     */
    public static Rate residualRisk(Rate main, Rate control) {
        double denominator = 1 - control.value();
        if (denominator <= 0) {
            return new Rate(Double.NaN, Double.NaN, Double.NaN);
        }
        double risk = (main.value() - control.value()) / denominator;
        double mainErr = (main.high() - main.low()) / 2;
        double controlErr = (control.high() - control.low()) / 2;
        // d risk / d main = 1 / (1 - c); d risk / d control = (main - 1) / (1 - c)^2
        double err = Math.sqrt(Math.pow(mainErr / denominator, 2)
                + Math.pow(controlErr * (main.value() - 1) / (denominator * denominator), 2));
        return new Rate(risk, Math.max(-1, risk - err), Math.min(1, risk + err));
    }
}
