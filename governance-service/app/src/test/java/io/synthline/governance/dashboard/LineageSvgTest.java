package io.synthline.governance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.governance.engine.lineage.LineageGraph;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineageSvgTest {

    @Test
    void eachOutputTableIsABoxUnderItsSyntheticDatasetWithItsHashAndRows() {
        LineageGraph g = new LineageGraph(List.of(
                new LineageGraph.Node("dataset:d", "dataset", "shop", null, "aa".repeat(32), Map.of()),
                new LineageGraph.Node("model:g", "model", "tree", "seed 7", null, Map.of()),
                new LineageGraph.Node("synthetic:g", "synthetic-dataset", "synthetic g", null, "1d".repeat(32), Map.of("rows", 27L)),
                new LineageGraph.Node("synthetic-table:g/customers", "synthetic-table", "customers", null, "c2".repeat(32),
                        Map.of("rows", 9L)),
                new LineageGraph.Node("synthetic-table:g/orders", "synthetic-table", "orders <x>", null, "02".repeat(32),
                        Map.of("rows", 18L))),
                List.of(new LineageGraph.Edge("dataset:d", "model:g", "trained"), new LineageGraph.Edge("model:g", "synthetic:g", "sampled"),
                        new LineageGraph.Edge("synthetic:g", "synthetic-table:g/customers", "contains"),
                        new LineageGraph.Edge("synthetic:g", "synthetic-table:g/orders", "contains")));
        String svg = LineageSvg.render(g, null);
        assertThat(svg).contains(">orders &lt;x&gt;</text>", ">sha256 0202020202020202…</text>", ">18 rows</text>", ">9 rows</text>")
                .doesNotContain("<x>");
        // the tables stand in the synthetic dataset's column, below it, joined to it through the left margin
        int x = x(svg, "synthetic:g");
        assertThat(x(svg, "synthetic-table:g/customers")).isEqualTo(x);
        assertThat(x(svg, "synthetic-table:g/orders")).isEqualTo(x);
        assertThat(y(svg, "synthetic-table:g/orders")).isGreaterThan(y(svg, "synthetic-table:g/customers"))
                .isGreaterThan(y(svg, "synthetic:g"));
        assertThat(svg).contains("<path d=\"M " + x + " " + (y(svg, "synthetic:g") + 18) + " H " + (x - 6) + " V "
                + (y(svg, "synthetic-table:g/orders") + 18) + " H " + x + "\"");
    }

    private static int x(String svg, String node) {
        return rect(svg, node, 1);
    }

    private static int y(String svg, String node) {
        return rect(svg, node, 2);
    }

    private static int rect(String svg, String node, int group) {
        Matcher m = Pattern.compile("data-node=\"" + Pattern.quote(node) + "\">.*?<rect x=\"(\\d+)\" y=\"(\\d+)\"", Pattern.DOTALL).matcher(svg);
        assertThat(m.find()).as(node).isTrue();
        return Integer.parseInt(m.group(group));
    }
}
