package io.synthline.governance.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.events.ScoreNames;
import io.synthline.commons.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluation's scores as the dashboard shows them: the four that decide a release as columns
 * with three decimals, every score in a detail view. Each score says which direction is good, and a
 * risk measured below zero (the attack did worse on the training rows than on rows the model never
 * saw) shows as 0 with the measured value explained.
 */
public record ScoreSummary(List<Score> headline, List<Score> all) {
    /**
     * @param value  formatted with three decimals, or "—" when not computed
     * @param title  what it means and which direction is good (a tooltip)
     * @param mark   {@code good}, {@code bad} or empty: the value against the usual release thresholds
     */
    public record Score(String key, String label, String value, String title, String mark) {
    }

    /** Label, meaning, and the good direction of the scores the evaluator publishes. */
    private record Meaning(String label, String title, Direction direction, double goodAt, double badAt) {
    }

    enum Direction { HIGHER, LOWER, HALF }

    static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            Map.entry(ScoreNames.FIDELITY, new Meaning("fidelity", "SDMetrics quality score: 1 is a perfect statistical match",
                    Direction.HIGHER, 0.85, 0.7)),
            Map.entry(ScoreNames.PRIVACY_RISK, new Meaning("privacy risk", "worst attack success (membership, singling out, "
                    + "linkability, attribute inference): 0 is no measurable risk", Direction.LOWER, 0.05, 0.2)),
            Map.entry("detection.auc.max", new Meaning("detection AUC", "how well a classifier tells synthetic from real rows: "
                    + "0.5 is indistinguishable, 1 is trivially told apart", Direction.HALF, 0.6, 0.8)),
            Map.entry(ScoreNames.FAIRNESS_GAP, new Meaning("fairness gap", "largest demographic parity difference in the synthetic "
                    + "data: 0 is no gap between groups", Direction.LOWER, 0.05, 0.2)),
            Map.entry("quality", new Meaning("quality", "SDMetrics quality score", Direction.HIGHER, 0.85, 0.7)),
            Map.entry("Column Shapes", new Meaning("column shapes", "per-column distribution similarity (KS / TV complement)",
                    Direction.HIGHER, 0.85, 0.7)),
            Map.entry("Column Pair Trends", new Meaning("column pair trends", "pairwise correlation and association similarity",
                    Direction.HIGHER, 0.85, 0.7)),
            Map.entry("accuracy", new Meaning("accuracy", "MOSTLY-style accuracy of univariate and bivariate distributions",
                    Direction.HIGHER, 0.85, 0.7)),
            Map.entry("utility.tstr.accuracy", new Meaning("ML utility (TSTR accuracy)", "accuracy of a model trained on synthetic, "
                    + "tested on real rows", Direction.HIGHER, Double.NaN, Double.NaN)),
            Map.entry("utility.accuracy.gap", new Meaning("ML utility gap", "accuracy lost by training on synthetic instead of real rows: "
                    + "0 is no loss", Direction.LOWER, 0.05, 0.15)),
            Map.entry("DCRBaselineProtection", new Meaning("DCR baseline protection", "distance to closest record against random "
                    + "data: 1 is as far from real rows as random data", Direction.HIGHER, 0.5, 0.2)),
            Map.entry("DCROverfittingProtection", new Meaning("DCR overfitting protection", "synthetic rows no closer to training rows "
                    + "than to unseen rows: 1 is no overfitting", Direction.HIGHER, 0.8, 0.5)),
            Map.entry("privacy.identicalMatchShare", new Meaning("identical matches", "share of synthetic rows equal to a real row: "
                    + "0 is none", Direction.LOWER, 0.001, 0.01)),
            Map.entry("privacy.membershipInference.auc", new Meaning("membership inference AUC", "attacker telling training rows "
                    + "from unseen ones: 0.5 is chance", Direction.HALF, 0.55, 0.7)),
            Map.entry("privacy.singlingOut.risk", new Meaning("singling-out risk", "Anonymeter: 0 is no risk", Direction.LOWER, 0.05, 0.2)),
            Map.entry("privacy.linkability.risk", new Meaning("linkability risk", "Anonymeter: 0 is no risk", Direction.LOWER, 0.05, 0.2)),
            Map.entry("privacy.attributeInference.risk.max", new Meaning("attribute inference risk", "Anonymeter, worst sensitive "
                    + "column: 0 is no risk", Direction.LOWER, 0.05, 0.2)),
            Map.entry("fairness.demographicParity.change.max", new Meaning("demographic parity change", "gap added by synthesis "
                    + "(synthetic minus real): 0 or less is no added gap", Direction.LOWER, 0.02, 0.1)),
            Map.entry("fairness.equalizedOdds.tstr.max", new Meaning("equalized odds (TSTR)", "largest equalized odds difference of a "
                    + "model trained on synthetic rows: 0 is none", Direction.LOWER, 0.05, 0.2)));

    /** The columns of the run and evaluation tables, in this order. */
    static final List<String> HEADLINE = List.of(ScoreNames.FIDELITY, ScoreNames.PRIVACY_RISK, "detection.auc.max",
            ScoreNames.FAIRNESS_GAP);

    public static ScoreSummary of(String json) {
        return of(json == null || json.isBlank() ? null : Json.read(json, JsonNode.class));
    }

    public static ScoreSummary of(JsonNode scores) {
        List<Score> headline = new ArrayList<>();
        for (String key : HEADLINE) {
            JsonNode v = scores == null ? null : scores.get(key);
            if (v == null && key.equals(ScoreNames.FIDELITY) && scores != null) {
                v = scores.get(ScoreNames.COLUMN_SHAPES); // the foundation evaluator published only this
            }
            headline.add(score(key, v));
        }
        List<Score> all = new ArrayList<>();
        if (scores != null) {
            scores.fields().forEachRemaining(e -> all.add(score(e.getKey(), e.getValue())));
        }
        return new ScoreSummary(headline, all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    static Score score(String key, JsonNode value) {
        Meaning m = MEANINGS.get(key);
        String label = m != null ? m.label() : key;
        String title = m != null ? m.title() : key;
        if (value == null || !value.isNumber() || Double.isNaN(value.asDouble())) {
            return new Score(key, label, "—", title + " (not computed)", "");
        }
        double v = value.asDouble();
        boolean risk = key.toLowerCase(Locale.ROOT).contains("risk");
        double shown = v;
        if (risk && v < 0) {
            shown = 0;
            title += String.format(Locale.ROOT, "; measured %.3f: the attack did worse on training rows than on unseen rows, "
                    + "so no measurable risk (shown as 0)", v);
        }
        String formatted = String.format(Locale.ROOT, "%.3f", shown);
        return new Score(key, label, formatted, title, m == null ? "" : mark(m, shown));
    }

    private static String mark(Meaning m, double v) {
        if (Double.isNaN(m.goodAt())) {
            return "";
        }
        double distance = m.direction() == Direction.HALF ? Math.abs(v - 0.5) + 0.5 : v;
        return switch (m.direction()) {
            case HIGHER -> v >= m.goodAt() ? "good" : v < m.badAt() ? "bad" : "";
            case LOWER, HALF -> distance <= m.goodAt() ? "good" : distance > m.badAt() ? "bad" : "";
        };
    }
}
