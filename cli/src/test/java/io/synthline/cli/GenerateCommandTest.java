package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    static final Path SAMPLE = Path.of("../samples/adult-sample.csv");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SynthCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void shorthandBecomesTheApiRequestBlocks() {
        assertThat(GenerateSyntax.condition("income=>50K")).isEqualTo(ConditionSpec.equalTo("income", ">50K"));
        assertThat(GenerateSyntax.condition("age=30..40")).isEqualTo(ConditionSpec.between("age", "30", "40"));
        assertThat(GenerateSyntax.condition("age=..40")).isEqualTo(ConditionSpec.between("age", null, "40"));
        assertThat(GenerateSyntax.condition("race=Black|White")).isEqualTo(ConditionSpec.oneOf("race", List.of("Black", "White")));
        assertThat(GenerateSyntax.rebalance("income=>50K:0.5,<=50K:0.5"))
                .isEqualTo(new RebalanceSpec("income", Map.of(">50K", 0.5, "<=50K", 0.5), null));
        assertThat(GenerateSyntax.rebalance("race=Other:x10")).isEqualTo(new RebalanceSpec("race", null, Map.of("Other", 10.0)));
        assertThat(GenerateSyntax.constraint("ineq:a<=b")).isEqualTo(new ConstraintSpec.Inequality("a", "b", false));
        assertThat(GenerateSyntax.constraint("ineq:a<b")).isEqualTo(new ConstraintSpec.Inequality("a", "b", true));
        assertThat(GenerateSyntax.constraint("fixed:city,state")).isEqualTo(new ConstraintSpec.FixedCombinations(List.of("city", "state")));
        assertThat(GenerateSyntax.constraint("format:id=AC-[0-9]{5}")).isEqualTo(new ConstraintSpec.Format("id", "AC-[0-9]{5}"));
        assertThat(GenerateSyntax.constraint("range:age=18..65")).isEqualTo(new ConstraintSpec.Range("age", "18", "65"));
    }

    @Test
    void conditionalGenerationWithStoredModelAndManifest() throws IOException {
        Path out = dir.resolve("syn.csv");
        Path model = dir.resolve("m.synth");
        Result g = run("generate", SAMPLE.toString(), "--model", "tree", "--rows", "500", "--seed", "3", "--out", out.toString(),
                "--condition", "sex=Female", "--condition", "age=20..30", "--provenance-columns", "--save-model", model.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(501);
        List<String> header = List.of(lines.getFirst().split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[header.indexOf("sex")]).isEqualTo("Female");
            assertThat(Integer.parseInt(cells[header.indexOf("age")])).isBetween(20, 30);
        }
        JsonNode manifest = Json.mapper().readTree(dir.resolve("syn.csv.manifest.json").toFile());
        assertThat(manifest.get("rowsWritten").asLong()).isEqualTo(500);
        assertThat(manifest.get("modelId").asText()).hasSize(64);

        assertThat(dir.resolve("m.synth.guard")).as("the copy guard, apart from the model").exists();

        // conditioning a stored tree grows trees on its training rows, which the model does not keep: they are asked for
        Path one = dir.resolve("one.csv");
        Result withoutData = run("generate", "--load-model", model.toString(), "--rows", "1", "--seed", "3", "--out", one.toString(),
                "--condition", "sex=Female");
        assertThat(withoutData.exit()).isEqualTo(2);
        assertThat(withoutData.err()).contains("keeps no training rows").contains("FILE.csv");

        // given them back, the stored model regenerates row 123 alone, byte for byte
        Result r = run("generate", SAMPLE.toString(), "--load-model", model.toString(), "--rows", "1", "--first-row", "123", "--seed", "3",
                "--out", one.toString(), "--condition", "sex=Female", "--condition", "age=20..30", "--provenance-columns");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(one).get(1)).isEqualTo(lines.get(124));
    }

    @Test
    void badOptionsExitWithTwoAndAClearMessage() {
        Path out = dir.resolve("x.csv");
        Result unknown = run("generate", SAMPLE.toString(), "--rows", "5", "--seed", "1", "--out", out.toString(), "--condition", "salary=1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("column 'salary'");
        Result contradictory = run("generate", SAMPLE.toString(), "--rows", "5", "--seed", "1", "--out", out.toString(),
                "--constraint", "ineq:age<=hours-per-week", "--constraint", "ineq:hours-per-week<=age");
        assertThat(contradictory.exit()).isEqualTo(2);
        assertThat(contradictory.err()).contains("cycle");
        Result negative = run("generate", SAMPLE.toString(), "--rows", "-3", "--seed", "1", "--out", out.toString());
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--rows must be at least 1, got -3");
        Result noRows = run("generate", SAMPLE.toString(), "--seed", "1", "--out", out.toString());
        assertThat(noRows.exit()).isEqualTo(2);
        assertThat(noRows.err()).contains("--rows is required with one table");
        Result impossible = run("generate", SAMPLE.toString(), "--rows", "5", "--seed", "1", "--out", out.toString(), "--model", "tree",
                "--condition", "age=300..400");
        assertThat(impossible.exit()).isEqualTo(2);
        assertThat(impossible.err()).contains("probability 0");
        assertThat(Files.exists(out)).isFalse();
    }


    @Test
    void aSpecFileGivesTheRowsAndOptionsOverrideIt() throws IOException {
        Path spec = dir.resolve("request.json");
        Files.writeString(spec, "{\"rows\": 40, \"model\": \"independent\"}");
        Path fromSpec = dir.resolve("spec.csv");
        Result r = run("generate", SAMPLE.toString(), "--spec", spec.toString(), "--seed", "1", "--out", fromSpec.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(fromSpec)).hasSize(41);
        Path overridden = dir.resolve("overridden.csv");
        r = run("generate", SAMPLE.toString(), "--spec", spec.toString(), "--rows", "7", "--seed", "1", "--out", overridden.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(overridden)).hasSize(8);
    }

    @Test
    void columnsTheProfilerFlagsAsPiiAreReplacedAndParquetIsWritten() throws IOException {
        StringBuilder csv = new StringBuilder("customer_email,segment,region,visits,amount\n");
        java.util.Set<String> real = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 300; i++) {
            String email = "person" + i + "@example.org";
            real.add(email);
            csv.append(email).append(',').append(i % 3 == 0 ? "gold" : "basic").append(",r").append(random.nextInt(6)).append(',')
                    .append(random.nextInt(60)).append(',').append(Math.round(random.nextDouble() * 100000) / 100.0).append('\n');
        }
        Path data = dir.resolve("contacts.csv");
        Files.writeString(data, csv);
        Path out = dir.resolve("syn.csv");
        Result g = run("generate", data.toString(), "--model", "tree", "--rows", "400", "--seed", "2", "--out", out.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.err()).contains("PII detected").contains("customer_email=email");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(401);
        for (String line : lines.subList(1, lines.size())) {
            String email = line.split(",")[0];
            assertThat(email).contains("@");
            assertThat(real).doesNotContain(email);
        }

        Path parquet = dir.resolve("syn.parquet");
        Result p = run("generate", data.toString(), "--model", "tree", "--rows", "400", "--seed", "2", "--out", parquet.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        try (io.synthline.parquet.ParquetRowSource rows = io.synthline.parquet.ParquetRowSource.open(parquet, 100)) {
            assertThat(rows.header()).containsExactly("customer_email", "segment", "region", "visits", "amount");
            int n = 0;
            while (rows.next()) {
                assertThat(rows.value(0)).isEqualTo(lines.get(n + 1).split(",")[0]);
                n++;
            }
            assertThat(n).isEqualTo(400);
        }
        assertThat(dir.toFile().list()).noneMatch(name -> name.startsWith(".synth-"));
        JsonNode manifest = Json.mapper().readTree(dir.resolve("syn.parquet.manifest.json").toFile());
        assertThat(manifest.get("format").asText()).isEqualTo("parquet");
        assertThat(manifest.get("outputSha256").asText()).as("the manifest describes the Parquet file users get")
                .isEqualTo(Sha256.hex(parquet));
        assertThat(manifest.get("bytes").asLong()).isEqualTo(Files.size(parquet));
    }

    @Test
    void heldOutRowsAreWrittenAndEvaluatedAsTheControlSet() throws IOException {
        Path out = dir.resolve("syn.csv");
        Result g = run("generate", SAMPLE.toString(), "--model", "tree", "--rows", "1000", "--seed", "4", "--out", out.toString(),
                "--holdout", "0.25", "--no-pii-detection");
        assertThat(g.exit()).as(g.err()).isZero();
        Path holdout = dir.resolve("syn.csv.holdout.csv");
        List<String> sample = Files.readAllLines(SAMPLE);
        List<String> held = Files.readAllLines(holdout);
        int expected = (int) Math.floor((sample.size() - 1) * 0.25);
        assertThat(held).hasSize(expected + 1);
        assertThat(held.getFirst()).isEqualTo(sample.getFirst());
        assertThat(sample).containsAll(held.subList(1, held.size()));
        assertThat(g.err()).contains(String.format("fitted on %,d rows", sample.size() - 1 - expected))
                .contains(String.format("%,d rows held out", expected));
        JsonNode manifest = Json.mapper().readTree(dir.resolve("syn.csv.manifest.json").toFile());
        assertThat(manifest.get("holdout").asDouble()).isEqualTo(0.25);
        assertThat(manifest.get("trainingRows").asLong()).isEqualTo(sample.size() - 1 - expected);

        Result e = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", out.toString(), "--holdout", holdout.toString(),
                "--label", "income", "--format", "json", "--only", "privacy", "--out", dir.resolve("e.json").toString());
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.err()).contains(String.format("evaluating against its other %,d rows", sample.size() - 1 - expected));

        Result tooMuch = run("generate", SAMPLE.toString(), "--rows", "5", "--seed", "1", "--out", dir.resolve("x.csv").toString(),
                "--holdout", "0.8");
        assertThat(tooMuch.exit()).isEqualTo(2);
        assertThat(tooMuch.err()).contains("--holdout").contains("between 0 and 0.5");
    }

    /** A model that can only reproduce its training rows produces nothing: exit 2, a reason, and no output file. */
    @Test
    void aRunThatCanOnlyCopyTrainingRowsFailsAndWritesNothing() throws IOException {
        Path data = dir.resolve("two.csv");
        // ten rows of each value: categories fewer than 10 rows hold would be merged into "<other>", which is no real row
        Files.writeString(data, "flag\n" + "yes\nno\n".repeat(10));
        Path out = dir.resolve("copies.csv");
        Result r = run("generate", data.toString(), "--rows", "50", "--seed", "1", "--out", out.toString(), "--no-pii-detection");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no synthetic row could be produced").contains("--allow-copies");
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.exists(dir.resolve("copies.csv.manifest.json"))).isFalse();
        assertThat(dir.toFile().list()).noneMatch(name -> name.startsWith(".synth-"));

        Result allowed = run("generate", data.toString(), "--rows", "50", "--seed", "1", "--out", out.toString(), "--no-pii-detection",
                "--allow-copies");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(51);
    }
}
