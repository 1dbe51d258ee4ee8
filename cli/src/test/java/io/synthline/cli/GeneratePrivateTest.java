package io.synthline.cli;

import static io.synthline.cli.SynthCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import io.synthline.fixtures.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth generate --model mst|aim --epsilon --delta [--schema]}. */
class GeneratePrivateTest {
    static final String SAMPLE = SynthCommandTest.SAMPLE.toString();
    static final String DOMAIN = "../samples/adult-domain.json";

    @TempDir
    Path dir;

    @Test
    void mstWithAPublicSchemaSpendsNothingOnTheDomain() throws IOException {
        Path out = dir.resolve("mst.csv");
        SynthCommandTest.Result r = run("generate", SAMPLE, "--model", "mst", "--epsilon", "1", "--delta", "1e-9",
                "--rows", "500", "--seed", "3", "--out", out.toString(), "--schema", DOMAIN);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(501);
        assertThat(r.err()).contains("(epsilon=1.000, delta=1.00e-09)-DP")
                .contains("every column's domain was declared by " + DOMAIN)
                .doesNotContain("NOT PRIVATE");
        JsonNode report = Json.mapper().readTree(dir.resolve("mst.csv.privacy.json").toFile());
        assertThat(report.get("epsilon").asDouble()).isEqualTo(1);
        assertThat(report.get("epsilonSpent").asDouble()).isLessThanOrEqualTo(1);
        assertThat(report.get("privateNoise").asBoolean()).isTrue();
        assertThat(report.get("mechanisms").findValuesAsText("stage")).contains("1-way marginals", "tree selection", "2-way marginals");
        assertThat(report.get("domain").findValuesAsText("source")).containsOnly("declared");
    }

    @Test
    void withoutASchemaItSaysWhatItLearnedAndWhatThatCost() throws IOException {
        Path out = dir.resolve("aim.csv");
        Path reportFile = dir.resolve("report.json");
        SynthCommandTest.Result r = run("generate", SAMPLE, "--model", "aim", "--epsilon", "3", "--delta", "1e-9",
                "--rows", "200", "--seed", "3", "--out", out.toString(), "--privacy-report", reportFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("public (no budget spent): column names").contains("learned privately").contains("15 % of the budget")
                .contains("fine histograms of the numeric columns").contains("age: bounds [")
                .contains("income: 2 categories learned privately").contains("rarer values go to \"(other)\"")
                .contains("they go to the \"(other)\" category");
        JsonNode report = Json.mapper().readTree(reportFile.toFile());
        assertThat(report.get("domain").findValuesAsText("source")).containsOnly("learned");
        assertThat(report.get("deltaSpent").asDouble()).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void badCombinationsAreRefusedWithAClearMessage() {
        Path out = dir.resolve("x.csv");
        SynthCommandTest.Result missing = run("generate", SAMPLE, "--model", "mst", "--rows", "10", "--seed", "1", "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("give --epsilon and --delta");
        SynthCommandTest.Result notDp = run("generate", SAMPLE, "--epsilon", "1", "--delta", "1e-9", "--rows", "10", "--seed", "1",
                "--out", out.toString());
        assertThat(notDp.exit()).isEqualTo(2);
        assertThat(notDp.err()).contains("apply to the differentially private models");
        SynthCommandTest.Result badEpsilon = run("generate", SAMPLE, "--model", "aim", "--epsilon", "-1", "--delta", "1e-9",
                "--rows", "10", "--seed", "1", "--out", out.toString());
        assertThat(badEpsilon.exit()).isEqualTo(2);
        assertThat(badEpsilon.err()).contains("epsilon must be in");
        SynthCommandTest.Result undeclared = run("generate", SAMPLE, "--model", "mst", "--epsilon", "1", "--delta", "1e-9",
                "--rows", "10", "--seed", "1", "--out", out.toString(), "--require-declared-domain");
        assertThat(undeclared.exit()).isEqualTo(2);
        assertThat(undeclared.err()).contains("leaves it open for").contains("native-country (categories)");
        assertThat(out).doesNotExist();
    }

    @Test
    void aStoredDpModelIsSampledAgainUnderConditionsAtNoFurtherCost() throws IOException {
        Path first = dir.resolve("a.csv");
        Path model = dir.resolve("m.synth");
        SynthCommandTest.Result fit = run("generate", SAMPLE, "--model", "mst", "--epsilon", "1", "--delta", "1e-9", "--schema", DOMAIN,
                "--rows", "300", "--seed", "4", "--out", first.toString(), "--save-model", model.toString(), "--condition", "sex=Female");
        assertThat(fit.exit()).as(fit.err()).isZero();
        List<String> rows = Files.readAllLines(first);
        int sex = List.of(rows.getFirst().split(",")).indexOf("sex");
        assertThat(rows.subList(1, rows.size())).hasSize(300).allSatisfy(r -> assertThat(r.split(",")[sex]).isEqualTo("Female"));
        JsonNode manifest = Json.mapper().readTree(dir.resolve("a.csv.manifest.json").toFile());
        assertThat(JsonFields.number(manifest, "privacy", "epsilon")).isEqualTo(1);
        assertThat(JsonFields.bool(manifest, "excludeTrainingCopies")).isFalse();

        Path again = dir.resolve("b.csv");
        SynthCommandTest.Result load = run("generate", "--load-model", model.toString(), "--rows", "300", "--seed", "4",
                "--out", again.toString(), "--condition", "sex=Female");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.err()).contains("no further budget spent");
        assertThat(Files.readAllLines(again)).isEqualTo(rows);
    }

    @Test
    void redrawingTrainingCopiesIsRefusedForDpModels() throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"excludeTrainingCopies\": true}");
        Path out = dir.resolve("c.csv");
        SynthCommandTest.Result r = run("generate", SAMPLE, "--model", "mst", "--epsilon", "1", "--delta", "1e-9", "--rows", "10",
                "--seed", "1", "--out", out.toString(), "--spec", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("outside the (epsilon, delta) guarantee");
        assertThat(out).doesNotExist();
    }
}
