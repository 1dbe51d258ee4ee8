package io.synthline.governance.engine.datacard;

import io.synthline.commons.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown, HTML (self-contained, escaped) and JSON renderings of a {@link DataCard}. */
public final class DataCardRenderer {
    private DataCardRenderer() {
    }

    public static String json(DataCard c) {
        return Json.writePretty(c);
    }

    public static String markdown(DataCard c) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(mdText(c.title())).append("\n\n");
        md.append("Generated ").append(c.generatedAt()).append(" for synthetic release ").append(code(c.generationId())).append(".\n\n");
        md.append("## Source\n\n");
        md.append("- **Dataset:** ").append(mdText(c.source().name())).append(" (").append(code(c.source().datasetId())).append(")\n");
        md.append("- **SHA-256:** ").append(code(c.source().sha256())).append('\n');
        row(md, "Rows", c.source().rows());
        row(md, "Classification", c.source().classification());
        row(md, "Owner", c.source().owner());
        row(md, "Legal basis", c.source().legalBasis());
        if (!c.source().tables().isEmpty()) {
            md.append("\n| table | rows | columns | primary key | parents | SHA-256 |\n|---|---:|---:|---|---|---|\n");
            for (var t : c.source().tables()) {
                md.append("| ").append(mdText(t.name())).append(" | ").append(t.rows()).append(" | ").append(t.columns()).append(" | ")
                        .append(mdText(String.join(" + ", t.primaryKey() == null ? List.of() : t.primaryKey()))).append(" | ")
                        .append(mdText(String.join(", ", t.parents() == null ? List.of() : t.parents()))).append(" | ")
                        .append(code(t.sha256())).append(" |\n");
            }
        }
        md.append("\n## Method\n\n");
        row(md, "Model", c.method().model());
        row(md, "Rows generated", c.method().rows());
        row(md, "Seed", c.method().seed());
        row(md, "Requested by", c.method().requestedBy());
        row(md, "Completed", c.method().completedAt());
        md.append("- **Output SHA-256:** ").append(code(c.method().outputSha256())).append('\n');
        if (c.method().tables() != null) {
            md.append("- **Output tables:** ").append(c.method().tables().size())
                    .append(" (the output SHA-256 hashes the index naming them; each table's CSV is hashed below)\n");
            md.append("\n| output table | rows | columns | bytes | SHA-256 |\n|---|---:|---:|---:|---|\n");
            for (var t : c.method().tables()) {
                md.append("| ").append(mdText(t.name())).append(" | ").append(t.rows()).append(" | ")
                        .append(t.columns() == null ? "" : t.columns()).append(" | ").append(t.bytes()).append(" | ")
                        .append(code(t.sha256())).append(" |\n");
            }
        }
        md.append("\n## Privacy\n\n");
        row(md, "Differentially private", c.privacy().differentiallyPrivate() ? "yes" : "no");
        if (c.privacy().differentiallyPrivate()) {
            row(md, "Epsilon spent", c.privacy().epsilonSpent());
            row(md, "Delta spent", c.privacy().deltaSpent());
            row(md, "rho (zCDP)", c.privacy().rho());
            row(md, "Mechanisms", c.privacy().mechanisms() == null ? null : String.join(", ", c.privacy().mechanisms()));
        }
        row(md, "Dataset epsilon spent to date", c.privacy().datasetEpsilonSpent());
        row(md, "Dataset epsilon remaining", c.privacy().datasetEpsilonRemaining());
        row(md, "PII replaced", c.privacy().piiReplaced() ? "yes" : "no");
        md.append("\n## Evaluation\n\n");
        if (c.scores() == null || c.scores().isEmpty()) {
            md.append("Not evaluated yet.\n");
        } else {
            md.append("| metric | value |\n| --- | --- |\n");
            c.scores().forEach((k, v) -> md.append("| ").append(mdText(k)).append(" | ").append(fmt(v)).append(" |\n"));
        }
        md.append("\n## Fairness\n\n");
        c.fairnessFindings().forEach(f -> md.append("- ").append(mdText(f)).append('\n'));
        md.append("\n## Release\n\n");
        row(md, "Status", c.release().status());
        row(md, "Reason", c.release().reason());
        row(md, "Decided by", c.release().decidedBy());
        row(md, "Decided", c.release().decidedAt());
        md.append("\n## Intended use\n\n").append(c.intendedUse() == null ? "Not stated." : mdText(c.intendedUse())).append("\n");
        md.append("\n## Limitations\n\n");
        c.limitations().forEach(l -> md.append("- ").append(mdText(l)).append('\n'));
        md.append("\n## Retention\n\n");
        row(md, "Source retention", c.retention().period() == null ? "until deleted by its owner" : c.retention().period());
        row(md, "Source retained until", c.retention().sourceRetainedUntil());
        return md.toString();
    }

    public static String html(DataCard c) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(c.title())).append("</title><style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;"
                        + "padding:0 1rem;color:#1f2933}table{border-collapse:collapse}td,th{border:1px solid #cbd2d9;padding:.3rem .6rem;"
                        + "text-align:left}code{font-size:.85em}h2{margin-top:1.6rem;border-bottom:1px solid #e4e7eb}</style></head><body>");
        h.append("<h1>").append(esc(c.title())).append("</h1><p>Generated ").append(esc(String.valueOf(c.generatedAt())))
                .append(" for synthetic release <code>").append(esc(c.generationId())).append("</code>.</p>");
        section(h, "Source", new Object[][] {{"Dataset", c.source().name() + " (" + c.source().datasetId() + ")"},
                {"SHA-256", c.source().sha256()}, {"Rows", c.source().rows()}, {"Classification", c.source().classification()},
                {"Owner", c.source().owner()}, {"Legal basis", c.source().legalBasis()}});
        if (!c.source().tables().isEmpty()) {
            h.append("<h3>Tables</h3><table><tr><th>table</th><th>rows</th><th>columns</th><th>primary key</th><th>parents</th>"
                    + "<th>SHA-256</th></tr>");
            for (var t : c.source().tables()) {
                h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(t.rows()).append("</td><td>").append(t.columns())
                        .append("</td><td>").append(esc(String.join(" + ", t.primaryKey() == null ? List.of() : t.primaryKey())))
                        .append("</td><td>").append(esc(String.join(", ", t.parents() == null ? List.of() : t.parents())))
                        .append("</td><td><code>").append(esc(String.valueOf(t.sha256()))).append("</code></td></tr>");
            }
            h.append("</table>");
        }
        section(h, "Method", new Object[][] {{"Model", c.method().model()}, {"Rows generated", c.method().rows()},
                {"Seed", c.method().seed()}, {"Requested by", c.method().requestedBy()}, {"Completed", c.method().completedAt()},
                {"Output SHA-256", c.method().outputSha256()}, {"Output tables", c.method().tables() == null ? null
                        : c.method().tables().size() + " (the output SHA-256 hashes the index naming them; each table's CSV is hashed below)"}});
        if (c.method().tables() != null) {
            h.append("<h3>Output tables</h3><table><tr><th>table</th><th>rows</th><th>columns</th><th>bytes</th><th>SHA-256</th></tr>");
            for (var t : c.method().tables()) {
                h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(t.rows()).append("</td><td>")
                        .append(t.columns() == null ? "" : t.columns()).append("</td><td>").append(t.bytes()).append("</td><td><code>")
                        .append(esc(String.valueOf(t.sha256()))).append("</code></td></tr>");
            }
            h.append("</table>");
        }
        section(h, "Privacy", new Object[][] {{"Differentially private", c.privacy().differentiallyPrivate() ? "yes" : "no"},
                {"Epsilon spent", c.privacy().epsilonSpent()}, {"Delta spent", c.privacy().deltaSpent()}, {"rho (zCDP)", c.privacy().rho()},
                {"Dataset epsilon spent to date", c.privacy().datasetEpsilonSpent()},
                {"Dataset epsilon remaining", c.privacy().datasetEpsilonRemaining()}, {"PII replaced", c.privacy().piiReplaced() ? "yes" : "no"}});
        h.append("<h2>Evaluation</h2>");
        if (c.scores() == null || c.scores().isEmpty()) {
            h.append("<p>Not evaluated yet.</p>");
        } else {
            h.append("<table><tr><th>metric</th><th>value</th></tr>");
            c.scores().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(fmt(v)).append("</td></tr>"));
            h.append("</table>");
        }
        list(h, "Fairness", c.fairnessFindings());
        section(h, "Release", new Object[][] {{"Status", c.release().status()}, {"Reason", c.release().reason()},
                {"Decided by", c.release().decidedBy()}, {"Decided", c.release().decidedAt()}});
        h.append("<h2>Intended use</h2><p>").append(esc(c.intendedUse() == null ? "Not stated." : c.intendedUse())).append("</p>");
        list(h, "Limitations", c.limitations());
        section(h, "Retention", new Object[][] {{"Source retention", c.retention().period() == null ? "until deleted by its owner"
                : c.retention().period()}, {"Source retained until", c.retention().sourceRetainedUntil()}});
        return h.append("</body></html>").toString();
    }

    private static void section(StringBuilder h, String title, Object[][] rows) {
        h.append("<h2>").append(esc(title)).append("</h2><table>");
        for (Object[] r : rows) {
            if (r[1] != null) {
                h.append("<tr><th>").append(esc(String.valueOf(r[0]))).append("</th><td>").append(esc(String.valueOf(r[1])))
                        .append("</td></tr>");
            }
        }
        h.append("</table>");
    }

    private static void list(StringBuilder h, String title, java.util.List<String> items) {
        h.append("<h2>").append(esc(title)).append("</h2><ul>");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>"));
        h.append("</ul>");
    }

    private static void row(StringBuilder md, String name, Object value) {
        if (value != null) {
            md.append("- **").append(name).append(":** ").append(mdText(String.valueOf(value))).append('\n');
        }
    }

    /**
     * Text for Markdown: HTML is escaped (Markdown viewers render inline HTML, so a dataset named
     * {@code <script>} would run), and so are the characters that make links, code, tables and
     * headings; a line break would end the list item, so it becomes a space.
     */
    static String mdText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r', '\n' -> out.append(' ');
                case '\\', '`', '[', ']', '|', '*', '_', '#', '!' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** An id or a hash as inline code; they never contain a backtick, but a value that does is escaped as text. */
    private static String code(String s) {
        return s == null || s.indexOf('`') >= 0 || s.indexOf('\n') >= 0 ? mdText(s) : "`" + s + "`";
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** HTML text escaping: everything user-supplied (names, reasons, purposes) goes through here. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
