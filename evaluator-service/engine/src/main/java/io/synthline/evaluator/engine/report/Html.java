package io.synthline.evaluator.engine.report;

import io.synthline.commons.evaluation.Accuracy;
import io.synthline.commons.evaluation.Detection;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.evaluation.EvaluationDocument.Interval;
import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import io.synthline.commons.evaluation.Fairness;
import io.synthline.commons.evaluation.PiiReplacement;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.evaluation.Utility;
import io.synthline.commons.events.ScoreNames;
import io.synthline.evaluator.engine.EvaluationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * Renders an {@link EvaluationDocument} as one self-contained HTML page: overall scores, SDMetrics'
 * quality tables, per-column distribution overlays, correlation heatmaps real versus synthetic,
 * detection and utility, DCR histograms and attack results, fairness tables.
 */
public final class Html {
    static final String STYLE = "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;"
            + "max-width:1200px;color:#1a202c;padding:0 1rem}h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid "
            + "#e2e8f0;padding-bottom:.3rem}table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}td,th{padding:.25rem"
            + " .7rem;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:middle}th{background:#f7fafc}"
            + "td.num{text-align:right;font-variant-numeric:tabular-nums}.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}"
            + ".card{border:1px solid #e2e8f0;border-radius:8px;padding:.7rem 1rem;min-width:150px}.card .v{font-size:1.6rem;"
            + "font-weight:600}.card .k{color:#4a5568;font-size:.8rem}.grid{display:flex;flex-wrap:wrap;gap:.6rem}"
            + ".legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}"
            + ".muted{color:#718096;font-size:.85rem}details{margin:.5rem 0}svg.chart{border:1px solid #edf2f7;border-radius:4px}";

    private Html() {
    }

    /**
     * What a platform report is about, named in its title and header (a report saved or printed
     * alone still says which evaluation of which run of which dataset it is).
     */
    public record Subject(String evaluationId, String runId, String datasetId) {
    }

    public static String render(EvaluationDocument doc) {
        return render(doc, null);
    }

