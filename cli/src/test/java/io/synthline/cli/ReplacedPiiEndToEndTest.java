package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.SynthCommandTest.Result;
import io.synthline.commons.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The customers table through the CLI as a user runs it: {@code synth generate --holdout 0.2} detects
 * and replaces the personal data, and {@code synth evaluate} reads the manifest written next to the
 * output, scores only the learned columns, reports the replaced ones on their own, and shows the
 * birth dates following the learned ages. The files stay in {@code target/customers/} for the
 * commands of docs/evaluator.md (which used 5,000 rows: {@code -Dcustomers.rows=5000}).
 */
class ReplacedPiiEndToEndTest {
    static final Path DIR = Path.of("target/customers");
    static final List<String> GENERATED = List.of("first_name", "last_name", "email", "phone", "street_address");

    @Test
    void replacedColumnsAreReportedApartAndBirthDatesFollowTheLearnedAges() throws Exception {
        Files.createDirectories(DIR);
        Path customers = DIR.resolve("customers.csv");
        CustomersTable.write(customers, Integer.getInteger("customers.rows", 2_000), 7);
        Path synthetic = DIR.resolve("synthetic.csv");
        Result g = SynthCommandTest.run("generate", customers.toString(), "--rows", "2000", "--seed", "42", "--model", "tree",
                "--holdout", "0.2", "--out", synthetic.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        JsonNode manifest = Json.mapper().readTree(DIR.resolve("synthetic.csv.manifest.json").toFile());
        assertThat(manifest.get("replacedColumns").findValuesAsText("column")).containsExactlyInAnyOrder("first_name", "last_name",
                "email", "phone", "street_address", "birth_date");

        Path report = DIR.resolve("evaluation.json");
        Result e = SynthCommandTest.run("evaluate", "--real", customers.toString(), "--synthetic", synthetic.toString(), "--holdout",
                DIR.resolve("synthetic.csv.holdout.csv").toString(), "--only", "quality,accuracy", "--out", report.toString());
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.err()).contains("synthetic.csv.manifest.json: columns", "replaced personal data");
        JsonNode doc = Json.mapper().readTree(report.toFile());

        List<String> scored = doc.at("/quality/details/Column Shapes").findValuesAsText("Column");
        assertThat(scored).doesNotContainAnyElementsOf(GENERATED).contains("birth_date", "segment", "annual_spend");
        double quality = doc.at("/quality/score").asDouble();
        double birthShape = shape(doc, "birth_date");
        double largestBin = 0;
        for (JsonNode c : doc.at("/accuracy/distributions")) {
            if (c.get("column").asText().equals("birth_date")) {
                for (JsonNode v : c.get("synthetic")) {
                    largestBin = Math.max(largestBin, v.asDouble());
                }
            }
        }
        System.out.printf(Locale.ROOT, "customers (%s rows, tree, holdout 0.2): quality %.3f, birth_date KSComplement %.3f,"
                + " largest birth-date decile bin %.3f%n", Integer.getInteger("customers.rows", 2_000), quality, birthShape, largestBin);
        // 1,600 training rows in leaves of at least 200 (the default that keeps membership inference at chance): coarse trees
        assertThat(quality).isGreaterThan(0.85);
        assertThat(birthShape).isGreaterThan(0.9);
        assertThat(largestBin).as("share of synthetic birth dates in one real decile bin").isLessThan(0.15);

        List<String> invalid = new ArrayList<>();
        for (JsonNode c : doc.at("/pii/columns")) {
            System.out.printf(Locale.ROOT, "  %-15s %-14s valid %.3f distinct %.3f / %.3f real values %d%n", c.get("name").asText(),
                    c.get("kind").asText(), c.get("validShare").asDouble(), c.get("distinctShare").asDouble(),
                    c.get("realDistinctShare").asDouble(), c.get("realValueMatches").asLong());
            if (c.get("validShare").asDouble() < 1.0) {
                invalid.add(c.get("name").asText());
            }
        }
        assertThat(invalid).as("replaced columns with values outside their format").isEmpty();
        assertThat(doc.at("/pii/realValues").asLong()).isZero();
        assertThat(doc.at("/skipped/column email").asText()).startsWith("replaced personal data (email), made without the model");
    }

    private static double shape(JsonNode doc, String column) {
        for (JsonNode d : doc.at("/quality/details/Column Shapes")) {
            if (d.get("Column").asText().equals(column)) {
                return d.get("Score").asDouble();
            }
        }
        throw new AssertionError(column + " not scored");
    }
}
