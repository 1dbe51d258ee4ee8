package io.synthline.governance.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.synthline.commons.events.Payloads;
import io.synthline.fixtures.JsonFields;
import io.synthline.governance.engine.datacard.DataCard;
import io.synthline.governance.engine.datacard.DataCardRenderer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageTest {
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    static LineageFacts.Snapshot snapshot() {
        LineageFacts.Dataset d = new LineageFacts.Dataset("acme", "d1", "patients", "aa".repeat(32), 1000L, 12, "profile/1",
                "restricted", T, T.plusSeconds(5), "ACTIVE");
        LineageFacts.Generation done = new LineageFacts.Generation("g1", "aim", 500L, 7L, 0.5, 1e-7, "COMPLETED", "acme-scientist",
                T.plusSeconds(60), T.plusSeconds(90), "bb".repeat(32), "APPROVED", "policy", T.plusSeconds(120), "all release thresholds met");
        LineageFacts.Generation refused = new LineageFacts.Generation("g2", "independent", 10L, 1L, null, null, "REFUSED",
                "acme-scientist", T.plusSeconds(70), null, null, "NONE", null, null, null);
        LineageFacts.Evaluation e = new LineageFacts.Evaluation("e1", "g1", "COMPLETED", Map.of("fidelity", 0.91), null, T.plusSeconds(100));
        return new LineageFacts.Snapshot(d, List.of(done, refused), List.of(e));
    }

    @Test
    void sourceProfileModelSyntheticEvaluationRelease() {
        LineageGraph g = LineageGraph.of(snapshot());
        assertThat(g.nodes()).extracting(LineageGraph.Node::id).containsExactly("dataset:d1", "profile:d1", "model:g1", "synthetic:g1",
                "evaluation:e1", "release:g1", "model:g2");
        assertThat(g.edges()).extracting(e -> e.from() + ">" + e.relation() + ">" + e.to()).containsExactly(
                "dataset:d1>profiled-as>profile:d1", "profile:d1>trained>model:g1", "model:g1>sampled>synthetic:g1",
                "synthetic:g1>evaluated-by>evaluation:e1", "evaluation:e1>gated>release:g1", "profile:d1>trained>model:g2");
        assertThat(g.nodes().get(3).sha256()).isEqualTo("bb".repeat(32));
        assertThat(g.nodes().get(1).version()).isEqualTo("profile/1");
    }

    /** A source of two tables and a released run that wrote both, evaluated once. */
    static LineageFacts.Snapshot tables() {
        LineageFacts.Dataset d = new LineageFacts.Dataset("acme", "d2", "shop", "aa".repeat(32), 30L, 8, "profile/1", "confidential", T,
                T.plusSeconds(5), "ACTIVE", List.of(new Payloads.TableSummary("customers", 10, 3, "c1".repeat(32), List.of("id"), List.of()),
                        new Payloads.TableSummary("orders", 20, 5, "01".repeat(32), List.of("order_id"), List.of("customers"))));
        LineageFacts.Generation g = new LineageFacts.Generation("g3", "tree", 27L, 7L, null, null, "COMPLETED", "acme-scientist",
                T.plusSeconds(60), T.plusSeconds(90), "1d".repeat(32), "APPROVED", "policy", T.plusSeconds(120), "ok",
                List.of(new Payloads.GeneratedTable("customers", 9, 3, "c2".repeat(32), 310),
                        new Payloads.GeneratedTable("orders", 18, 5, "02".repeat(32), 1200)));
        LineageFacts.Evaluation e = new LineageFacts.Evaluation("e3", "g3", "COMPLETED", Map.of("fidelity", 0.9), null, T.plusSeconds(100));
        return new LineageFacts.Snapshot(d, List.of(g), List.of(e));
    }

    @Test
    void everyTableARunWroteIsItsOwnNodeWithItsHashAndRows() {
        LineageGraph g = LineageGraph.of(tables());
        assertThat(g.nodes()).extracting(LineageGraph.Node::id).containsExactly("dataset:d2", "table:d2/customers", "table:d2/orders",
                "profile:d2", "model:g3", "synthetic:g3", "synthetic-table:g3/customers", "synthetic-table:g3/orders", "evaluation:e3",
                "release:g3");
        assertThat(g.edges()).extracting(e -> e.from() + ">" + e.relation() + ">" + e.to()).contains(
                "model:g3>sampled>synthetic:g3", "synthetic:g3>contains>synthetic-table:g3/customers",
                "synthetic:g3>contains>synthetic-table:g3/orders", "synthetic:g3>evaluated-by>evaluation:e3");
        LineageGraph.Node orders = g.nodes().get(7);
        assertThat(orders.kind()).isEqualTo("synthetic-table");
        assertThat(orders.label()).isEqualTo("orders");
        assertThat(orders.sha256()).isEqualTo("02".repeat(32));
        assertThat(orders.attributes()).containsExactly(Map.entry("rows", 18L), Map.entry("columns", 5), Map.entry("bytes", 1200L));
        assertThat(g.nodes().get(5).attributes()).containsExactly(Map.entry("rows", 27L), Map.entry("tables", 2));
        // one table: the synthetic dataset's node as it always was, no table nodes
        LineageGraph one = LineageGraph.of(snapshot());
        assertThat(one.nodes()).extracting(LineageGraph.Node::kind).doesNotContain("synthetic-table");
        assertThat(one.nodes().get(3).attributes()).containsExactly(Map.entry("rows", 500L));
    }

    @Test
    void openLineageWritesOneOutputDatasetPerTableWithItsFacets() {
        ArrayNode events = OpenLineageExport.runEvents(tables());
        var run = events.get(0);
        assertThat(run.path("inputs").findValuesAsText("name")).containsExactly("datasets/d2", "datasets/d2/tables/customers.csv",
                "datasets/d2/tables/orders.csv");
        assertThat(run.at("/inputs/2/facets/synthline_dataset/sha256").asText()).isEqualTo("01".repeat(32));
        assertThat(run.path("outputs").size()).isEqualTo(2);
        var orders = run.path("outputs").get(1);
        assertThat(orders.path("name").asText()).isEqualTo("generations/g3/tables/orders.csv");
        assertThat(orders.at("/facets/synthline_dataset/sha256").asText()).isEqualTo("02".repeat(32));
        assertThat(orders.at("/facets/synthline_dataset/rowCount").asLong()).isEqualTo(18);
        assertThat(orders.at("/facets/synthline_dataset/columnCount").asInt()).isEqualTo(5);
        assertThat(orders.at("/facets/synthline_release/status").asText()).isEqualTo("APPROVED");
        assertThat(orders.at("/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(18);
        assertThat(orders.at("/outputFacets/outputStatistics/size").asLong()).isEqualTo(1200);
        assertThat(orders.at("/outputFacets/outputStatistics/_schemaURL").asText()).startsWith("https://openlineage.io/spec/facets/");
        // the evaluation read the tables the run wrote
        assertThat(events.get(1).path("inputs").findValuesAsText("name")).containsExactly("datasets/d2",
                "generations/g3/tables/customers.csv", "generations/g3/tables/orders.csv");
        // one table: one output, no output statistics
        var single = OpenLineageExport.runEvents(snapshot());
        assertThat(single.get(0).path("outputs").findValuesAsText("name")).containsExactly("generations/g1/synthetic.csv");
        assertThat(single.get(0).path("inputs").size()).isEqualTo(1);
        assertThat(single.get(0).at("/outputs/0").has("outputFacets")).isFalse();
    }

    @Test
    void dataCardsListEveryOutputTableWithRowsAndHashBesideTheSourceTables() {
        var g = tables().generations().getFirst();
        DataCard.Method m = new DataCard.Method("tree", 27L, 7L, "acme-scientist", T, g.outputSha256(), g.tables());
        DataCard.Privacy p = new DataCard.Privacy(false, null, null, null, null, 0.0, null, true);
        DataCard.Release r = new DataCard.Release("APPROVED", "ok", "policy", T);
        DataCard card = new DataCard("Data card: synthetic shop", "g3", new DataCard.Source("d2", "shop", "aa".repeat(32), 30L,
                "confidential", "acme-owner", "consent", tables().dataset().tables()), m, p, Map.of(), List.of(), r, null, List.of(),
                new DataCard.Retention(null, null), T);
        assertThat(DataCardRenderer.markdown(card)).contains("| customers | 10 | 3 | id |  | `" + "c1".repeat(32) + "` |",
                "- **Output tables:** 2", "| output table | rows | columns | bytes | SHA-256 |",
                "| customers | 9 | 3 | 310 | `" + "c2".repeat(32) + "` |", "| orders | 18 | 5 | 1200 | `" + "02".repeat(32) + "` |");
        assertThat(DataCardRenderer.html(card)).contains("<h3>Output tables</h3>",
                "<tr><td>orders</td><td>18</td><td>5</td><td>1200</td><td><code>" + "02".repeat(32) + "</code></td></tr>");
        assertThat(DataCardRenderer.json(card)).contains("\"sha256\" : \"" + "02".repeat(32) + "\"");
        // one table: the method as it always was in JSON, no tables
        DataCard.Method one = new DataCard.Method("tree", 27L, 7L, "acme-scientist", T, g.outputSha256(), List.of());
        assertThat(io.synthline.commons.json.Json.write(one)).isEqualTo(io.synthline.commons.json.Json.write(
                new DataCard.Method("tree", 27L, 7L, "acme-scientist", T, g.outputSha256()))).doesNotContain("tables");
        assertThat(DataCardRenderer.markdown(new DataCard("c", "g", card.source(), one, p, Map.of(), List.of(), r, null, List.of(),
                card.retention(), T))).doesNotContain("Output tables");
    }

    @Test
    void openLineageRunEventsCarryTheRequiredFields() {
        ArrayNode events = OpenLineageExport.runEvents(snapshot());
        assertThat(OpenLineageExport.jobNames(events)).containsExactly("synthline.generate.aim", "synthline.evaluate");
        var run = events.get(0);
        assertThat(run.path("eventType").asText()).isEqualTo("COMPLETE");
        assertThat(run.path("schemaURL").asText()).startsWith("https://openlineage.io/spec/");
        assertThat(run.at("/run/runId").asText()).matches("[0-9a-f-]{36}");
        assertThat(run.at("/job/namespace").asText()).isEqualTo("synthline://acme");
        assertThat(run.at("/inputs/0/name").asText()).isEqualTo("datasets/d1");
        assertThat(run.at("/outputs/0/facets/synthline_dataset/sha256").asText()).isEqualTo("bb".repeat(32));
        assertThat(run.at("/run/facets/synthline_generation/_producer").asText()).isEqualTo(OpenLineageExport.PRODUCER);
        assertThat(JsonFields.number(run, "run", "facets", "synthline_generation", "epsilon")).isEqualTo(0.5);
        // stable run ids: exporting twice gives the same runs
        assertThat(OpenLineageExport.runEvents(snapshot()).get(0).at("/run/runId")).isEqualTo(run.at("/run/runId"));
    }

    @Test
    void dataCardsStateTheirLimitationsAndEscapeHtml() {
        DataCard.Method m = new DataCard.Method("independent", 500L, 7L, "acme-scientist", T, "bb".repeat(32));
        DataCard.Privacy p = new DataCard.Privacy(false, null, null, null, null, 0.0, 10.0, false);
        DataCard.Release r = new DataCard.Release("OVERRIDDEN", "accepted <by> owner", "acme-owner", T);
        DataCard card = new DataCard("Data card: patients <synthetic>", "g1", new DataCard.Source("d1", "patients", "aa".repeat(32),
                1000L, "confidential", "acme-owner", "consent"), m, p, Map.of("Column Shapes", 0.93),
                List.of("fairnessGap not measured"), r, "training a churn model", DataCard.limitationsOf(m, p, Map.of("Column Shapes", 0.93), r),
                new DataCard.Retention("P365D", T.plusSeconds(86400 * 365L)), T);
        assertThat(card.limitations()).anySatisfy(l -> assertThat(l).contains("no relationship between columns"))
                .anySatisfy(l -> assertThat(l).startsWith("Not differentially private"))
                .anySatisfy(l -> assertThat(l).contains("override"));
        String md = DataCardRenderer.markdown(card);
        assertThat(md).contains("# Data card: patients &lt;synthetic&gt;", "- **Differentially private:** no", "| Column Shapes | 0.9300 |",
                "## Limitations", "## Retention", "P365D", "- **Reason:** accepted &lt;by&gt; owner")
                .doesNotContain("<synthetic>", "<by>");
        String html = DataCardRenderer.html(card);
        assertThat(html).contains("patients &lt;synthetic&gt;", "accepted &lt;by&gt; owner").doesNotContain("<synthetic>");
        assertThat(DataCardRenderer.json(card)).contains("\"intendedUse\" : \"training a churn model\"");
    }

    @Test
    void markdownDataCardsCarryNoMarkupFromUserText() {
        DataCard.Method m = new DataCard.Method("independent", 5L, 7L, "x", T, "bb".repeat(32));
        DataCard.Privacy p = new DataCard.Privacy(false, null, null, null, null, 0.0, 10.0, false);
        DataCard.Release r = new DataCard.Release("RELEASED", "ok", "policy", T);
        DataCard card = new DataCard("Data card", "g1", new DataCard.Source("d1", "<script>alert(1)</script>", "aa".repeat(32), 1L,
                "internal", "[owner](javascript:alert(1))", "a | b\n# heading"), m, p, Map.of(), List.of(), r,
                "<img src=x onerror=alert(1)>", List.of(), new DataCard.Retention(null, null), T);
        String md = DataCardRenderer.markdown(card);
        assertThat(md).doesNotContain("<script>", "<img", "[owner](", "\n# heading").doesNotContainPattern("[^\\\\]\\]\\(")
                .contains("- **Dataset:** &lt;script&gt;alert(1)&lt;/script&gt; (`d1`)", "- **Owner:** \\[owner\\](javascript:alert(1))",
                        "- **Legal basis:** a \\| b \\# heading");
    }
}