    public static String render(EvaluationDocument doc, Subject subject) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = subject == null ? "Synthline evaluation" : "Evaluation " + subject.evaluationId() + " of run " + subject.runId();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title><style>")
                .append(STYLE).append("</style></head><body>");
        if (subject == null) {
            h.append("<h1>Synthetic data evaluation</h1>");
        } else {
            h.append("<h1>Evaluation of run <code>").append(escape(subject.runId())).append("</code></h1>")
                    .append("<p class=\"muted\" id=\"subject\">evaluation <code>").append(escape(subject.evaluationId()))
                    .append("</code> &middot; run <code>").append(escape(subject.runId())).append("</code> &middot; dataset <code>")
                    .append(escape(subject.datasetId())).append("</code></p>");
        }
        EvaluationDocument.Inputs in = doc.inputs();
        h.append("<p class=\"muted\">").append(in.realRows()).append(" real rows, ").append(in.syntheticRows())
                .append(" synthetic rows").append(in.holdoutRows() == null ? ", no holdout" : ", " + in.holdoutRows() + " holdout rows")
                .append("; ").append(in.columns().size()).append(" evaluated columns")
                .append(in.label() == null ? "" : "; label <b>" + escape(in.label()) + "</b>")
                .append(in.sensitive().isEmpty() ? "" : "; sensitive " + escape(String.join(", ", in.sensitive())))
                .append("; seed ").append(in.seed()).append(".</p>");
        if (in.sampling() != null) {
            EvaluationDocument.Sampling s = in.sampling();
            h.append("<p class=\"muted\">Larger files were evaluated on a uniform random sample of at most ")
                    .append(s.maxRowsPerTable()).append(" rows each (seed ").append(s.seed()).append("): the files have ")
                    .append(s.realFileRows()).append(" real, ").append(s.syntheticFileRows()).append(" synthetic")
                    .append(s.holdoutFileRows() == null ? "" : " and " + s.holdoutFileRows() + " holdout").append(" rows.</p>");
        }
        cards(h, doc);
        if (doc.quality() != null) {
            quality(h, doc.quality());
        }
        if (doc.accuracy() != null) {
            accuracy(h, doc.accuracy());
        }
        if (doc.detection() != null) {
            detection(h, doc.detection());
        }
        if (doc.utility() != null) {
            utility(h, doc.utility());
        }
        if (doc.privacy() != null) {
            privacy(h, doc.privacy());
        }
        if (doc.fairness() != null) {
            fairness(h, doc.fairness());
        }
        if (doc.pii() != null) {
            pii(h, doc.pii());
        }
        if (doc.skipped() != null && !doc.skipped().isEmpty()) {
            h.append("<h2>Not computed</h2><table><tr><th>What</th><th>Why</th></tr>");
            doc.skipped().forEach((k, v) -> h.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v)).append("</td></tr>"));
            h.append("</table>");
        }
        if (doc.timingsMillis() != null && !doc.timingsMillis().isEmpty()) {
            h.append("<p class=\"muted\">Computed in ");
            List<String> parts = new ArrayList<>();
            doc.timingsMillis().forEach((k, v) -> parts.add(escape(k) + " " + v + " ms"));
            h.append(String.join(", ", parts)).append(".</p>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void cards(StringBuilder h, EvaluationDocument doc) {
        h.append("<div class=\"cards\">");
        if (doc.quality() != null) {
            card(h, "Quality score (SDMetrics)", doc.quality().score());
            doc.quality().properties().forEach((k, v) -> card(h, k, v));
        }
        if (doc.accuracy() != null) {
            card(h, "Accuracy (MOSTLY-style)", doc.accuracy().overall());
        }
        if (doc.detection() != null) {
            double worst = doc.detection().models().stream().mapToDouble(Detection.Model::auc).max().orElse(Double.NaN);
            card(h, "Detection AUC (0.5 is best, 1 is worst)", worst, Svg.Good.HALF);
        }
        if (doc.utility() != null && !doc.utility().models().isEmpty()) {
            Utility.Model m = doc.utility().models().getFirst();
            card(h, "TSTR accuracy (" + m.model().replace('_', ' ') + ")", m.tstr().accuracy());
        }
        if (doc.privacy() != null) {
            if (doc.privacy().dcrBaselineProtection() != null) {
                card(h, "DCRBaselineProtection", doc.privacy().dcrBaselineProtection().score());
            }
            if (doc.privacy().dcrOverfittingProtection() != null) {
                card(h, "DCROverfittingProtection", doc.privacy().dcrOverfittingProtection().score());
            }
            if (doc.privacy().attacks() != null && doc.privacy().attacks().membershipInference() != null) {
                card(h, "Membership inference AUC (0.5 is best)", doc.privacy().attacks().membershipInference().auc(), Svg.Good.HALF);
            }
        }
        // what governance's release gate checks, lower is better
        Map<String, Double> gate = EvaluationSummary.of(doc);
        riskCard(h, "Privacy risk (worst attack; release gate)", gate.get(ScoreNames.PRIVACY_RISK));
        riskCard(h, "Fairness gap (synthetic; release gate)", gate.get(ScoreNames.FAIRNESS_GAP));
        riskCard(h, "Utility gap (TRTR - TSTR ROC AUC; release gate)", gate.get(ScoreNames.UTILITY_GAP));
        if (gate.containsKey(ScoreNames.PII_REAL_VALUES)) {
            h.append("<div class=\"card\"><div class=\"v\">").append(doc.pii().realValues())
                    .append("</div><div class=\"k\">Real values in replaced PII (release gate) &#8595;</div></div>");
        }
        h.append("</div>");
    }

    private static void riskCard(StringBuilder h, String k, Double v) {
        if (v != null) {
            card(h, k + ", 0 is best", v, Svg.Good.LOW);
        }
    }

    private static void card(StringBuilder h, String k, Double v) {
        card(h, k, v, Svg.Good.HIGH);
    }

    /** A headline number with a bar whose colour says whether the value is good for this kind of score. */
    private static void card(StringBuilder h, String k, Double v, Svg.Good good) {
        h.append("<div class=\"card\"><div class=\"v\">").append(fmt(v)).append("</div><div class=\"k\">").append(escape(k))
                .append("</div>").append(Svg.scoreBar(v, good)).append("</div>");
    }

    private static void quality(StringBuilder h, Quality q) {
        h.append("<h2>Quality (SDMetrics QualityReport)</h2><p class=\"muted\">Same definitions and numbers as ")
                .append(escape(q.settings().compatibleWith())).append("; pairs count when real |correlation| &gt; ")
                .append(q.settings().realCorrelationThreshold()).append(" or real association &gt; ")
                .append(q.settings().realAssociationThreshold()).append(".</p>");
        h.append("<table><tr><th>Property</th><th>Score</th><th></th></tr>");
        q.properties().forEach((k, v) -> h.append("<tr><td>").append(escape(k)).append("</td><td class=\"num\">").append(fmt(v))
                .append("</td><td>").append(Svg.scoreBar(v)).append("</td></tr>"));
        h.append("</table><h2>Column Shapes</h2><table><tr><th>Column</th><th>Metric</th><th>Score</th><th></th></tr>");
        for (Quality.ColumnShape r : q.details().columnShapes()) {
            h.append("<tr><td>").append(escape(r.column())).append("</td><td>").append(r.metric()).append("</td><td class=\"num\">")
                    .append(fmt(r.score())).append("</td><td>").append(Svg.scoreBar(r.score())).append("</td></tr>");
        }
        h.append("</table><h2>Column Pair Trends</h2>");
        long counted = q.details().columnPairTrends().stream().filter(p -> Boolean.TRUE.equals(p.meetsThreshold())).count();
        h.append("<p class=\"muted\">").append(counted).append(" of ").append(q.details().columnPairTrends().size())
                .append(" pairs meet the threshold and make up the property score.</p>");
        h.append("<table><tr><th>Column 1</th><th>Column 2</th><th>Metric</th><th>Score</th><th>Real Correlation</th>"
                + "<th>Synthetic Correlation</th><th>Real Association</th><th>Meets Threshold?</th></tr>");
        for (Quality.ColumnPairTrend p : q.details().columnPairTrends()) {
            if (!Boolean.TRUE.equals(p.meetsThreshold())) {
                continue;
            }
            pairRow(h, p);
        }
        h.append("</table><details><summary>All pairs</summary><table><tr><th>Column 1</th><th>Column 2</th><th>Metric</th>"
                + "<th>Score</th><th>Real Correlation</th><th>Synthetic Correlation</th><th>Real Association</th>"
                + "<th>Meets Threshold?</th></tr>");
        q.details().columnPairTrends().forEach(p -> pairRow(h, p));
        h.append("</table></details>");
    }

    private static void pairRow(StringBuilder h, Quality.ColumnPairTrend p) {
        h.append("<tr><td>").append(escape(p.column1())).append("</td><td>").append(escape(p.column2())).append("</td><td>")
                .append(p.metric()).append("</td><td class=\"num\">").append(fmt(p.score())).append("</td><td class=\"num\">")
                .append(fmt(p.realCorrelation())).append("</td><td class=\"num\">").append(fmt(p.syntheticCorrelation()))
                .append("</td><td class=\"num\">").append(fmt(p.realAssociation())).append("</td><td>")
                .append(p.meetsThreshold() == null ? "n/a" : p.meetsThreshold() ? "yes" : "no").append("</td></tr>");
    }

    private static void accuracy(StringBuilder h, Accuracy a) {
        h.append("<h2>Distributions</h2><p class=\"legend\">Share of rows per bin:<span style=\"background:").append(Svg.REAL)
                .append("\"></span>real<span style=\"background:").append(Svg.SYNTHETIC).append("\"></span>synthetic</p><div class=\"grid\">");
        for (Accuracy.ColumnBins c : a.distributions()) {
            h.append(Svg.bars(c.column(), c.bins(), c.real(), c.synthetic()));
        }
        h.append("</div><h2>Correlations</h2><p class=\"muted\">").append(escape(a.correlations().measure())).append(".</p><div class=\"grid\">");
        h.append(Svg.heatmap("real", a.correlations().columns(), a.correlations().real()));
        h.append(Svg.heatmap("synthetic", a.correlations().columns(), a.correlations().synthetic()));
        h.append(Svg.heatmap("synthetic - real", a.correlations().columns(), difference(a.correlations())));
        h.append("</div><h2>Accuracy (MOSTLY AI-style)</h2><table><tr><th>Marginals</th><th>Accuracy</th><th></th></tr>");
        row(h, "overall", a.overall());
        row(h, "univariate (" + a.univariateDetails().size() + " columns)", a.univariate());
        row(h, "bivariate (" + a.bivariateDetails().size() + " pairs)", a.bivariate());
        row(h, "trivariate (" + a.trivariateEvaluated() + " of " + a.trivariateTotal() + " triples)", a.trivariate());
        h.append("</table>");
    }

    private static List<List<Double>> difference(Accuracy.Correlations c) {
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < c.columns().size(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < c.columns().size(); j++) {
                Double r = c.real().get(i).get(j);
                Double s = c.synthetic().get(i).get(j);
                row.add(r == null || s == null ? null : s - r);
            }
            out.add(row);
        }
        return out;
    }

    private static void row(StringBuilder h, String k, Double v) {
        h.append("<tr><td>").append(escape(k)).append("</td><td class=\"num\">").append(fmt(v)).append("</td><td>")
                .append(Svg.scoreBar(v)).append("</td></tr>");
    }

    private static void detection(StringBuilder h, Detection d) {
        h.append("<h2>Detection</h2><p class=\"muted\">Classifiers telling ").append(d.realRows()).append(" real from ")
                .append(d.syntheticRows()).append(" synthetic rows, ").append(d.folds())
                .append("-fold cross-validated ROC AUC; 0.5 means indistinguishable.</p>");
        h.append("<table><tr><th>Model</th><th>AUC</th><th>std</th><th>Score (1 - 2(AUC - 0.5))</th></tr>");
        for (Detection.Model m : d.models()) {
            h.append("<tr><td>").append(escape(m.model())).append("</td><td class=\"num\">").append(fmt(m.auc()))
                    .append("</td><td class=\"num\">").append(fmt(m.aucStd())).append("</td><td class=\"num\">").append(fmt(m.score()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void utility(StringBuilder h, Utility u) {
        h.append("<h2>ML utility</h2><p class=\"muted\">Label <b>").append(escape(u.label())).append("</b>")
                .append(u.positiveClass() == null ? "" : ", positive class " + escape(u.positiveClass())).append("; test set: ")
                .append(escape(u.testSet())).append(".</p>");
        h.append("<table><tr><th>Model</th><th>Trained on</th><th>Accuracy</th><th>F1</th><th>ROC AUC</th></tr>");
        for (Utility.Model m : u.models()) {
            scores(h, m.model(), "real (TRTR)", m.trtr());
            scores(h, m.model(), "synthetic (TSTR)", m.tstr());
            scores(h, m.model(), "gap", m.gap());
        }
        h.append("</table>");
    }

    private static void scores(StringBuilder h, String model, String source, Utility.Scores s) {
        h.append("<tr><td>").append(escape(model)).append("</td><td>").append(source).append("</td><td class=\"num\">")
                .append(fmt(s.accuracy())).append("</td><td class=\"num\">").append(fmt(s.f1())).append("</td><td class=\"num\">")
                .append(fmt(s.rocAuc())).append("</td></tr>");
    }

    private static void privacy(StringBuilder h, Privacy p) {
        h.append("<h2>Privacy</h2><p class=\"muted\">").append(escape(p.distance())).append(".</p><table><tr><th>Metric</th><th>Value</th><th>Detail</th></tr>");
        if (p.dcrBaselineProtection() != null) {
            Privacy.DcrBaselineProtection b = p.dcrBaselineProtection();
            h.append("<tr><td>DCRBaselineProtection</td><td class=\"num\">").append(fmt(b.score())).append("</td><td>median DCR synthetic ")
                    .append(fmt(b.medianDcrToRealData().syntheticData())).append(", random baseline ")
                    .append(fmt(b.medianDcrToRealData().randomDataBaseline())).append("</td></tr>");
        }
        if (p.dcrOverfittingProtection() != null) {
            Privacy.DcrOverfittingProtection o = p.dcrOverfittingProtection();
            h.append("<tr><td>DCROverfittingProtection</td><td class=\"num\">").append(fmt(o.score())).append("</td><td>")
                    .append(pct(o.syntheticDataPercentages().closerToTraining())).append(" closer to training, ")
                    .append(pct(o.syntheticDataPercentages().closerToHoldout())).append(" closer to holdout</td></tr>");
        }
        if (p.dcrShare() != null) {
            h.append("<tr><td>DCR share (closer to train)</td><td class=\"num\">").append(fmt(p.dcrShare().value())).append("</td><td>")
                    .append(ci(p.dcrShare().ci())).append(", baseline ").append(fmt(p.dcrShare().baseline())).append("</td></tr>");
        }
        if (p.identicalMatch() != null) {
            Privacy.IdenticalMatch m = p.identicalMatch();
            h.append("<tr><td>Identical match share</td><td class=\"num\">").append(fmt(m.syntheticShare())).append("</td><td>")
                    .append(ci(m.syntheticCi())).append(m.holdoutShare() == null ? "" : ", holdout baseline " + fmt(m.holdoutShare()))
                    .append("</td></tr>");
        }
        if (p.nndr() != null && p.nndr().syntheticToTrain() != null) {
            h.append("<tr><td>NNDR median (synthetic to train)</td><td class=\"num\">").append(fmt(p.nndr().syntheticToTrain().median()))
                    .append("</td><td>").append(p.nndr().holdoutToTrain() == null ? "" : "holdout to train " + fmt(p.nndr().holdoutToTrain().median()))
                    .append("</td></tr>");
        }
        h.append("</table>");
        if (p.dcr() != null && p.dcr().syntheticToTrain() != null && !p.dcr().syntheticToTrain().histogram().edges().isEmpty()) {
            List<List<Long>> series = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> colours = new ArrayList<>();
            series.add(p.dcr().syntheticToTrain().histogram().counts());
            names.add("synthetic to train");
            colours.add(Svg.SYNTHETIC);
            if (p.dcr().syntheticToHoldout() != null) {
                series.add(p.dcr().syntheticToHoldout().histogram().counts());
                names.add("synthetic to holdout");
                colours.add(Svg.HOLDOUT);
            }
            if (p.dcr().holdoutToTrain() != null) {
                series.add(p.dcr().holdoutToTrain().histogram().counts());
                names.add("holdout to train");
                colours.add(Svg.REAL);
            }
            h.append("<div class=\"grid\">").append(Svg.histograms("Distance to closest record", p.dcr().syntheticToTrain().histogram().edges(),
                    series, names, colours));
            if (p.nndr() != null && p.nndr().syntheticToTrain() != null && !p.nndr().syntheticToTrain().histogram().edges().isEmpty()) {
                List<List<Long>> n = new ArrayList<>();
                n.add(p.nndr().syntheticToTrain().histogram().counts());
                List<String> nn = new ArrayList<>(List.of("synthetic to train"));
                List<String> nc = new ArrayList<>(List.of(Svg.SYNTHETIC));
                if (p.nndr().holdoutToTrain() != null) {
                    n.add(p.nndr().holdoutToTrain().histogram().counts());
                    nn.add("holdout to train");
                    nc.add(Svg.REAL);
                }
                h.append(Svg.histograms("Nearest-neighbour distance ratio", p.nndr().syntheticToTrain().histogram().edges(), n, nn, nc));
            }
            h.append("</div>");
        }
        if (p.attacks() != null) {
            attacks(h, p.attacks());
        }
    }

    private static void attacks(StringBuilder h, Privacy.Attacks a) {
        h.append("<h2>Attacks</h2>");
        if (a.membershipInference() != null) {
            Privacy.MembershipInference m = a.membershipInference();
            h.append("<p>Membership inference (distance-based): AUC <b>").append(fmt(m.auc())).append("</b> ").append(ci(m.ci()))
                    .append(" over ").append(m.members()).append(" members and ").append(m.nonMembers())
                    .append(" holdout non-members; 0.5 is chance; advantage ").append(fmt(m.advantage())).append(".</p>");
        }
        h.append("<table><tr><th>Attack</th><th>Attacks</th><th>Main success</th><th>Control</th><th>Baseline</th><th>Risk</th></tr>");
        if (a.singlingOut() != null) {
            risk(h, "Singling out", a.singlingOut());
        }
        if (a.linkability() != null) {
            risk(h, "Linkability", a.linkability());
        }
        for (Privacy.AttributeInference ai : a.attributeInference()) {
            risk(h, "Attribute inference: " + ai.column() + " (nearest neighbour)", ai.nearestNeighbour());
        }
        h.append("</table><p class=\"muted\">Risk = (main - control) / (1 - control), Anonymeter's definition. A negative risk means the "
                + "attack did worse on the training rows than on the control rows it never saw: no measurable risk, counted as 0 in "
                + "the privacy risk the release gate checks.</p>");
        if (!a.attributeInference().isEmpty()) {
            h.append("<table><tr><th>Secret</th><th>CAP score</th><th>coverage</th><th>zero-CAP (train / holdout)</th>"
                    + "<th>baseline</th><th>DisclosureProtection</th><th>classifier accuracy (train / holdout)</th><th>majority</th></tr>");
            for (Privacy.AttributeInference ai : a.attributeInference()) {
                h.append("<tr><td>").append(escape(ai.column())).append("</td><td class=\"num\">").append(fmt(ai.cap().attackScore()))
                        .append("</td><td class=\"num\">").append(fmt(ai.cap().coverage())).append("</td><td class=\"num\">")
                        .append(fmt(ai.cap().zeroCapScore())).append(" / ").append(fmt(ai.cap().controlZeroCapScore()))
                        .append("</td><td class=\"num\">").append(fmt(ai.cap().baseline())).append("</td><td class=\"num\">")
                        .append(fmt(ai.cap().protection())).append("</td><td class=\"num\">")
                        .append(rate(ai.classifier().accuracyOnTrain())).append(" / ").append(rate(ai.classifier().accuracyOnControl()))
                        .append("</td><td class=\"num\">").append(fmt(ai.classifier().majorityBaseline())).append("</td></tr>");
            }
            h.append("</table>");
        }
    }

    private static void risk(StringBuilder h, String name, Privacy.Risk r) {
        h.append("<tr><td>").append(escape(name)).append("</td><td class=\"num\">").append(r.attacks()).append("</td><td class=\"num\">")
                .append(rate(r.main())).append("</td><td class=\"num\">").append(rate(r.control())).append("</td><td class=\"num\">")
                .append(rate(r.baseline())).append("</td><td class=\"num\"><b>").append(rate(r.risk())).append("</b></td></tr>");
    }

    private static void pii(StringBuilder h, PiiReplacement p) {
        h.append("<h2>Replaced personal data</h2><p class=\"muted\">Columns whose values replaced personal data. They are")
                .append(" checked for what a replacement must be, not for closeness to the real values: the kind's format,")
                .append(" uniqueness like the real column's, and no real value returned (a leak where a value identifies someone;")
                .append(" common values such as first names or birth dates are shared by many people and only shown). Columns made")
                .append(" without the model are left out of every other section and of the release gate's fidelity.</p>")
                .append("<table><tr><th>column</th><th>kind</th><th>learned as</th><th>valid format</th><th>rule</th>")
                .append("<th>distinct (synthetic / real)</th><th>missing (synthetic / real)</th><th>real values returned</th></tr>");
        for (PiiReplacement.Column c : p.columns()) {
            h.append("<tr><td>").append(escape(c.name())).append("</td><td>").append(escape(c.kind())).append("</td><td>")
                    .append(c.learnedAs() == null ? "<span class=\"muted\">not learned: left out of fidelity</span>"
                            : escape(c.learnedAs()) + " (in fidelity)")
                    .append("</td><td class=\"num\">").append(pct(c.validShare())).append("</td><td>").append(escape(c.rule()))
                    .append("</td><td class=\"num\">").append(pct(c.distinctShare())).append(" / ").append(pct(c.realDistinctShare()))
                    .append("</td><td class=\"num\">").append(pct(c.missingShare())).append(" / ").append(pct(c.realMissingShare()))
                    .append("</td><td class=\"num\">").append(c.realValueMatches())
                    .append(c.identifying() ? (c.realValueMatches() == 0 ? " (none)" : " <b>leak</b>") : " <span class=\"muted\">(common values)</span>")
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void fairness(StringBuilder h, Fairness f) {
        h.append("<h2>Fairness</h2><p class=\"muted\">Rate of <b>").append(escape(f.label())).append(" = ").append(escape(f.favourable()))
                .append("</b> per group; effects within ").append(f.tolerance()).append(" count as preserved.</p>");
        h.append("<table><tr><th>Attribute</th><th>Metric</th><th>Real</th><th>Synthetic</th><th>Synthetic data</th></tr>");
        for (Fairness.Gap g : f.gaps()) {
            h.append("<tr><td>").append(escape(g.attribute())).append("</td><td>").append(escape(g.metric())).append("</td><td class=\"num\">")
                    .append(fmt(g.real())).append("</td><td class=\"num\">").append(fmt(g.synthetic())).append("</td><td>")
                    .append(g.effect() == null ? "n/a" : escape(g.effect())).append("</td></tr>");
        }
        h.append("</table>");
        if (!f.equalizedOdds().isEmpty()) {
            h.append("<table><tr><th>Attribute</th><th>Model</th><th>Equalized-odds difference TRTR</th><th>TSTR</th><th>Synthetic data</th></tr>");
            for (Fairness.EqualizedOdds e : f.equalizedOdds()) {
                h.append("<tr><td>").append(escape(e.attribute())).append("</td><td>").append(escape(e.model())).append("</td><td class=\"num\">")
                        .append(fmt(e.trtr())).append("</td><td class=\"num\">").append(fmt(e.tstr())).append("</td><td>")
                        .append(e.effect() == null ? "n/a" : escape(e.effect())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<details><summary>Group rates</summary><table><tr><th>Attribute</th><th>Group</th><th>Real rows</th>"
                + "<th>Synthetic rows</th><th>Real rate</th><th>Synthetic rate</th></tr>");
        for (Fairness.GroupRate g : f.groups()) {
            h.append("<tr><td>").append(escape(g.attribute())).append("</td><td>").append(escape(g.group())).append("</td><td class=\"num\">")
                    .append(g.realCount()).append("</td><td class=\"num\">").append(g.syntheticCount()).append("</td><td class=\"num\">")
                    .append(fmt(g.realRate())).append("</td><td class=\"num\">").append(fmt(g.syntheticRate())).append("</td></tr>");
        }
        h.append("</table></details>");
    }

    private static String rate(Rate r) {
        return r == null || Double.isNaN(r.value()) ? "n/a"
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.value(), r.low(), r.high());
    }

    private static String ci(Interval i) {
        return i == null ? "" : String.format(Locale.ROOT, "(%.0f%% CI %.3f to %.3f)", i.level() * 100, i.low(), i.high());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String fmt(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
