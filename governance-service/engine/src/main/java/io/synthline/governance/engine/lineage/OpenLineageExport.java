package io.synthline.governance.engine.lineage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lineage as OpenLineage 2 {@code RunEvent}s (one COMPLETE event per generation run and per
 * evaluation run), so any OpenLineage consumer (Marquez, DataHub, ...) can ingest it. Run ids are
 * name-based UUIDs of our ids, so re-exporting gives the same runs. Synthline specifics travel in
 * custom facets prefixed {@code synthline_}. A dataset of several tables is read as its tables, and a
 * run on it writes one output dataset per table (hash and rows in {@code synthline_dataset}, rows
 * and bytes in the standard {@code outputStatistics} facet), so every table is its own node.
 */
public final class OpenLineageExport {
    public static final String PRODUCER = "https://synthline.io/governance";
    static final String RUN_EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    static final String FACET_SCHEMA = "https://synthline.io/spec/openlineage/facets/1-0-0.json";
    static final String OUTPUT_STATISTICS_SCHEMA =
            "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet";

    private OpenLineageExport() {
    }

    public static ArrayNode runEvents(LineageFacts.Snapshot s) {
        ArrayNode events = Json.mapper().createArrayNode();
        String namespace = "synthline://" + s.dataset().tenant();
        ObjectNode source = dataset(namespace, "datasets/" + s.dataset().id(), s.dataset().sha256(), s.dataset().rowCount(),
                s.dataset().classification());
        for (LineageFacts.Generation g : s.generations()) {
            if (g.completedAt() == null) {
                continue;
            }
            ObjectNode run = event(g.completedAt(), runId("generation:" + g.id()), namespace, "synthline.generate." + g.model());
            ObjectNode privacy = facet();
            privacy.put("model", g.model());
            privacy.put("seed", g.seed());
            if (g.epsilon() != null) {
                privacy.put("epsilon", g.epsilon());
                privacy.put("delta", g.delta());
            }
            privacy.put("requestedBy", g.requestedBy());
            run.withObjectProperty("run").withObjectProperty("facets").set("synthline_generation", privacy);
            run.withArray("inputs").add(source.deepCopy());
            for (var t : s.dataset().tables()) {
                run.withArray("inputs").add(dataset(namespace, "datasets/" + s.dataset().id() + "/tables/" + t.name() + ".csv",
                        t.sha256(), t.rows(), s.dataset().classification()));
            }
            if (g.outputSha256() != null) {
                List<ObjectNode> outputs = g.tables().isEmpty()
                        ? List.of(dataset(namespace, "generations/" + g.id() + "/synthetic.csv", g.outputSha256(), g.rows(), null))
                        : g.tables().stream().map(t -> table(namespace, g.id(), t)).toList();
                for (ObjectNode output : outputs) {
                    if (g.releaseStatus() != null) {
                        ObjectNode release = facet();
                        release.put("status", g.releaseStatus());
                        release.put("by", g.releasedBy());
                        output.withObjectProperty("facets").set("synthline_release", release);
                    }
                    run.withArray("outputs").add(output);
                }
            }
            events.add(run);
        }
        java.util.Map<String, LineageFacts.Generation> byId = new java.util.HashMap<>();
        s.generations().forEach(g -> byId.put(g.id(), g));
        for (LineageFacts.Evaluation e : s.evaluations()) {
            if (e.completedAt() == null) {
                continue;
            }
            ObjectNode run = event(e.completedAt(), runId("evaluation:" + e.id()), namespace, "synthline.evaluate");
            ObjectNode scores = facet();
            scores.put("status", e.status());
            if (e.scores() != null) {
                e.scores().forEach(scores.withObjectProperty("scores")::put);
            }
            run.withObjectProperty("run").withObjectProperty("facets").set("synthline_evaluation", scores);
            run.withArray("inputs").add(source.deepCopy());
            LineageFacts.Generation evaluated = byId.get(e.generationId());
            if (evaluated == null || evaluated.tables().isEmpty()) {
                run.withArray("inputs").add(dataset(namespace, "generations/" + e.generationId() + "/synthetic.csv", null, null, null));
            } else {
                evaluated.tables().forEach(t -> run.withArray("inputs").add(dataset(namespace, tableName(e.generationId(), t), null, null,
                        null)));
            }
            run.withArray("outputs").add(dataset(namespace, "evaluations/" + e.id(), null, null, null));
            events.add(run);
        }
        return events;
    }

    static ObjectNode event(Instant time, UUID runId, String namespace, String job) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("eventType", "COMPLETE");
        e.put("eventTime", time.toString());
        e.withObjectProperty("run").put("runId", runId.toString());
        e.withObjectProperty("job").put("namespace", namespace);
        e.withObjectProperty("job").put("name", job);
        e.putArray("inputs");
        e.putArray("outputs");
        e.put("producer", PRODUCER);
        e.put("schemaURL", RUN_EVENT_SCHEMA);
        return e;
    }

    static ObjectNode dataset(String namespace, String name, String sha256, Long rows, String classification) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("namespace", namespace);
        d.put("name", name);
        ObjectNode facets = d.putObject("facets");
        if (sha256 != null || rows != null || classification != null) {
            ObjectNode f = facet();
            if (sha256 != null) {
                f.put("sha256", sha256);
            }
            if (rows != null) {
                f.put("rowCount", rows);
            }
            if (classification != null) {
                f.put("classification", classification);
            }
            facets.set("synthline_dataset", f);
        }
        return d;
    }

    /** The dataset name of one table a run on several tables wrote. */
    static String tableName(String generationId, io.synthline.commons.events.Payloads.GeneratedTable t) {
        return "generations/" + generationId + "/tables/" + t.name() + ".csv";
    }

    static ObjectNode table(String namespace, String generationId, io.synthline.commons.events.Payloads.GeneratedTable t) {
        ObjectNode d = dataset(namespace, tableName(generationId, t), t.sha256(), t.rows(), null);
        if (t.columns() != null) {
            ((ObjectNode) d.at("/facets/synthline_dataset")).put("columnCount", t.columns());
        }
        ObjectNode statistics = Json.mapper().createObjectNode();
        statistics.put("_producer", PRODUCER);
        statistics.put("_schemaURL", OUTPUT_STATISTICS_SCHEMA);
        statistics.put("rowCount", t.rows());
        statistics.put("size", t.bytes());
        d.withObjectProperty("outputFacets").set("outputStatistics", statistics);
        return d;
    }

    static ObjectNode facet() {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("_producer", PRODUCER);
        f.put("_schemaURL", FACET_SCHEMA);
        return f;
    }

    static UUID runId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> jobNames(ArrayNode events) {
        return java.util.stream.StreamSupport.stream(events.spliterator(), false).map(e -> e.at("/job/name").asText()).toList();
    }
}
