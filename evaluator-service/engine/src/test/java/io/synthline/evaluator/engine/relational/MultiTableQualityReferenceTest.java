package io.synthline.evaluator.engine.relational;

import io.synthline.evaluator.engine.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.evaluation.MultiTableQuality;
import io.synthline.commons.json.Json;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.fixtures.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every value of relational/sdv_hma_quality.json (SDMetrics 0.29 multi-table QualityReport of the
 * Lahman tables against SDV HMA's sample) to 1e-6: score, properties and each details row.
 */
class MultiTableQualityReferenceTest {
    static final double TOLERANCE = 1e-6;
    static Path dir;
    static JsonNode reference;
    static MultiTableQuality quality;

    @BeforeAll
    static void load() throws IOException {
        dir = Datasets.sharedOrSkip("relational");
        reference = Json.mapper().readTree(Files.readString(dir.resolve("sdv_hma_quality.json")));
        RelationalDataset real = RelationalReader.read(dir, null, CsvOptions.defaults()).dataset();
        RelationalDataset hma = RelationalReader.readLike(dir.resolve("sdv_hma"), real, CsvOptions.defaults(), false);
        quality = MultiTableQualityReport.generate(real, hma, SharedData.pool());
    }

    @Test
    void scoreAndProperties() {
        assertThat(quality.score()).isCloseTo(reference.get("score").asDouble(), within(TOLERANCE));
        assertThat(quality.properties().keySet()).containsExactly("Column Shapes", "Column Pair Trends", "Cardinality", "Intertable Trends");
        reference.get("properties").properties().forEach(e ->
                assertThat(quality.properties().get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(TOLERANCE)));
    }

    @Test
    void everyDetailsRow() {
        MultiTableQuality.Details d = quality.details();
        assertRows(d.columnShapes(), reference.at("/details/Column Shapes"));
        assertRows(d.columnPairTrends(), reference.at("/details/Column Pair Trends"));
        assertRows(d.cardinality(), reference.at("/details/Cardinality"));
        assertRows(d.intertableTrends(), reference.at("/details/Intertable Trends"));
    }

    /** Each row serialised as SDMetrics' details record: same fields, texts equal, numbers within the tolerance, nulls null. */
    private static void assertRows(List<?> rows, JsonNode expected) {
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode actual = Json.mapper().valueToTree(rows.get(i));
            JsonNode e = expected.get(i);
            e.properties().forEach(field -> {
                JsonNode a = actual.get(field.getKey());
                String where = actual + " field " + field.getKey();
                assertThat(a).as(where).isNotNull();
                JsonNode v = field.getValue();
                if (v.isNull()) {
                    assertThat(a.isNull()).as(where).isTrue();
                } else if (v.isNumber()) {
                    assertThat(a.isNumber()).as(where).isTrue();
                    assertThat(a.asDouble()).as(where).isCloseTo(v.asDouble(), within(TOLERANCE));
                } else {
                    assertThat(a.asText()).as(where).isEqualTo(v.asText());
                }
            });
        }
    }
}
