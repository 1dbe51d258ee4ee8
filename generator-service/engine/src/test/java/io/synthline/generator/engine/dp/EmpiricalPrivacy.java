package io.synthline.generator.engine.dp;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Turns the outcomes of a distinguishing attack into a statistically sound lower bound on
 * epsilon. The attacker runs the mechanism many times on D and on its neighbour D', computes a
 * statistic, and guesses "D'" when it reaches a threshold t. (epsilon, delta)-DP implies, for
 * every t, TPR <= e^epsilon FPR + delta and 1 - FPR <= e^epsilon (1 - TPR) + delta. With
 * Clopper-Pearson bounds (TPR from below, FPR from above, Bonferroni over the thresholds) each
 * threshold yields an epsilon that the mechanism must exceed with high confidence if the
 * inequality is violated; the largest of them is the empirical lower bound.
 */
final class EmpiricalPrivacy {
    /** @param epsilonLowerBound 0 when no threshold gives evidence; @param advantage max TPR - FPR observed */
    record Result(double epsilonLowerBound, double advantage, double bestThreshold) {
    }

    private EmpiricalPrivacy() {
    }

    /** Largest advantage (TPR - FPR) an (epsilon, delta)-DP mechanism allows a distinguishing test. */
    static double advantageBound(double epsilon, double delta) {
        return (Math.exp(epsilon) - 1 + 2 * delta) / (Math.exp(epsilon) + 1);
    }

    /**
     * @param onD      the statistic on runs over D
     * @param onNeighbour the statistic on runs over D'
     * @param confidence e.g. 0.95, shared over all thresholds
     */
    static Result evaluate(double[] onD, double[] onNeighbour, double delta, double confidence) {
        double[] thresholds = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(onD), java.util.Arrays.stream(onNeighbour))
                .distinct().sorted().toArray();
        double alpha = (1 - confidence) / Math.max(1, thresholds.length) / 2;
        double best = 0;
        double bestThreshold = Double.NaN;
        double advantage = 0;
        for (double t : thresholds) {
            int fp = count(onD, t);
            int tp = count(onNeighbour, t);
            double fpr = (double) fp / onD.length;
            double tpr = (double) tp / onNeighbour.length;
            advantage = Math.max(advantage, Math.abs(tpr - fpr));
            double tprLow = lower(tp, onNeighbour.length, alpha);
            double tprHigh = upper(tp, onNeighbour.length, alpha);
            double fprLow = lower(fp, onD.length, alpha);
            double fprHigh = upper(fp, onD.length, alpha);
            double[] candidates = {
                Math.log((tprLow - delta) / fprHigh),
                Math.log((1 - fprHigh - delta) / (1 - tprLow)),
                // the same test with the roles of D and D' exchanged
                Math.log((fprLow - delta) / tprHigh),
                Math.log((1 - tprHigh - delta) / (1 - fprLow)),
            };
            for (double e : candidates) {
                if (Double.isFinite(e) && e > best) {
                    best = e;
                    bestThreshold = t;
                }
            }
        }
        return new Result(best, advantage, bestThreshold);
    }

    private static int count(double[] values, double threshold) {
        int n = 0;
        for (double v : values) {
            if (v >= threshold) {
                n++;
            }
        }
        return n;
    }

    static double lower(int k, int n, double alpha) {
        return k == 0 ? 0 : BetaDistribution.of(k, n - k + 1).inverseCumulativeProbability(alpha);
    }

    static double upper(int k, int n, double alpha) {
        return k == n ? 1 : BetaDistribution.of(k + 1, n - k).inverseCumulativeProbability(1 - alpha);
    }
}
