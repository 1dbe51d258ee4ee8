package io.synthline.profiler.engine.report;

import static io.synthline.profiler.engine.report.ProfileHtml.esc;

import io.synthline.commons.profile.RelationalProfile;
import io.synthline.commons.relational.KeyProposal;
import java.util.Locale;

/**
 * The profile of a dataset made of several tables as one self-contained HTML page: the tables with
 * their keys, the relationships (with the evidence and confidence of proposed keys), the sequences,
 * then each table's single-table profile ({@link ProfileHtml}).
 */
public final class RelationalProfileHtml {
    private RelationalProfileHtml() {
    }

    public static String render(RelationalProfile p, String name) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "Profile of " + (name == null ? "a relational dataset" : name);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(ProfileHtml.CSS).append("</style></head><body>\n")
                .append("<header><h1>").append(esc(title)).append("</h1><p class=\"meta\">").append(p.tables().size())
                .append(" tables &middot; keys ").append(esc(p.metadataSource())).append("</p></header>\n<main>\n");
        h.append("<section><h2>Tables</h2><table><thead><tr><th>table</th><th>rows</th><th>columns</th><th>primary key</th>")
                .append("<th>sequence</th></tr></thead><tbody>");
        p.tables().forEach((table, t) -> {
            var meta = p.metadata().table(table);
            h.append("<tr><td>").append(esc(table)).append("</td><td>").append(t.rowCount()).append("</td><td>").append(t.columnCount())
                    .append("</td><td>").append(esc(String.join(" + ", meta.primaryKey()))).append("</td><td>")
                    .append(meta.isSequential() ? esc(String.join(" + ", meta.sequence().entityKey()) + " ordered by "
                            + meta.sequence().orderColumn()) : "").append("</td></tr>");
        });
        h.append("</tbody></table></section>\n<section><h2>Relationships</h2><ul>");
        KeyProposal proposal = p.proposal();
        for (var r : p.metadata().relationships()) {
            h.append("<li>").append(esc(r.label()));
            if (proposal != null) {
                proposal.foreignKeys().stream().filter(fk -> fk.relationship().equals(r)).findFirst().ifPresent(fk -> h.append(
                        String.format(Locale.ROOT, " &middot; proposed, confidence %.2f: ", fk.confidence()))
                        .append(esc(String.join("; ", fk.evidence()))));
            }
            h.append("</li>");
        }
        h.append("</ul>");
        if (proposal != null) {
            h.append("<h3>Proposed primary keys</h3><ul>");
            for (var pk : proposal.primaryKeys()) {
                h.append("<li>").append(esc(pk.table() + " " + pk.columns())).append(String.format(Locale.ROOT, " (confidence %.2f): ",
                        pk.confidence())).append(esc(String.join("; ", pk.evidence()))).append("</li>");
            }
            for (var s : proposal.sequences()) {
                h.append("<li>").append(esc(s.table() + " looks sequential: entity " + s.entityKey() + " ordered by " + s.orderColumn()))
                        .append(String.format(Locale.ROOT, " (confidence %.2f, not applied)", s.confidence())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
        if (!p.sequences().isEmpty()) {
            h.append("<section><h2>Sequences</h2><table><thead><tr><th>table</th><th>sequences</th><th>mean length</th>")
                    .append("<th>max length</th><th>median step</th></tr></thead><tbody>");
            for (var s : p.sequences()) {
                h.append("<tr><td>").append(esc(s.table())).append("</td><td>").append(s.sequences()).append("</td><td>")
                        .append(number(s.lengths().mean())).append("</td><td>").append(number(s.lengths().max())).append("</td><td>")
                        .append(number(s.interArrival().median())).append("</td></tr>");
            }
            h.append("</tbody></table></section>\n");
        }
        p.tables().forEach((table, t) -> {
            h.append("<section><h2>Table ").append(esc(table)).append("</h2>\n");
            h.append(mainOf(ProfileHtml.render(t)));
            h.append("</section>\n");
        });
        h.append("</main></body></html>\n");
        return h.toString();
    }

    /** The sections of a single-table page, without its head and header. */
    private static String mainOf(String page) {
        int from = page.indexOf("<main>");
        int to = page.lastIndexOf("</main>");
        return from < 0 || to < from ? "" : page.substring(from + "<main>".length(), to);
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
