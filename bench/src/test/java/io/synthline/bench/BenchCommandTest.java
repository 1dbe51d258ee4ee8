package io.synthline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.cli.SynthCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each benchmark runs on small inputs and prints its table with the reference measured in the same run. */
class BenchCommandTest {
    static final Path SAMPLE = Path.of("../samples/adult-sample.csv");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BenchCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void profilePrintsATableWithTheRatioAndTheThreadCheck() {
        Result r = run("profile", "--file", SAMPLE.toString(), "--rows", "3000", "--columns", "12", "--repeat", "1", "--warm-up", "0",
                "--work-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("parse MB/s", "prof. MB/s", "parse cpu", "ratio", "adult-sample.csv", "mixed 3,000 x 12");
        assertThat(r.out().lines().filter(l -> (l.startsWith("adult-sample.csv") || l.startsWith("mixed")) && l.contains("%")))
                .hasSize(2).allSatisfy(l -> assertThat(l.strip()).endsWith("yes"));
        assertThat(r.out()).contains("seq. reader", "serial cpu", "p=8 pred.", "p=16 pred.");
        assertThat(r.out().lines().filter(l -> (l.startsWith("adult-sample.csv") || l.startsWith("mixed")) && !l.contains("%")))
                .as("the serial fraction and Amdahl's predictions per file").hasSize(2);
        assertThat(dir.toFile().list()).as("generated files are deleted").isEmpty();
    }

    @Test
    void generatePrintsATableWithTheReference() {
        Result r = run("generate", "--data", SAMPLE.toString(), "--rows", "20000", "--models", "copula,tree", "--fits", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("reference: raw CSV writing").contains("| copula |").contains("| tree |")
                .contains("QualityReport").contains("TSTR accuracy");
    }

    @Test
    void evaluatePrintsATableWithItsReferences() throws IOException {
        Path syn = dir.resolve("syn.csv");
        int generated = SynthCommand.run(new String[] {"generate", SAMPLE.toString(), "--rows", "500", "--seed", "3", "--out", syn.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(generated).isZero();
        Result b = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", syn.toString(), "--large-rows", "0",
                "--quality-runs", "1", "--naive-rows", "5");
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.out()).contains("raw FastCSV parse of the real file (reference)").contains("QualityReport")
                .contains("naive all-pairs DCR").contains("exact DCR, 500 x 3,257 rows").contains("complete evaluation");
    }

    @Test
    void relationalPrivacyOverHoldoutsIsWhatTheCliMeasuresOnEach() throws IOException {
        Path data = io.synthline.fixtures.Datasets.sharedOrSkip("relational");
        Path out = dir.resolve("syn");
        StringWriter err = new StringWriter();
        assertThat(SynthCommand.run(new String[] {"generate", data.toString(), "--seed", "2", "--holdout", "0.2", "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true))).as(err.toString()).isZero();
        Path report = dir.resolve("report.json");
        assertThat(SynthCommand.run(new String[] {"evaluate", "--real", data.toString(), "--synthetic", out.toString(), "--holdout",
                out + ".holdout", "--format", "json", "--out", report.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true))).as(err.toString()).isZero();
        var privacy = io.synthline.commons.json.Json.mapper().readTree(report.toFile()).path("privacy");
        var quality = io.synthline.commons.json.Json.mapper().readTree(report.toFile()).path("quality").path("score").asDouble();

        Result b = run("relational", "--data", data.toString(), "--runs", "1", "--dp-epsilon=", "--privacy-holdouts", "2",
                "--privacy-control");
        assertThat(b.exit()).as(b.err()).isZero();
        // the second holdout's row is the CLI's run with seed 2, number for number
        assertThat(b.out()).contains(String.format(java.util.Locale.ROOT, "| 2 | %.4f | %.4f | %.4f | %.4f |",
                privacy.path("membershipInference").path("auc").asDouble(), privacy.path("dcrShare").path("value").asDouble(),
                privacy.path("dcrShare").path("baseline").asDouble(), quality));
        assertThat(b.out()).contains("tree: AUC mean", "above 0.53 on", "perfect generator: AUC mean").doesNotContain("NaN");
    }

    @Test
    void aMissingInputIsTheCliOneLineErrorAndExitCode() throws IOException {
        Result r = run("evaluate", "--real", dir.resolve("absent.csv").toString(), "--synthetic", SAMPLE.toString());
        assertThat(r.exit()).isEqualTo(SynthCommand.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("synth: real file not found: " + dir.resolve("absent.csv"));
        Result unknown = run("profile", "--no-such-flag");
        assertThat(unknown.exit()).isEqualTo(SynthCommand.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("Try 'synth bench profile --help'.");
        assertThat(Files.exists(dir.resolve("absent.csv"))).isFalse();
    }
}
