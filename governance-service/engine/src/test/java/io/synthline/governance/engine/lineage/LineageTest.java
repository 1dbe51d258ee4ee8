package io.synthline.governance.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
