package io.synthline.governance.engine.release;

import io.synthline.commons.events.Payloads.GateCheck;
import io.synthline.commons.events.ScoreNames;
import io.synthline.governance.engine.policy.ClassificationPolicy.ReleaseThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a synthetic output may be released: each configured threshold is checked against the
 * evaluation's scores; a metric the evaluation did not measure fails its check (absence of evidence
 * is not evidence of safety).
 */
public final class ReleaseGate {
    private ReleaseGate() {
    }

    public record Result(boolean passed, List<GateCheck> checks, String reason) {
    }

    public static Result evaluate(Map<String, Double> scores, ReleaseThresholds t) {
        Map<String, Double> s = scores == null ? Map.of() : scores;
        List<GateCheck> checks = new ArrayList<>();
        if (t.minFidelity() != null) {
            String metric = s.containsKey(ScoreNames.FIDELITY) ? ScoreNames.FIDELITY : ScoreNames.COLUMN_SHAPES;
            checks.add(check(metric, s.get(metric), t.minFidelity(), "min"));
        }
        if (t.maxPrivacyRisk() != null) {
            checks.add(check(ScoreNames.PRIVACY_RISK, s.get(ScoreNames.PRIVACY_RISK), t.maxPrivacyRisk(), "max"));
        }
        if (t.maxFairnessGap() != null) {
            checks.add(check(ScoreNames.FAIRNESS_GAP, s.get(ScoreNames.FAIRNESS_GAP), t.maxFairnessGap(), "max"));
        }
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(ReleaseGate::describe).toList();
        return new Result(failed.isEmpty(), List.copyOf(checks), failed.isEmpty() ? "all release thresholds met"
                : String.join("; ", failed));
    }

    private static GateCheck check(String metric, Double value, double threshold, String comparator) {
        boolean ok = value != null && !value.isNaN() && (comparator.equals("min") ? value >= threshold : value <= threshold);
        return new GateCheck(metric, value, threshold, comparator, ok);
    }

    private static String describe(GateCheck c) {
        if (c.value() == null) {
            return c.metric() + " was not measured";
        }
        return c.metric() + " " + c.value() + (c.comparator().equals("min") ? " is below " : " is above ") + c.threshold();
    }
}
