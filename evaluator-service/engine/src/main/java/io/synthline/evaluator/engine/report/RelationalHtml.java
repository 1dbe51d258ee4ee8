package io.synthline.evaluator.engine.report;

import io.synthline.commons.evaluation.MultiTableQuality;
import io.synthline.commons.evaluation.RelationalEvaluation;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link RelationalEvaluation} as one self-contained HTML page, in the style of the single-table report. */
public final class RelationalHtml {
    private RelationalHtml() {
    }

    public static String render(RelationalEvaluation doc) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Synthline relational evaluation</title><style>")
                .append(Html.STYLE).append("</style></head><body><h1>Synthetic database evaluation</h1>");
        h.append("<table><tr><th>table</th><th>real rows</th><th>synthetic rows</th><th>holdout rows</th></tr>");
        for (RelationalEvaluation.TableInput t : doc.tables()) {
            h.append("<tr><td>").append(Html.escape(t.name())).append("</td><td class=\"num\">").append(t.realRows())
                    .append("</td><td class=\"num\">").append(t.syntheticRows()).append("</td><td class=\"num\">")
                    .append(t.holdoutRows() == null ? "" : t.holdoutRows()).append("</td></tr>");
        }
        h.append("</table><div class=\"cards\">");
        if (doc.quality() != null) {
            card(h, "QualityReport", doc.quality().score());
            doc.quality().properties().forEach((k, v) -> card(h, k, v));
        }
        if (doc.integrity() != null) {
            card(h, "Referential integrity", doc.integrity().score());
        }
        if (doc.privacy() != null) {
            card(h, "Entity MIA AUC", doc.privacy().membershipInference().auc());
        }
        h.append("</div>");
        if (doc.quality() != null) {
            quality(h, doc.quality());
        }
        if (doc.integrity() != null) {
            integrity(h, doc.integrity());
        }
        if (!doc.sequences().isEmpty()) {
            sequences(h, doc);
        }
        if (doc.privacy() != null) {
            privacy(h, doc.privacy());
        }
        if (!doc.skipped().isEmpty()) {
            h.append("<h2>Not computed</h2><ul>");
            doc.skipped().forEach((k, v) -> h.append("<li><b>").append(Html.escape(k)).append("</b>: ").append(Html.escape(v)).append("</li>"));
            h.append("</ul>");
        }
        return h.append("</body></html>").toString();
    }

    private static void card(StringBuilder h, String k, Double v) {
        h.append("<div class=\"card\"><div class=\"v\">").append(Html.fmt(v)).append("</div><div class=\"k\">").append(Html.escape(k))
                .append("</div></div>");
    }

    private static void quality(StringBuilder h, MultiTableQuality q) {
        h.append("<h2>Quality (SDMetrics multi-table QualityReport)</h2><p class=\"muted\">").append(Html.escape(q.settings().compatibleWith()))
                .append(" definitions; pairs count when real |r| &gt; ").append(q.settings().realCorrelationThreshold())
                .append(" or real Cram&eacute;r's V &gt; ").append(q.settings().realAssociationThreshold()).append(".</p>");
        h.append("<details open><summary>Column Shapes</summary><table><tr><th>table</th><th>column</th><th>metric</th><th>score</th></tr>");
        for (MultiTableQuality.ColumnShape s : q.details().columnShapes()) {
            h.append("<tr><td>").append(Html.escape(s.table())).append("</td><td>").append(Html.escape(s.column())).append("</td><td>")
                    .append(s.metric()).append("</td><td class=\"num\">").append(Html.fmt(s.score())).append("</td></tr>");
        }
        h.append("</table></details><details><summary>Column Pair Trends (counting pairs)</summary><table><tr><th>table</th><th>column 1</th>"
                + "<th>column 2</th><th>metric</th><th>score</th></tr>");
        for (MultiTableQuality.ColumnPairTrend p : q.details().columnPairTrends()) {
            if (Boolean.TRUE.equals(p.meetsThreshold())) {
                h.append("<tr><td>").append(Html.escape(p.table())).append("</td><td>").append(Html.escape(p.column1())).append("</td><td>")
                        .append(Html.escape(p.column2())).append("</td><td>").append(p.metric()).append("</td><td class=\"num\">")
                        .append(Html.fmt(p.score())).append("</td></tr>");
            }
        }
        h.append("</table></details><details open><summary>Cardinality</summary><table><tr><th>child</th><th>parent</th><th>foreign key</th>"
                + "<th>score</th></tr>");
        for (MultiTableQuality.Cardinality c : q.details().cardinality()) {
            h.append("<tr><td>").append(Html.escape(c.childTable())).append("</td><td>").append(Html.escape(c.parentTable())).append("</td><td>")
                    .append(Html.escape(c.foreignKey())).append("</td><td class=\"num\">").append(Html.fmt(c.score())).append("</td></tr>");
        }
        h.append("</table></details><details><summary>Intertable Trends (counting pairs)</summary><table><tr><th>parent.column</th>"
                + "<th>child.column</th><th>metric</th><th>score</th></tr>");
        for (MultiTableQuality.IntertableTrend t : q.details().intertableTrends()) {
            if (Boolean.TRUE.equals(t.meetsThreshold())) {
                h.append("<tr><td>").append(Html.escape(t.parentTable() + "." + t.column1())).append("</td><td>")
                        .append(Html.escape(t.childTable() + "." + t.column2())).append("</td><td>").append(t.metric())
                        .append("</td><td class=\"num\">").append(Html.fmt(t.score())).append("</td></tr>");
            }
        }
        h.append("</table></details>");
    }

    private static void integrity(StringBuilder h, RelationalEvaluation.Integrity i) {
        h.append("<h2>Keys</h2><table><tr><th>table</th><th>primary key</th><th>rows</th><th>missing</th><th>duplicates</th></tr>");
        for (RelationalEvaluation.KeyCheck k : i.primaryKeys()) {
            h.append("<tr><td>").append(Html.escape(k.table())).append("</td><td>").append(Html.escape(String.join(", ", k.columns())))
                    .append("</td><td class=\"num\">").append(k.rows()).append("</td><td class=\"num\">").append(k.missing())
                    .append("</td><td class=\"num\">").append(k.duplicates()).append("</td></tr>");
        }
        h.append("</table><table><tr><th>foreign key</th><th>rows</th><th>dangling</th><th>missing (real)</th><th>missing (synthetic)</th>"
                + "<th>integrity</th></tr>");
        for (RelationalEvaluation.ForeignKeyCheck f : i.foreignKeys()) {
            h.append("<tr><td>").append(Html.escape(f.childTable() + "." + String.join("+", f.foreignKey()) + " -> " + f.parentTable()))
                    .append("</td><td class=\"num\">").append(f.rows()).append("</td><td class=\"num\">").append(f.dangling())
                    .append("</td><td class=\"num\">").append(pct(f.realMissingShare())).append("</td><td class=\"num\">")
                    .append(pct(f.syntheticMissingShare())).append("</td><td class=\"num\">").append(Html.fmt(f.score())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void sequences(StringBuilder h, RelationalEvaluation doc) {
        h.append("<h2>Sequences</h2>");
        for (RelationalEvaluation.SequenceQuality s : doc.sequences()) {
            h.append("<h3>").append(Html.escape(s.table())).append(" by ").append(Html.escape(String.join("+", s.entityKey())))
                    .append(", ordered by ").append(Html.escape(s.orderColumn())).append("</h3><table>")
                    .append(row("sequences (real / synthetic)", s.realSequences() + " / " + s.syntheticSequences()))
                    .append(row("mean length (real / synthetic)", String.format(Locale.ROOT, "%.2f / %.2f", s.realMeanLength(),
                            s.syntheticMeanLength())))
                    .append(row("length KSComplement", Html.fmt(s.lengthKsComplement())))
                    .append(row("inter-arrival KSComplement", Html.fmt(s.interArrivalKsComplement()))).append("</table>");
            h.append("<table><tr><th>column</th><th>lag</th><th>real autocorrelation</th><th>synthetic</th></tr>");
            for (RelationalEvaluation.Autocorrelation a : s.autocorrelation()) {
                h.append("<tr><td>").append(Html.escape(a.column())).append("</td><td class=\"num\">").append(a.lag())
                        .append("</td><td class=\"num\">").append(Html.fmt(a.real())).append("</td><td class=\"num\">")
                        .append(Html.fmt(a.synthetic())).append("</td></tr>");
            }
            h.append("</table><table><tr><th>column</th><th>transition similarity</th></tr>");
            for (Map.Entry<String, Double> e : s.transitions().entrySet()) {
                h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"num\">").append(Html.fmt(e.getValue()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
    }

    private static void privacy(StringBuilder h, RelationalEvaluation.EntityPrivacy p) {
        h.append("<h2>Privacy at entity level</h2><p class=\"muted\">One record = a ").append(Html.escape(p.rootTable()))
                .append(" row with all its descendant rows; ").append(p.trainingEntities()).append(" training, ").append(p.holdoutEntities())
                .append(" holdout, ").append(p.syntheticEntities()).append(" synthetic entities; features: ")
                .append(Html.escape(String.join(", ", p.features()))).append(".</p><table>")
                .append(row("membership inference AUC", String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", p.membershipInference().auc(),
                        p.membershipInference().ci().low(), p.membershipInference().ci().high())))
                .append(row("synthetic entities closer to training than holdout", String.format(Locale.ROOT, "%s (baseline %s)",
                        pct(p.dcrShare().value()), pct(p.dcrShare().baseline()))))
                .append(row("median DCR synthetic -> training", Html.fmt(p.medianDcrSyntheticToTraining())))
                .append(row("median DCR holdout -> training", Html.fmt(p.medianDcrHoldoutToTraining()))).append("</table>");
    }

    private static String row(String k, String v) {
        return "<tr><th>" + Html.escape(k) + "</th><td class=\"num\">" + Html.escape(v) + "</td></tr>";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
