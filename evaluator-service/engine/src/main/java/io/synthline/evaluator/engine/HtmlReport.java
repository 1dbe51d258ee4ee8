package io.synthline.evaluator.engine;

import java.util.Locale;

/** A self-contained HTML page for an {@link EvaluationReport}: no scripts, no external resources. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(EvaluationReport report) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Synthline evaluation</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}.bar{background:#4a7;height:.8rem}")
                .append("</style></head><body><h1>Synthetic data evaluation</h1>");
        h.append("<p>").append(report.realRows()).append(" real rows, ").append(report.syntheticRows()).append(" synthetic rows.</p>");
        h.append("<h2>Quality</h2><table><tr><th>Property</th><th>Score</th></tr>");
        report.quality().properties().forEach((k, v) -> h.append("<tr><td>").append(escape(k)).append("</td><td>")
                .append(fmt(v)).append("</td></tr>"));
        h.append("</table><h2>Column Shapes</h2><table><tr><th>Column</th><th>Metric</th><th>Score</th><th></th></tr>");
        for (EvaluationReport.ShapeRow r : report.quality().details().columnShapes()) {
            h.append("<tr><td>").append(escape(r.column())).append("</td><td>").append(r.metric()).append("</td><td>")
                    .append(fmt(r.score())).append("</td><td><div class=\"bar\" style=\"width:")
                    .append(Double.isNaN(r.score()) ? 0 : Math.round(r.score() * 200)).append("px\"></div></td></tr>");
        }
        h.append("</table>");
        if (!report.notComputed().isEmpty()) {
            h.append("<p>Not computed yet: ").append(escape(String.join(", ", report.notComputed()))).append(".</p>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
