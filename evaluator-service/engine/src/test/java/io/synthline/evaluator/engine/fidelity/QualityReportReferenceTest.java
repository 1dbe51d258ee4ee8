package io.synthline.evaluator.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.evaluation.Quality.ColumnPairTrend;
import io.synthline.commons.evaluation.Quality.ColumnShape;
import io.synthline.evaluator.engine.SharedData;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.SdType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every value of reference/adult_sdv_gc_metrics.json (SDMetrics 0.29.1 on adult.csv vs the SDV
 * GaussianCopula sample), including the no-threshold variant, to 1e-6.
 */
class QualityReportReferenceTest {
    static final double TOLERANCE = 1e-6;
    static JsonNode reference;
    static EvalData data;

    @BeforeAll
    static void load() {
        reference = SharedData.json("reference/adult_sdv_gc_metrics.json");
        data = EvalData.of(SharedData.adult(), SharedData.adultSdvGaussianCopula());
    }

    @Test
    void inferredSdtypesAreTheReferenceMetadata() {
        Map<String, String> expected = new LinkedHashMap<>();
        reference.at("/metadata/columns").properties().forEach(e -> expected.put(e.getKey(), e.getValue().get("sdtype").asText()));
        Map<String, String> actual = new LinkedHashMap<>();
        for (EvalColumn c : data.columns()) {
            actual.put(c.name(), c.type().sdmetricsName());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(reference.at("/report_settings/real_correlation_threshold").asDouble()).isEqualTo(QualityReport.Thresholds.DEFAULT.realCorrelation());
        assertThat(reference.at("/report_settings/real_association_threshold").asDouble()).isEqualTo(QualityReport.Thresholds.DEFAULT.realAssociation());
    }

    @Test
    void columnShapesPerColumn() {
        Quality q = QualityReport.generate(data, SharedData.pool());
        List<ColumnShape> rows = q.details().columnShapes();
        JsonNode expected = reference.get("column_shapes_details");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode e = expected.get(i);
            assertThat(rows.get(i).column()).isEqualTo(e.get("Column").asText());
            assertThat(rows.get(i).metric()).isEqualTo(e.get("Metric").asText());
            assertThat(rows.get(i).score()).as(rows.get(i).column()).isCloseTo(e.get("Score").asDouble(), within(TOLERANCE));
            JsonNode perColumn = reference.at("/column_shapes/" + escape(rows.get(i).column()));
            assertThat(rows.get(i).score()).isCloseTo(perColumn.get("score").asDouble(), within(TOLERANCE));
            assertThat(rows.get(i).metric()).isEqualTo(perColumn.get("metric").asText());
        }
    }

    @Test
    void defaultThresholdsReproduceEveryPairAndScore() {
        Quality q = QualityReport.generate(data, QualityReport.Thresholds.DEFAULT, SharedData.pool());
        assertPairs(q.details().columnPairTrends(), reference.get("column_pair_trends_details"));
        assertThat(q.details().columnPairTrends().stream().filter(p -> Boolean.TRUE.equals(p.meetsThreshold()))).hasSize(13);
        assertScores(q, reference.get("scores"));
    }

    @Test
    void noThresholdsReproduceEveryPairAndScore() {
        Quality q = QualityReport.generate(data, QualityReport.Thresholds.NONE, SharedData.pool());
        assertPairs(q.details().columnPairTrends(), reference.at("/no_threshold/column_pair_trends_details"));
        assertScores(q, reference.at("/no_threshold/scores"));
    }

    private static void assertScores(Quality q, JsonNode scores) {
        assertThat(q.score()).isCloseTo(scores.get("overall").asDouble(), within(TOLERANCE));
        assertThat(q.properties().get(Quality.COLUMN_SHAPES)).isCloseTo(scores.get("Column Shapes").asDouble(), within(TOLERANCE));
        assertThat(q.properties().get(Quality.COLUMN_PAIR_TRENDS)).isCloseTo(scores.get("Column Pair Trends").asDouble(), within(TOLERANCE));
    }

    private static void assertPairs(List<ColumnPairTrend> actual, JsonNode expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            ColumnPairTrend a = actual.get(i);
            JsonNode e = expected.get(i);
            String pair = a.column1() + " / " + a.column2();
            assertThat(a.column1()).isEqualTo(e.get("Column 1").asText());
            assertThat(a.column2()).isEqualTo(e.get("Column 2").asText());
            assertThat(a.metric()).as(pair).isEqualTo(e.get("Metric").asText());
            assertNullable(pair + " Score", a.score(), e.get("Score"));
            assertNullable(pair + " Real Correlation", a.realCorrelation(), e.get("Real Correlation"));
            assertNullable(pair + " Synthetic Correlation", a.syntheticCorrelation(), e.get("Synthetic Correlation"));
            assertNullable(pair + " Real Association", a.realAssociation(), e.get("Real Association"));
            assertThat(a.meetsThreshold()).as(pair).isEqualTo(e.get("Meets Threshold?").asBoolean());
            assertThat(a.error()).as(pair).isNull();
        }
    }

    private static void assertNullable(String what, Double actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected.asDouble(), within(TOLERANCE));
        }
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }

    @Test
    void sdtypeOverridesWin() {
        EvalData asCategorical = EvalData.of(SharedData.adult(), SharedData.adultSdvGaussianCopula(), null,
                Map.of("education-num", SdType.CATEGORICAL));
        assertThat(asCategorical.column("education-num").type()).isEqualTo(SdType.CATEGORICAL);
        Quality q = QualityReport.generate(asCategorical, SharedData.pool());
        assertThat(q.details().columnShapes().get(4).metric()).isEqualTo(TvComplement.NAME);
    }
}
