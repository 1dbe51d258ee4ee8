package io.synthline.evaluator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.evaluation.Fairness;
import io.synthline.commons.events.ScoreNames;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import io.synthline.evaluator.engine.report.Html;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The complete evaluation on the 3,000-row reference samples of Adult (train, holdout, SDV synthetic). */
class EvaluatorTest {
    static Table train;
    static Table holdout;
    static Table synthetic;
    static EvaluationDocument doc;
    static final Path ARTIFACTS = Path.of("target/evaluation-artifacts");

    @BeforeAll
    static void evaluate() throws Exception {
        train = SharedData.read("reference/dcr/train.csv");
        holdout = SharedData.read("reference/dcr/holdout.csv");
        synthetic = SharedData.read("reference/dcr/synthetic.csv");
        doc = Evaluator.evaluate(train, synthetic, holdout,
                EvaluationOptions.defaults().withLabel("income").withSensitive(List.of("sex", "race")));
        Files.createDirectories(ARTIFACTS);
        Files.writeString(ARTIFACTS.resolve("adult-3000.json"), Json.writePretty(doc));
        Files.writeString(ARTIFACTS.resolve("adult-3000.html"), Html.render(doc));
    }

    @Test
    void everySectionIsComputed() {
        assertThat(doc.quality().score()).isBetween(0.5, 1.0);
        assertThat(doc.accuracy().overall()).isBetween(0.5, 1.0);
        assertThat(doc.detection().models()).hasSize(2);
        assertThat(doc.utility().models()).hasSize(2);
        assertThat(doc.utility().positiveClass()).isEqualTo(">50K");
        assertThat(doc.privacy().dcrOverfittingProtection()).isNotNull();
        assertThat(doc.privacy().attacks().attributeInference()).hasSize(2);
        assertThat(doc.privacy().attacks().singlingOut().attacks()).isPositive();
        assertThat(doc.privacy().attacks().linkability()).isNotNull();
        assertThat(doc.fairness().gaps()).isNotEmpty();
        assertThat(doc.fairness().equalizedOdds()).hasSize(4);
        assertThat(doc.skipped()).doesNotContainKeys("utility", "fairness", "privacy.attacks");
    }

