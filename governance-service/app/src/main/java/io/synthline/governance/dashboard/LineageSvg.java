package io.synthline.governance.dashboard;

import io.synthline.governance.engine.datacard.DataCardRenderer;
import io.synthline.governance.engine.lineage.LineageGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a lineage graph as inline SVG, one column per artefact kind (source to release), without
 * any JavaScript. Labels are escaped: names come from users.
 */
public final class LineageSvg {
    static final List<String> COLUMNS = List.of("dataset", "profile", "model", "synthetic-dataset", "evaluation", "release");
    static final int W = 170;
    static final int H = 46;
    static final int GAP_X = 40;
    static final int GAP_Y = 18;

    private LineageSvg() {
    }

    public static String render(LineageGraph g) {
        Map<String, int[]> pos = new HashMap<>();
        int[] rowsPerColumn = new int[COLUMNS.size()];
        for (LineageGraph.Node n : g.nodes()) {
            int c = Math.max(0, COLUMNS.indexOf(n.kind()));
            pos.put(n.id(), new int[] {20 + c * (W + GAP_X), 20 + rowsPerColumn[c]++ * (H + GAP_Y)});
        }
        int maxRows = 1;
        for (int r : rowsPerColumn) {
            maxRows = Math.max(maxRows, r);
        }
        int width = 40 + COLUMNS.size() * (W + GAP_X);
        int height = 40 + maxRows * (H + GAP_Y);
        StringBuilder s = new StringBuilder("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"lineage graph\">");
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#829ab1\"/></marker></defs>");
        for (LineageGraph.Edge e : g.edges()) {
            int[] a = pos.get(e.from());
            int[] b = pos.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            s.append("<line x1=\"").append(a[0] + W).append("\" y1=\"").append(a[1] + H / 2).append("\" x2=\"").append(b[0])
                    .append("\" y2=\"").append(b[1] + H / 2).append("\" stroke=\"#829ab1\" marker-end=\"url(#arrow)\"><title>")
                    .append(DataCardRenderer.esc(e.relation())).append("</title></line>");
        }
        for (LineageGraph.Node n : g.nodes()) {
            int[] p = pos.get(n.id());
            String fill = switch (n.kind()) {
                case "dataset" -> "#e6f0ff";
                case "synthetic-dataset" -> "#e3f9e5";
                case "release" -> n.label().equals("quarantined") ? "#ffe3e3" : "#fff3c4";
                case "evaluation" -> "#f0e6ff";
                default -> "#ffffff";
            };
            s.append("<g data-node=\"").append(DataCardRenderer.esc(n.id())).append("\"><rect x=\"").append(p[0]).append("\" y=\"")
                    .append(p[1]).append("\" width=\"").append(W).append("\" height=\"").append(H)
                    .append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"#9fb3c8\"/><text x=\"").append(p[0] + 8)
                    .append("\" y=\"").append(p[1] + 18).append("\">").append(DataCardRenderer.esc(shorten(n.kind() + ": " + n.label(), 26)))
                    .append("</text><text x=\"").append(p[0] + 8).append("\" y=\"").append(p[1] + 35).append("\" class=\"muted\">")
                    .append(DataCardRenderer.esc(shorten(n.sha256() != null ? "sha256 " + n.sha256() : n.version() == null ? "" : n.version(), 28)))
                    .append("</text><title>").append(DataCardRenderer.esc(n.id() + (n.sha256() == null ? "" : "\nsha256 " + n.sha256())
                            + (n.attributes().isEmpty() ? "" : "\n" + n.attributes()))).append("</title></g>");
        }
        return s.append("</svg>").toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
