package io.synthline.evaluator.engine;

import io.synthline.commons.evaluation.Detection;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.evaluation.Fairness;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.evaluation.Utility;
import io.synthline.commons.events.ScoreNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * The headline numbers of an evaluation, as published in {@code evaluation.completed}. Keys are
 * stable; a key is absent when its section was not computed (governance's release gate then fails
 * the check it needs: absence of evidence is not evidence of safety).
 *
 * <p>The three keys the release gate reads ({@link ScoreNames}):
 * <ul>
 * <li>{@link ScoreNames#FIDELITY}: SDMetrics' QualityReport score (mean of Column Shapes and
 * Column Pair Trends).</li>
 * <li>{@link ScoreNames#PRIVACY_RISK}: the worst attack over the suite, each as a risk in [0, 1]:
 * membership-inference advantage (2 AUC - 1), singling-out, linkability and every sensitive
 * column's attribute-inference risk (Anonymeter: (main - control) / (1 - control)); negative
 * values (the attack does worse on members than on unseen rows) count as 0. Needs a holdout: the
 * control rows are what separates leaking a person from learning the population.</li>
 * <li>{@link ScoreNames#FAIRNESS_GAP}: the largest demographic parity difference (label-rate range
 * across the groups of one sensitive column, groups of at least 30 real rows) in the synthetic
 * data, i.e. the gap a consumer of the released data inherits.</li>
 * </ul>
 */
public final class EvaluationSummary {
    public static final String QUALITY = "quality";
    public static final String COLUMN_SHAPES = Quality.COLUMN_SHAPES;
    public static final String COLUMN_PAIR_TRENDS = Quality.COLUMN_PAIR_TRENDS;
    public static final String ACCURACY = "accuracy";
    public static final String DETECTION_AUC = "detection.auc.max";
    public static final String UTILITY_TSTR_ACCURACY = "utility.tstr.accuracy";
    public static final String UTILITY_ACCURACY_GAP = "utility.accuracy.gap";
    public static final String DCR_BASELINE_PROTECTION = "DCRBaselineProtection";
    public static final String DCR_OVERFITTING_PROTECTION = "DCROverfittingProtection";
    public static final String IDENTICAL_MATCH_SHARE = "privacy.identicalMatchShare";
    public static final String MEMBERSHIP_INFERENCE_AUC = "privacy.membershipInference.auc";
    public static final String SINGLING_OUT_RISK = "privacy.singlingOut.risk";
    public static final String LINKABILITY_RISK = "privacy.linkability.risk";
    public static final String ATTRIBUTE_INFERENCE_RISK = "privacy.attributeInference.risk.max";
    public static final String DEMOGRAPHIC_PARITY_CHANGE = "fairness.demographicParity.change.max";
    public static final String EQUALIZED_ODDS_TSTR = "fairness.equalizedOdds.tstr.max";

    public static final String CARDINALITY = "Cardinality";
    public static final String INTERTABLE_TRENDS = "Intertable Trends";
    public static final String REFERENTIAL_INTEGRITY = "referentialIntegrity";
    public static final String ENTITY_MEMBERSHIP_INFERENCE_AUC = "privacy.entity.membershipInference.auc";
    public static final String ENTITY_DCR_SHARE = "privacy.entity.dcrShare";
    public static final String ENTITY_DCR_BASELINE = "privacy.entity.dcrShare.baseline";

    private EvaluationSummary() {
    }

    public static Map<String, Double> of(EvaluationDocument doc) {
        Map<String, Double> s = new LinkedHashMap<>();
        if (doc.relational() != null) {
            relational(s, doc.relational());
        }
        if (doc.quality() != null) {
            put(s, ScoreNames.FIDELITY, doc.quality().score());
            put(s, QUALITY, doc.quality().score());
            put(s, COLUMN_SHAPES, doc.quality().properties().get(Quality.COLUMN_SHAPES));
            put(s, COLUMN_PAIR_TRENDS, doc.quality().properties().get(Quality.COLUMN_PAIR_TRENDS));
        }
        if (doc.accuracy() != null) {
            put(s, ACCURACY, doc.accuracy().overall());
        }
        if (doc.detection() != null) {
            double auc = doc.detection().models().stream().mapToDouble(Detection.Model::auc).max().orElse(Double.NaN);
            put(s, DETECTION_AUC, auc);
            put(s, ScoreNames.DETECTION_AUC, auc);
        }
        if (doc.utility() != null && !doc.utility().models().isEmpty()) {
            put(s, UTILITY_TSTR_ACCURACY, doc.utility().models().stream().mapToDouble(m -> m.tstr().accuracy()).max().orElse(Double.NaN));
            put(s, UTILITY_ACCURACY_GAP, doc.utility().models().stream().map(Utility.Model::gap).mapToDouble(Utility.Scores::accuracy)
                    .max().orElse(Double.NaN));
            // ROC AUC needs no decision threshold: a model that predicts only the majority class scores F1 0 on real and
            // synthetic alike, but its AUC still shows whether the synthetic rows taught it anything
            put(s, ScoreNames.UTILITY_GAP, doc.utility().models().stream().map(Utility.Model::gap).map(Utility.Scores::rocAuc)
                    .filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
        Privacy p = doc.privacy();
        if (p != null) {
            if (p.dcrBaselineProtection() != null) {
                put(s, DCR_BASELINE_PROTECTION, p.dcrBaselineProtection().score());
            }
            if (p.dcrOverfittingProtection() != null) {
                put(s, DCR_OVERFITTING_PROTECTION, p.dcrOverfittingProtection().score());
            }
            if (p.identicalMatch() != null) {
                put(s, IDENTICAL_MATCH_SHARE, p.identicalMatch().syntheticShare());
            }
            if (p.attacks() != null) {
                if (p.attacks().membershipInference() != null) {
                    put(s, MEMBERSHIP_INFERENCE_AUC, p.attacks().membershipInference().auc());
                }
                if (p.attacks().singlingOut() != null) {
                    put(s, SINGLING_OUT_RISK, p.attacks().singlingOut().risk().value());
                }
                if (p.attacks().linkability() != null) {
                    put(s, LINKABILITY_RISK, p.attacks().linkability().risk().value());
                }
                p.attacks().attributeInference().stream().mapToDouble(a -> a.nearestNeighbour().risk().value())
                        .filter(v -> !Double.isNaN(v)).max().ifPresent(v -> s.put(ATTRIBUTE_INFERENCE_RISK, v));
                worstAttack(p.attacks()).ifPresent(v -> s.put(ScoreNames.PRIVACY_RISK, v));
            }
        }
        if (doc.pii() != null) {
            s.put(ScoreNames.PII_REAL_VALUES, (double) doc.pii().realValues());
        }
        Fairness f = doc.fairness();
        if (f != null) {
            f.gaps().stream().filter(g -> g.metric().equals(Fairness.DEMOGRAPHIC_PARITY_DIFFERENCE)
                    && g.real() != null && g.synthetic() != null).mapToDouble(g -> g.synthetic() - g.real()).max()
                    .ifPresent(v -> s.put(DEMOGRAPHIC_PARITY_CHANGE, v));
            f.gaps().stream().filter(g -> g.metric().equals(Fairness.DEMOGRAPHIC_PARITY_DIFFERENCE) && f.sensitive().contains(g.attribute())
                    && g.synthetic() != null && !g.synthetic().isNaN()).mapToDouble(Fairness.Gap::synthetic).max()
                    .ifPresent(v -> s.put(ScoreNames.FAIRNESS_GAP, v));
            f.equalizedOdds().stream().map(Fairness.EqualizedOdds::tstr).filter(v -> v != null && !v.isNaN())
                    .mapToDouble(Double::doubleValue).max().ifPresent(v -> s.put(EQUALIZED_ODDS_TSTR, v));
        }
        return s;
    }

    /**
     * Why each release-gate score ({@link ScoreNames}) missing from {@code scores} was not measured,
     * in the user's terms, for governance to show next to the check instead of a bare failure.
     */
    public static Map<String, String> notMeasured(EvaluationDocument doc, Map<String, Double> scores) {
        Map<String, String> skipped = doc.skipped() == null ? Map.of() : doc.skipped();
        Map<String, String> why = new LinkedHashMap<>();
        if (!scores.containsKey(ScoreNames.FIDELITY)) {
            why.put(ScoreNames.FIDELITY, reason(skipped, "quality", "the quality report has no score"));
        }
        if (!scores.containsKey(ScoreNames.PRIVACY_RISK)) {
            why.put(ScoreNames.PRIVACY_RISK, doc.privacy() == null ? reason(skipped, "privacy", "privacy was not evaluated")
                    : reason(skipped, "privacy.attacks", "no privacy attack could run"));
        }
        if (!scores.containsKey(ScoreNames.FAIRNESS_GAP)) {
            why.put(ScoreNames.FAIRNESS_GAP, doc.fairness() == null ? reason(skipped, "fairness", "fairness was not evaluated")
                    : "no sensitive column has two groups of at least 30 real rows");
        }
        if (!scores.containsKey(ScoreNames.UTILITY_GAP)) {
            why.put(ScoreNames.UTILITY_GAP, doc.utility() == null ? reason(skipped, "utility", "ML utility was not evaluated")
                    : "ROC AUC is undefined on the test rows (one class only)");
        }
        if (!scores.containsKey(ScoreNames.DETECTION_AUC)) {
            why.put(ScoreNames.DETECTION_AUC, reason(skipped, "detection", "detection was not evaluated"));
        }
        if (!scores.containsKey(ScoreNames.PII_REAL_VALUES)) {
            why.put(ScoreNames.PII_REAL_VALUES, "no column was replaced by generated personal data");
        }
        return why;
    }

    /**
     * A dataset of several tables: fidelity is the multi-table QualityReport's score, the privacy
     * risk the entity-level membership-inference advantage (2 AUC - 1, a whole parent with its
     * children being one record), with referential integrity and the DCR share beside them.
     */
    private static void relational(Map<String, Double> s, io.synthline.commons.evaluation.RelationalEvaluation r) {
        if (r.quality() != null) {
            put(s, ScoreNames.FIDELITY, r.quality().score());
            put(s, QUALITY, r.quality().score());
            for (String p : List.of(COLUMN_SHAPES, COLUMN_PAIR_TRENDS, CARDINALITY, INTERTABLE_TRENDS)) {
                put(s, p, r.quality().properties().get(p));
            }
        }
        if (r.integrity() != null) {
            put(s, REFERENTIAL_INTEGRITY, r.integrity().score());
        }
        if (r.privacy() != null) {
            var mia = r.privacy().membershipInference();
            put(s, ENTITY_MEMBERSHIP_INFERENCE_AUC, mia.auc());
            put(s, MEMBERSHIP_INFERENCE_AUC, mia.auc());
            if (!Double.isNaN(mia.advantage())) {
                s.put(ScoreNames.PRIVACY_RISK, Math.min(1, Math.max(0, mia.advantage())));
            }
            put(s, ENTITY_DCR_SHARE, r.privacy().dcrShare().value());
            put(s, ENTITY_DCR_BASELINE, r.privacy().dcrShare().baseline());
        }
    }

    private static String reason(Map<String, String> skipped, String key, String otherwise) {
        return skipped.getOrDefault(key, otherwise);
    }

    private static OptionalDouble worstAttack(Privacy.Attacks a) {
        DoubleStream mia = a.membershipInference() == null ? DoubleStream.empty()
                : DoubleStream.of(a.membershipInference().advantage());
        DoubleStream anonymeter = Stream.concat(Stream.of(a.singlingOut(), a.linkability()),
                        a.attributeInference().stream().map(Privacy.AttributeInference::nearestNeighbour))
                .filter(r -> r != null && r.risk() != null).mapToDouble(r -> r.risk().value());
        return DoubleStream.concat(mia, anonymeter).filter(v -> !Double.isNaN(v)).map(v -> Math.min(1, Math.max(0, v))).max();
    }

    private static void put(Map<String, Double> s, String key, Double v) {
        if (v != null && !v.isNaN()) {
            s.put(key, v);
        }
    }
}
