package io.synthline.governance.engine.release;

import io.synthline.commons.events.Payloads.GateCheck;
import io.synthline.commons.events.ScoreNames;
import io.synthline.governance.engine.policy.ClassificationPolicy.ReleaseThresholds;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a synthetic output may be released: each threshold of the classification's policy is
 * checked against the evaluation's scores. A value beyond its threshold stops the release. A
 * metric the evaluation could not measure stops it only when the policy requires that metric
 * (absence of evidence is not evidence of safety where the policy says the evidence is needed);
 * otherwise the check says "not measured" and why, and the release goes on. Either way the check
 * is in the result for people to see.
 */
public final class ReleaseGate {
    private ReleaseGate() {
    }

    public record Result(boolean passed, List<GateCheck> checks, String reason) {
    }

    /**
     * @param notMeasured why the evaluation could not measure a metric (score key to reason); may be
     *                    null or miss keys, then the reason is unknown
     */
    public static Result evaluate(Map<String, Double> scores, Map<String, String> notMeasured, ReleaseThresholds t) {
        Map<String, Double> s = scores == null ? Map.of() : scores;
        Map<String, String> why = notMeasured == null ? Map.of() : notMeasured;
        List<GateCheck> checks = new ArrayList<>();
        if (t.minFidelity() != null) {
            // the foundation evaluator published Column Shapes only; its evaluations are still gated on it
            String metric = !s.containsKey(ScoreNames.FIDELITY) && s.containsKey(ScoreNames.COLUMN_SHAPES)
                    ? ScoreNames.COLUMN_SHAPES : ScoreNames.FIDELITY;
            checks.add(check(metric, s, why, t.minFidelity(), "min", t.required().contains(ScoreNames.FIDELITY)));
        }
        add(checks, ScoreNames.PRIVACY_RISK, t.maxPrivacyRisk(), s, why, t);
        add(checks, ScoreNames.FAIRNESS_GAP, t.maxFairnessGap(), s, why, t);
        add(checks, ScoreNames.UTILITY_GAP, t.maxUtilityGap(), s, why, t);
        add(checks, ScoreNames.DETECTION_AUC, t.maxDetectionAuc(), s, why, t);
        add(checks, ScoreNames.PII_REAL_VALUES, t.maxPiiRealValues(), s, why, t);
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(ReleaseGate::describe).toList();
        List<String> unmeasured = checks.stream().filter(c -> c.passed() && GateCheck.NOT_MEASURED.equals(c.status()))
                .map(ReleaseGate::describe).toList();
        String reason;
        if (failed.isEmpty()) {
            reason = unmeasured.isEmpty() ? "all release thresholds met"
                    : "all measured release thresholds met; not required and not measured: " + String.join("; ", unmeasured);
        } else {
            reason = String.join("; ", failed);
        }
        return new Result(failed.isEmpty(), List.copyOf(checks), reason);
    }

    private static void add(List<GateCheck> checks, String metric, Double threshold, Map<String, Double> s, Map<String, String> why,
            ReleaseThresholds t) {
        if (threshold != null) {
            checks.add(check(metric, s, why, threshold, "max", t.required().contains(metric)));
        }
    }

    private static GateCheck check(String metric, Map<String, Double> s, Map<String, String> why, double threshold,
            String comparator, boolean required) {
        Double value = s.get(metric);
        if (value == null || value.isNaN()) {
            String note = why.getOrDefault(metric, "the evaluation did not report it");
            return new GateCheck(metric, null, threshold, comparator, !required, GateCheck.NOT_MEASURED, required, note);
        }
        boolean ok = comparator.equals("min") ? value >= threshold : value <= threshold;
        return new GateCheck(metric, value, threshold, comparator, ok, ok ? GateCheck.PASSED : GateCheck.FAILED, required, null);
    }

    private static String describe(GateCheck c) {
        if (c.value() == null) {
            return c.metric() + " was not measured (" + c.note() + ")" + (Boolean.TRUE.equals(c.required())
                    ? " and the policy requires it" : "");
        }
        return c.metric() + " " + number(c.value()) + (c.comparator().equals("min") ? " is below " : " is above ") + number(c.threshold());
    }

    /** Four significant digits, no trailing zeros: 0.79, 0.9861, 3. */
    private static String number(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
