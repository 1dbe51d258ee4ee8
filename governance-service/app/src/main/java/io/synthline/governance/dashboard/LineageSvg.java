package io.synthline.governance.dashboard;

import io.synthline.governance.engine.datacard.DataCardRenderer;
import io.synthline.governance.engine.lineage.LineageGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a lineage graph as inline SVG, one column per artefact kind (source to release), without
 * any JavaScript. Each box names the artefact in full (wrapped, never cut), its version or hash,
 * and who did the step. The tables of a source or of a run on several tables stand under it in its
 * column, each with its hash and rows, joined to it in the left margin. Labels are escaped: names
 * come from users.
 */
public final class LineageSvg {
    static final List<String> COLUMNS = List.of("dataset", "profile", "model", "synthetic-dataset", "evaluation", "release");
    static final Map<String, String> HEADINGS = Map.of("dataset", "source dataset", "profile", "profile", "model", "model",
            "synthetic-dataset", "synthetic dataset", "evaluation", "evaluation", "release", "release");
    static final int W = 196;
    static final int LINE = 14;
    static final int GAP_X = 24;
    static final int GAP_Y = 14;
    /** Characters per line at 11 px in a 196 px box. */
    static final int CHARS = 30;

    private LineageSvg() {
    }

    /** @param owner the dataset's owner, shown on the source box (null: not shown) */
    public static String render(LineageGraph g, String owner) {
        Map<String, List<String>> lines = new HashMap<>();
        for (LineageGraph.Node n : g.nodes()) {
            lines.put(n.id(), lines(n, owner));
        }
        Map<String, int[]> pos = new HashMap<>();
        int[] nextY = new int[COLUMNS.size()];
        java.util.Arrays.fill(nextY, 34);
        for (LineageGraph.Node n : g.nodes()) {
            int c = column(n.kind());
            int h = height(lines.get(n.id()));
            pos.put(n.id(), new int[] {12 + c * (W + GAP_X), nextY[c], h});
            nextY[c] += h + GAP_Y;
        }
        int height = 20;
        for (int y : nextY) {
            height = Math.max(height, y);
        }
        int width = 24 + COLUMNS.size() * (W + GAP_X) - GAP_X;
        StringBuilder s = new StringBuilder("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"lineage graph\">");
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#627d98\"/></marker></defs>");
        for (int c = 0; c < COLUMNS.size(); c++) {
            s.append("<text x=\"").append(12 + c * (W + GAP_X)).append("\" y=\"16\" class=\"heading\">")
                    .append(HEADINGS.get(COLUMNS.get(c))).append("</text>");
        }
        for (LineageGraph.Edge e : g.edges()) {
            int[] a = pos.get(e.from());
            int[] b = pos.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            if (a[0] == b[0]) {
                // a table under its dataset, in the same column: an elbow through the left margin
                s.append("<path d=\"M ").append(a[0]).append(' ').append(a[1] + 18).append(" H ").append(a[0] - 6).append(" V ")
                        .append(b[1] + 18).append(" H ").append(b[0]).append("\" fill=\"none\" stroke=\"#627d98\" marker-end=\"url(#arrow)\"><title>")
                        .append(DataCardRenderer.esc(e.relation())).append("</title></path>");
                continue;
            }
            s.append("<line x1=\"").append(a[0] + W).append("\" y1=\"").append(a[1] + 18).append("\" x2=\"").append(b[0])
                    .append("\" y2=\"").append(b[1] + 18).append("\" stroke=\"#627d98\" marker-end=\"url(#arrow)\"><title>")
                    .append(DataCardRenderer.esc(e.relation())).append("</title></line>");
        }
        for (LineageGraph.Node n : g.nodes()) {
            int[] p = pos.get(n.id());
            String fill = switch (n.kind()) {
                case "dataset", "table" -> "#e6f0ff";
                case "synthetic-dataset", "synthetic-table" -> "#e3f9e5";
                case "release" -> n.label().equals("quarantined") ? "#ffe3e3" : "#fff3c4";
                case "evaluation" -> "#f0e6ff";
                default -> "#ffffff";
            };
            s.append("<g data-node=\"").append(DataCardRenderer.esc(n.id())).append("\"><title>")
                    .append(DataCardRenderer.esc(n.id() + (n.sha256() == null ? "" : "\nsha256 " + n.sha256())
                            + (n.attributes().isEmpty() ? "" : "\n" + n.attributes()))).append("</title><rect x=\"").append(p[0])
                    .append("\" y=\"").append(p[1]).append("\" width=\"").append(W).append("\" height=\"").append(p[2])
                    .append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"#9fb3c8\"/>");
            List<String> text = lines.get(n.id());
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                boolean muted = line.startsWith("\u0000");
                s.append("<text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 16 + i * LINE).append("\"")
                        .append(muted ? " class=\"muted\"" : "").append(">").append(DataCardRenderer.esc(muted ? line.substring(1) : line))
                        .append("</text>");
            }
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** A table stands in the column of what holds it. */
    static int column(String kind) {
        return Math.max(0, COLUMNS.indexOf(switch (kind) {
            case "table" -> "dataset";
            case "synthetic-table" -> "synthetic-dataset";
            default -> kind;
        }));
    }

    private static int height(List<String> lines) {
        return 10 + lines.size() * LINE;
    }

    /** The box's text: the label wrapped, then (muted) the version or hash and who did the step. */
    static List<String> lines(LineageGraph.Node n, String owner) {
        List<String> out = new ArrayList<>(wrap(n.label()));
        String detail = n.sha256() != null ? "sha256 " + n.sha256().substring(0, Math.min(16, n.sha256().length())) + "…"
                : n.version();
        if (detail != null && !detail.isBlank()) {
            out.add("\u0000" + detail.replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"));
        }
        String who = who(n, owner);
        if (who != null) {
            out.add("\u0000" + who);
        }
        return out;
    }

    private static String who(LineageGraph.Node n, String owner) {
        Map<String, Object> a = n.attributes();
        return switch (n.kind()) {
            case "dataset" -> owner == null ? null : "owner " + owner;
            case "profile" -> "by the profiler";
            case "model" -> a.get("requestedBy") == null ? null : "requested by " + a.get("requestedBy");
            case "synthetic-dataset" -> "by the generator";
            case "table", "synthetic-table" -> a.get("rows") == null ? null : a.get("rows") + " rows";
            case "evaluation" -> "by the evaluator";
            case "release" -> a.get("by") == null || "system".equals(a.get("by")) ? "by the release gate" : "by " + a.get("by");
            default -> null;
        };
    }

    /** Word wrap at {@link #CHARS}; a word longer than a line (an id, a file name) is split, never cut. */
    static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > CHARS) {
                if (!line.isEmpty()) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, CHARS));
                word = word.substring(CHARS);
            }
            if (line.length() + word.length() + (line.isEmpty() ? 0 : 1) > CHARS) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
