package io.synthline.profiler.engine.report;

import io.synthline.commons.profile.Alert;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.CorrelationMeasure;
import io.synthline.commons.profile.Correlations;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.FrequentItems;
import io.synthline.commons.profile.Histogram;
import io.synthline.commons.profile.PiiFinding;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The profile as one self-contained HTML page: inline CSS and inline SVG (histograms, frequent
 * values, a correlation heatmap), no scripts, fonts or anything fetched from elsewhere, so it can
 * be archived or mailed and renders offline.
 */
public final class ProfileHtml {
    private static final int HEATMAP_MAX_COLUMNS = 60;

    private ProfileHtml() {
    }

    public static String render(DatasetProfile p) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = p.source() == null ? "Dataset profile" : "Profile of " + p.source().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1><p class=\"meta\">profile version ").append(esc(p.profileVersion()))
                .append(p.datasetId() == null ? "" : " &middot; dataset " + esc(p.datasetId()))
                .append(" &middot; profiled ").append(esc(String.valueOf(p.profiledAt() == null ? Instant.EPOCH : p.profiledAt())))
                .append("</p></header>\n<main>\n");
        overview(h, p);
        alerts(h, p);
        privacy(h, p);
        heatmap(h, p);
        h.append("<section><h2>Columns</h2>\n");
        for (ColumnProfile c : p.columns()) {
            column(h, c, p);
        }
        h.append("</section>\n</main></body></html>\n");
        return h.toString();
    }

    private static void overview(StringBuilder h, DatasetProfile p) {
        var t = p.table();
        h.append("<section><h2>Overview</h2><dl class=\"grid\">");
        stat(h, "rows", fmt(p.rowCount()));
        stat(h, "columns", fmt(p.columnCount()));
        stat(h, "missing cells", fmt(t.missingCells()) + " (" + pct(t.missingShare()) + ")");
        stat(h, "duplicate rows", (t.duplicates().exact() ? "" : "~") + fmt(t.duplicates().count()) + " (" + pct(t.duplicates().share()) + ")");
        Map<String, Long> types = p.columns().stream().collect(Collectors.groupingBy(c -> c.type().name(), java.util.TreeMap::new,
                Collectors.counting()));
        stat(h, "types", types.entrySet().stream().map(e -> e.getKey().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        if (p.source() != null) {
            stat(h, "source", p.source().format() + (p.source().sizeBytes() == null ? "" : ", " + fmt(p.source().sizeBytes()) + " bytes")
                    + (p.source().csv() == null ? "" : ", " + p.source().csv().encoding() + ", delimiter '"
                    + p.source().csv().delimiter() + "'"));
        }
        h.append("</dl></section>\n");
    }

    private static void stat(StringBuilder h, String name, String value) {
        h.append("<div><dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd></div>");
    }

    private static void alerts(StringBuilder h, DatasetProfile p) {
        h.append("<section><h2>Alerts (").append(p.alerts().size()).append(")</h2>");
        if (p.alerts().isEmpty()) {
            h.append("<p>None.</p></section>\n");
            return;
        }
        h.append("<table><thead><tr><th>severity</th><th>kind</th><th>message</th></tr></thead><tbody>");
        p.alerts().stream().sorted((a, b) -> b.severity().ordinal() - a.severity().ordinal()).forEach(a ->
                h.append("<tr class=\"").append(a.severity().name().toLowerCase(Locale.ROOT)).append("\"><td>").append(a.severity())
                        .append("</td><td>").append(a.kind()).append("</td><td>").append(esc(a.message())).append("</td></tr>"));
        h.append("</tbody></table></section>\n");
    }

    private static void privacy(StringBuilder h, DatasetProfile p) {
        h.append("<section><h2>Personal data and sensitive attributes</h2>");
        if (p.pii().isEmpty()) {
            h.append("<p>No column was recognised as personal data.</p>");
        } else {
            h.append("<table><thead><tr><th>column</th><th>kind</th><th>confidence</th><th>locale</th><th>format</th><th>evidence</th></tr></thead><tbody>");
            for (PiiFinding f : p.pii()) {
                h.append("<tr><td>").append(esc(f.column())).append("</td><td>").append(f.kind())
                        .append(f.embedded().isEmpty() ? "" : " " + esc(f.embedded().toString())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.2f", f.confidence())).append("</td><td>")
                        .append(esc(nz(f.locale()))).append("</td><td>").append(esc(nz(f.format()))).append("</td><td>")
                        .append(esc(String.join("; ", f.evidence()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        if (!p.attributes().isEmpty()) {
            h.append("<table><thead><tr><th>column</th><th>category</th><th>roles</th><th>confidence</th><th>evidence</th></tr></thead><tbody>");
            for (AttributeTag a : p.attributes()) {
                h.append("<tr><td>").append(esc(a.column())).append("</td><td>").append(a.category()).append("</td><td>")
                        .append(a.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.2f", a.confidence())).append("</td><td>")
                        .append(esc(String.join("; ", a.evidence()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");
    }

    /** One square per pair: |Pearson| for numeric pairs, Cramér's V, or the correlation ratio. */
    private static void heatmap(StringBuilder h, DatasetProfile p) {
        Correlations corr = p.correlations();
        if (corr == null || corr.columns().size() < 2) {
            return;
        }
        List<String> cols = corr.columns().subList(0, Math.min(corr.columns().size(), HEATMAP_MAX_COLUMNS));
        Map<String, Double> strength = new HashMap<>();
        for (Correlations.PairCorrelation c : corr.pairs()) {
            if (c.measure() == CorrelationMeasure.SPEARMAN) {
                continue;
            }
            strength.put(c.first() + "\u0000" + c.second(), Math.abs(c.value()));
            strength.put(c.second() + "\u0000" + c.first(), Math.abs(c.value()));
        }
        int cell = 18;
        int label = 150;
        int size = label + cols.size() * cell;
        h.append("<section><h2>Associations</h2><p class=\"meta\">")
                .append(corr.sampled() ? "computed on a uniform sample of " + fmt(corr.sampleSize()) + " rows (seed " + corr.seed() + ")"
                        : "computed on all " + fmt(corr.sampleSize()) + " rows")
                .append("; |Pearson| for numeric pairs, Cram&eacute;r's V for categorical pairs, correlation ratio for mixed pairs.")
                .append(cols.size() < corr.columns().size() ? " First " + cols.size() + " columns shown." : "").append("</p>");
        h.append("<svg class=\"heatmap\" role=\"img\" aria-label=\"correlation heatmap\" width=\"").append(size).append("\" height=\"")
                .append(size).append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\">");
        for (int i = 0; i < cols.size(); i++) {
            h.append("<text x=\"").append(label - 4).append("\" y=\"").append(label + i * cell + cell - 5)
                    .append("\" text-anchor=\"end\">").append(esc(ProfileText.clip(cols.get(i), 22))).append("</text>");
            h.append("<text transform=\"translate(").append(label + i * cell + cell - 5).append(',').append(label - 4)
                    .append(") rotate(-60)\">").append(esc(ProfileText.clip(cols.get(i), 22))).append("</text>");
        }
        for (int i = 0; i < cols.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                Double v = i == j ? Double.valueOf(1.0) : strength.get(cols.get(i) + "\u0000" + cols.get(j));
                String fill = v == null ? "#eeeeee" : shade(v);
                h.append("<rect x=\"").append(label + j * cell).append("\" y=\"").append(label + i * cell).append("\" width=\"")
                        .append(cell - 1).append("\" height=\"").append(cell - 1).append("\" fill=\"").append(fill).append("\"><title>")
                        .append(esc(cols.get(i) + " / " + cols.get(j) + (v == null ? ": n/a" : String.format(Locale.ROOT, ": %.3f", v))))
                        .append("</title></rect>");
            }
        }
        h.append("</svg></section>\n");
    }

    private static String shade(double v) {
        int level = (int) Math.round(255 - 200 * Math.max(0, Math.min(1, v)));
        return String.format(Locale.ROOT, "rgb(%d,%d,255)", level, level);
    }

    private static void column(StringBuilder h, ColumnProfile c, DatasetProfile p) {
        h.append("<article class=\"column\" id=\"col-").append(c.index()).append("\"><h3>").append(esc(c.name()))
                .append(" <span class=\"type\">").append(c.type()).append(c.format() == null ? "" : " " + esc(c.format()))
                .append(c.typeOverridden() ? " (declared; inferred " + c.inferredType() + ")" : "").append("</span>");
        for (PiiFinding f : p.piiOf(c.name())) {
            h.append(" <span class=\"badge pii\">").append(f.kind()).append("</span>");
        }
        for (AttributeTag a : p.attributesOf(c.name())) {
            h.append(" <span class=\"badge tag\">").append(a.category()).append("</span>");
        }
        h.append("</h3><div class=\"cols\"><dl class=\"facts\">");
        stat(h, "values", fmt(c.count()));
        stat(h, "missing", fmt(c.nullCount()) + " (" + pct(c.nullShare()) + ")");
        stat(h, "distinct", (c.distinct().exact() ? "" : "~") + fmt(c.distinct().estimate()));
        if (c.numeric() != null) {
            var n = c.numeric();
            stat(h, "min / max", ProfileText.num(n.min()) + " / " + ProfileText.num(n.max()));
            stat(h, "mean", ProfileText.num(n.mean()));
            stat(h, "std", n.stdDev() == null ? "-" : ProfileText.num(n.stdDev()));
            stat(h, "median", ProfileText.num(n.quantiles().at(0.5)) + (n.quantiles().exact() ? "" : " (\u00b1" + pct(n.quantiles().rankError()) + " rank)"));
            stat(h, "skewness", n.skewness() == null ? "-" : String.format(Locale.ROOT, "%.3f", n.skewness()));
            stat(h, "zeros", fmt(n.zeros()));
            stat(h, "outliers", fmt(n.outliers()));
        }
        if (c.datetime() != null) {
            stat(h, "range", c.datetime().min() + " .. " + c.datetime().max());
            stat(h, "span", String.format(Locale.ROOT, "%.0f days", c.datetime().rangeDays()));
        }
        if (c.text() != null) {
            stat(h, "length", c.text().minLength() + " .. " + c.text().maxLength() + String.format(Locale.ROOT, " (mean %.1f)", c.text().meanLength()));
        }
        if (c.formulaLikeCount() > 0) {
            stat(h, "formula-like", fmt(c.formulaLikeCount()));
        }
        if (!c.examples().isEmpty()) {
            stat(h, "examples", String.join(", ", c.examples()));
        } else if (c.valuesWithheld()) {
            stat(h, "values", "withheld: personal data");
        }
        h.append("</dl><div class=\"chart\">");
        if (c.numeric() != null) {
            histogram(h, c.numeric().histogram(), false);
        } else if (c.datetime() != null) {
            histogram(h, c.datetime().histogram(), true);
        } else if (c.frequent() != null) {
            frequent(h, c.frequent(), c.count());
        }
        h.append("</div></div></article>\n");
    }

    /** Bars with a y-axis of row counts (0, half, the largest bin) and the range's ends under the x-axis. */
    private static void histogram(StringBuilder h, Histogram hist, boolean dates) {
        List<Long> counts = hist.counts();
        if (counts.isEmpty()) {
            return;
        }
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(1);
        String approx = hist.estimated() ? "~" : "";
        int left = 8 + 6 * Math.max(1, (approx + fmt(max)).length());
        int width = 380;
        int plotW = width - left - 4;
        int top = 6;
        int height = 110;
        double bar = (double) plotW / counts.size();
        h.append("<svg class=\"hist\" role=\"img\" aria-label=\"histogram, rows per bin\" width=\"").append(width).append("\" height=\"")
                .append(top + height + 18).append("\" viewBox=\"0 0 ").append(width).append(' ').append(top + height + 18).append("\">");
        for (int k = 0; k <= 2; k++) {
            double y = top + height - height * k / 2.0;
            long v = Math.round(max * k / 2.0);
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>", left, y, width - 4, y,
                    k == 0 ? "#5b6478" : "#e6e8f0"));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 3, y + 3,
                    esc((k == 0 ? "" : approx) + fmt(v))));
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#5b6478\"/>", left, top, left,
                top + height));
        for (int i = 0; i < counts.size(); i++) {
            double bh = max == 0 ? 0 : (double) counts.get(i) / max * height;
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s .. %s: %s rows</title></rect>",
                    left + i * bar, top + height - bh, Math.max(1, bar - 1), bh, esc(edge(hist.edges().get(i), dates)),
                    esc(edge(hist.edges().get(i + 1), dates)), approx + fmt(counts.get(i))));
        }
        h.append("<text x=\"").append(left).append("\" y=\"").append(top + height + 14).append("\">").append(esc(edge(hist.edges().getFirst(), dates)))
                .append("</text><text x=\"").append(width - 4).append("\" y=\"").append(top + height + 14).append("\" text-anchor=\"end\">")
                .append(esc(edge(hist.edges().getLast(), dates))).append("</text></svg>");
    }

    private static String edge(double v, boolean dates) {
        return dates ? Instant.ofEpochMilli((long) v).toString().substring(0, 10) : ProfileText.num(v);
    }

    private static void frequent(StringBuilder h, FrequentItems f, long count) {
        if (f.items().isEmpty()) {
            return;
        }
        h.append("<table class=\"freq\"><tbody>");
        for (FrequentItems.Item i : f.items()) {
            h.append("<tr><td>").append(esc(ProfileText.clip(i.value(), 40))).append("</td><td class=\"bar\"><span style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * i.share())).append("%\"></span></td><td>")
                    .append(f.exact() ? "" : "~").append(fmt(i.count())).append("</td></tr>");
        }
        if (f.otherCount() > 0) {
            h.append("<tr><td><em>other values</em></td><td class=\"bar\"><span style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100.0 * f.otherCount() / Math.max(1, count))).append("%\"></span></td><td>")
                    .append(fmt(f.otherCount())).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String fmt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7fb}
            header{background:#1d2a4d;color:#fff;padding:16px 28px}header h1{margin:0;font-size:22px}
            .meta{color:#5b6478;font-size:12px}header .meta{color:#c9d1e6}
            main{padding:8px 28px 40px;max-width:1200px}section{margin:22px 0}h2{font-size:17px;border-bottom:1px solid #d5d9e4;padding-bottom:4px}
            table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceef3;vertical-align:top}
            th{font-weight:600;background:#eef1f7}tr.error td:first-child{color:#b3261e;font-weight:600}tr.warning td:first-child{color:#a15c00;font-weight:600}
            dl.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px}dl.grid div,dl.facts div{background:#fff;padding:6px 10px;border-radius:4px}
            dt{font-size:11px;text-transform:uppercase;color:#5b6478}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
            article.column{background:#fff;border:1px solid #e0e3ec;border-radius:6px;padding:10px 14px;margin:12px 0}
            article h3{margin:0 0 8px;font-size:15px}.type{font-weight:400;color:#5b6478;font-size:12px}
            .badge{font-size:11px;padding:1px 6px;border-radius:8px;font-weight:600}.pii{background:#fde2e1;color:#8c1d18}.tag{background:#e3ecff;color:#1d3a8c}
            .cols{display:flex;gap:18px;flex-wrap:wrap}dl.facts{display:grid;grid-template-columns:repeat(2,minmax(140px,1fr));gap:4px;margin:0;flex:1;min-width:300px}
            dl.facts div{background:#f6f7fb}.chart{flex:1;min-width:360px}svg.hist rect{fill:#4b6cc1}svg text{font-size:10px;fill:#5b6478}
            table.freq td{padding:2px 6px}td.bar{width:45%}td.bar span{display:block;height:10px;background:#4b6cc1;border-radius:2px;min-width:1px}
            svg.heatmap{background:#fff}
            """;
}
