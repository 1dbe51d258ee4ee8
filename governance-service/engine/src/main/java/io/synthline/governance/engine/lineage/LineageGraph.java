package io.synthline.governance.engine.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source dataset -> profile -> model -> synthetic dataset -> evaluation -> release, with versions
 * and hashes: what was derived from what.
 */
public record LineageGraph(List<Node> nodes, List<Edge> edges) {

    /**
     * @param kind {@code dataset}, {@code table} (of a source of several tables), {@code profile}, {@code model},
     *             {@code synthetic-dataset}, {@code synthetic-table} (of a run on several tables), {@code evaluation},
     *             {@code release}
     */
    public record Node(String id, String kind, String label, String version, String sha256, Map<String, Object> attributes) {
    }

    /** @param relation e.g. {@code contains}, {@code profiled-as}, {@code trained}, {@code sampled}, {@code evaluated-by}, {@code gated} */
    public record Edge(String from, String to, String relation) {
    }

    public static LineageGraph of(LineageFacts.Snapshot s) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        LineageFacts.Dataset d = s.dataset();
        String dataset = "dataset:" + d.id();
        nodes.add(new Node(dataset, "dataset", d.name() == null ? d.id() : d.name(), d.registeredAt() == null ? null
                : d.registeredAt().toString(), d.sha256(), attrs("classification", d.classification(), "rows", d.rowCount(),
                "columns", d.columnCount(), "status", d.status())));
        for (var t : d.tables()) {
            // a dataset of several tables: one node per table, parents named, so the graph covers every table
            String table = "table:" + d.id() + "/" + t.name();
            nodes.add(new Node(table, "table", t.name(), null, t.sha256(), attrs("rows", t.rows(), "columns", t.columns(),
                    "primaryKey", t.primaryKey() == null || t.primaryKey().isEmpty() ? null : String.join(" + ", t.primaryKey()),
                    "parents", t.parents() == null || t.parents().isEmpty() ? null : String.join(", ", t.parents()))));
            edges.add(new Edge(dataset, table, "contains"));
        }
        String profile = null;
        if (d.profiledAt() != null) {
            profile = "profile:" + d.id();
            nodes.add(new Node(profile, "profile", "profile of " + (d.name() == null ? d.id() : d.name()), d.profileVersion(), null,
                    attrs("rows", d.rowCount(), "columns", d.columnCount(), "profiledAt", d.profiledAt())));
            edges.add(new Edge(dataset, profile, "profiled-as"));
        }
        for (LineageFacts.Generation g : s.generations()) {
            String model = "model:" + g.id();
            nodes.add(new Node(model, "model", g.model(), g.seed() == null ? null : "seed " + g.seed(), null, attrs("epsilon", g.epsilon(), "delta", g.delta(),
                    "requestedBy", g.requestedBy(), "status", g.status())));
            edges.add(new Edge(profile != null ? profile : dataset, model, "trained"));
            if (g.outputSha256() == null) {
                continue;
            }
            String synthetic = "synthetic:" + g.id();
            nodes.add(new Node(synthetic, "synthetic-dataset", "synthetic " + g.id().substring(0, Math.min(8, g.id().length())),
                    g.completedAt() == null ? null : g.completedAt().toString(), g.outputSha256(), attrs("rows", g.rows(),
                    "tables", g.tables().isEmpty() ? null : g.tables().size())));
            edges.add(new Edge(model, synthetic, "sampled"));
            for (var t : g.tables()) {
                // a run on several tables: one node per table written, with the hash of the bytes data.zip and the manifest carry
                String table = "synthetic-table:" + g.id() + "/" + t.name();
                nodes.add(new Node(table, "synthetic-table", t.name(), null, t.sha256(), attrs("rows", t.rows(), "columns", t.columns(),
                        "bytes", t.bytes())));
                edges.add(new Edge(synthetic, table, "contains"));
            }
            String lastEvaluation = null;
            for (LineageFacts.Evaluation e : s.evaluations()) {
                if (!e.generationId().equals(g.id())) {
                    continue;
                }
                String evaluation = "evaluation:" + e.id();
                nodes.add(new Node(evaluation, "evaluation", e.requestId() == null ? "evaluation" : "re-evaluation",
                        e.completedAt() == null ? null : e.completedAt().toString(), null, attrs("status", e.status(), "scores", e.scores())));
                edges.add(new Edge(synthetic, evaluation, "evaluated-by"));
                lastEvaluation = evaluation;
            }
            if (g.releaseStatus() != null && !"NONE".equals(g.releaseStatus())) {
                String release = "release:" + g.id();
                nodes.add(new Node(release, "release", g.releaseStatus().toLowerCase(java.util.Locale.ROOT),
                        g.releasedAt() == null ? null : g.releasedAt().toString(), g.outputSha256(),
                        attrs("by", g.releasedBy(), "reason", g.releaseReason())));
                edges.add(new Edge(lastEvaluation != null ? lastEvaluation : synthetic, release, "gated"));
            }
        }
        return new LineageGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