    @Test
    void documentConformsToTheJsonSchemaInCommons() throws Exception {
        JsonSchema schema;
        try (var in = EvaluationDocument.class.getResourceAsStream(EvaluationDocument.SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode json = Json.mapper().readTree(Json.write(doc));
        assertThat(schema.validate(json)).isEmpty();
        // and the schema is not vacuous: a quality row without its SDMetrics columns is rejected
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.at("/quality/details/Column Pair Trends/0")).remove("Meets Threshold?");
        assertThat(schema.validate(json)).isNotEmpty();
    }

    @Test
    void summaryCarriesTheScoresOfGovernancesReleaseGate() {
        Map<String, Double> summary = EvaluationSummary.of(doc);
        assertThat(summary.get(ScoreNames.FIDELITY)).isEqualTo(doc.quality().score());
        var attacks = doc.privacy().attacks();
        List<Double> risks = new java.util.ArrayList<>(List.of(attacks.membershipInference().advantage(),
                attacks.singlingOut().risk().value(), attacks.linkability().risk().value()));
        attacks.attributeInference().forEach(a -> risks.add(a.nearestNeighbour().risk().value()));
        double worst = Math.max(0, risks.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(summary.get(ScoreNames.PRIVACY_RISK)).isEqualTo(Math.min(1, worst)).isBetween(0.0, 1.0);
        // the largest synthetic label-rate range of sex or race (not of their intersection)
        double sexOrRace = doc.fairness().gaps().stream().filter(g -> g.metric().equals(Fairness.DEMOGRAPHIC_PARITY_DIFFERENCE)
                && List.of("sex", "race").contains(g.attribute())).mapToDouble(Fairness.Gap::synthetic).max().orElseThrow();
        assertThat(summary.get(ScoreNames.FAIRNESS_GAP)).isEqualTo(sexOrRace).isPositive();
        assertThat(doc.fairness().gaps()).anyMatch(g -> g.attribute().contains(" x "));
        // utility: the worst model family's loss of ROC AUC; detection: the best classifier's AUC
        assertThat(summary.get(ScoreNames.UTILITY_GAP)).isEqualTo(doc.utility().models().stream()
                .mapToDouble(m -> m.trtr().rocAuc() - m.tstr().rocAuc()).max().orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(summary.get(ScoreNames.DETECTION_AUC)).isEqualTo(doc.detection().models().stream()
                .mapToDouble(io.synthline.commons.evaluation.Detection.Model::auc).max().orElseThrow()).isBetween(0.5, 1.0);
        assertThat(EvaluationSummary.notMeasured(doc, summary)).containsOnlyKeys(ScoreNames.PII_REAL_VALUES);
    }

    @Test
    void withoutAHoldoutThePrivacyRiskIsNotClaimed() {
        EvaluationDocument noHoldout = Evaluator.evaluate(train, synthetic, null, EvaluationOptions.defaults()
                .withSections(java.util.Set.of(EvaluationOptions.Section.PRIVACY)));
        Map<String, Double> summary = EvaluationSummary.of(noHoldout);
        assertThat(summary).containsKey(EvaluationSummary.DCR_BASELINE_PROTECTION).doesNotContainKey(ScoreNames.PRIVACY_RISK)
                .doesNotContainKeys(ScoreNames.FIDELITY, ScoreNames.FAIRNESS_GAP);
        assertThat(noHoldout.skipped()).containsKey("privacy.attacks");
        // governance is told why, in the user's terms
        assertThat(EvaluationSummary.notMeasured(noHoldout, summary)).containsEntry(ScoreNames.PRIVACY_RISK,
                "needs a holdout: real rows the synthesizer never saw (the control of every attack)")
                .containsEntry(ScoreNames.FIDELITY, "not requested").containsEntry(ScoreNames.DETECTION_AUC, "not requested")
                .containsKeys(ScoreNames.UTILITY_GAP, ScoreNames.FAIRNESS_GAP);
    }

    @Test
    void matchesSdmetricsOverfittingBreakdownOfTheSamePair() {
        // the same 3,000-row files as reference/dcr/dcr_metrics.json: 43.4 % closer to training
        assertThat(doc.privacy().dcrOverfittingProtection().syntheticDataPercentages().closerToTraining())
                .isEqualTo(SharedData.json("reference/dcr/dcr_metrics.json")
                        .at("/DCROverfittingProtection/synthetic_data_percentages/closer_to_training").asDouble());
    }

    @Test
    void syntheticDataFromAnSdvGaussianCopulaIsEasyToDetect() {
        // the copula misses e.g. capital-gain's spike at 0 (KSComplement 0.09), so both models should separate the data
        assertThat(doc.detection().models()).allSatisfy(m -> assertThat(m.auc()).isGreaterThan(0.7));
    }

    @Test
    void badInputGivesClearErrors() {
        assertThatThrownBy(() -> Evaluator.evaluate(train, synthetic, null, EvaluationOptions.defaults().withLabel("salary")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("label column 'salary' is not in the real data");
        Table narrow = SharedData.read("reference/dcr/train.csv");
        assertThatThrownBy(() -> Evaluator.evaluate(train, dropColumn(synthetic, "sex"), null, EvaluationOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("missing [sex]");
        assertThatThrownBy(() -> Evaluator.evaluate(narrow, new Table(synthetic.columns().stream()
                        .map(c -> TestTables.emptyLike(c)).toList()), null, EvaluationOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessage("the synthetic data has no rows");
    }

    @Test
    void chartsShowSpikesAsTheirOwnBinAndColourScoresByTheirGoodDirection() throws Exception {
        // capital-gain is 0 in most rows: its quantile cuts collapse, and the chart would be one ">= 0" bar
        var gain = doc.accuracy().distributions().stream().filter(c -> c.column().equals("capital-gain")).findFirst().orElseThrow();
        assertThat(gain.bins()).as(gain.bins().toString()).hasSizeGreaterThanOrEqualTo(4).contains("0").doesNotContain(">= 0");
        assertThat(gain.real().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        String html = Files.readString(ARTIFACTS.resolve("adult-3000.html"));
        // an SDV copula is easy to detect (AUC near 1): its bar is red although the number is high
        double auc = doc.detection().models().stream().mapToDouble(io.synthline.commons.evaluation.Detection.Model::auc).max().orElseThrow();
        assertThat(auc).isGreaterThan(0.9);
        String card = html.substring(html.indexOf("Detection AUC"), html.indexOf("</div></div>", html.indexOf("Detection AUC")));
        assertThat(card).contains("aria-label=\"poor\"", "#e53e3e");
        // heatmaps name their columns on both axes and carry a colour scale
        String heatmap = html.substring(html.indexOf("data-chart=\"heatmap\""));
        heatmap = heatmap.substring(0, heatmap.indexOf("</svg>"));
        assertThat(heatmap).contains("rotate(-60", ">+1<", ">\u22121<", ">n/a<");
    }

    @Test
    void htmlReportIsSelfContainedAndItsChartsRenderInHeadlessChromium() throws Exception {
        String html = Files.readString(ARTIFACTS.resolve("adult-3000.html"));
        assertThat(html).contains("<h2>Column Shapes</h2>").contains("Privacy risk (worst attack; release gate)")
                .doesNotContain("http").doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
        JsonNode result = BrowserHarness.screenshot(ARTIFACTS.resolve("adult-3000.html"), ARTIFACTS.resolve("adult-3000.png"));
        assertThat(result.get("external")).as("requests that left the file").isEmpty();
        JsonNode charts = result.get("charts");
        int columns = doc.inputs().columns().size();
        assertThat(charts.size()).isEqualTo(columns + 3 + 2);
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (JsonNode c : charts) {
            assertThat(c.get("width").asDouble()).as(c.toString()).isGreaterThan(100);
            assertThat(c.get("height").asDouble()).as(c.toString()).isGreaterThan(100);
            assertThat(c.get("marks").asInt()).as(c.toString()).isGreaterThanOrEqualTo(2);
            kinds.merge(c.get("kind").asText(), 1, Integer::sum);
        }
        assertThat(kinds).containsEntry("distribution", columns).containsEntry("heatmap", 3).containsEntry("histogram", 2);
        // the screenshot itself shows the charts: many pixels in the real and synthetic series colours
        BufferedImage png = ImageIO.read(ARTIFACTS.resolve("adult-3000.png").toFile());
        assertThat(png.getHeight()).isGreaterThan(2000);
        assertThat(pixels(png, 0x2b6cb0)).as("real-series pixels").isGreaterThan(5_000);
        assertThat(pixels(png, 0xdd6b20)).as("synthetic-series pixels").isGreaterThan(5_000);
    }

    static long pixels(BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    static Table dropColumn(Table t, String name) {
        return new Table(t.columns().stream().filter(c -> !c.name().equals(name)).toList());
    }
}
