package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import io.synthline.fixtures.JsonFields;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
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
    void profilePrintsJson() throws IOException {
        Result r = run("profile", SAMPLE.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("rowCount").asLong()).isEqualTo(3257);
        assertThat(json.get("columns")).hasSize(15);
    }

    @Test
    void generateThenEvaluate() throws IOException {
        Path out = dir.resolve("syn.csv");
        Result g = run("generate", SAMPLE.toString(), "--rows", "2000", "--seed", "7", "--out", out.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2001);

        Path again = dir.resolve("syn2.csv");
        run("generate", SAMPLE.toString(), "--rows", "2000", "--seed", "7", "--out", again.toString());
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out));

        Result e = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", out.toString());
        assertThat(e.exit()).as(e.err()).isZero();
        JsonNode json = Json.mapper().readTree(e.out());
        double shapes = json.at("/quality/properties/Column Shapes").asDouble();
        assertThat(shapes).isBetween(0.9, 1.0);
        assertThat(json.at("/quality/details/Column Shapes")).hasSize(15);
        // --threads bounds the evaluator's workers and never changes what it computes
        Result oneThread = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", out.toString(), "--only", "quality",
                "--threads", "1");
        assertThat(oneThread.exit()).as(oneThread.err()).isZero();
        assertThat(Json.mapper().readTree(oneThread.out()).get("quality")).isEqualTo(json.get("quality"));

        Path html = dir.resolve("r.html");
        assertThat(run("evaluate", "--real", SAMPLE.toString(), "--synthetic", out.toString(), "--format", "html", "--out", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).contains("<h2>Column Shapes</h2>").doesNotContain("http");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        Result missing = run("profile", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("synth: input file not found").doesNotContain("\n");

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");
        Result r = run("profile", ragged.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("synth: line 3: the row has 1 fields but the header has 2");

        Result model = run("generate", SAMPLE.toString(), "--rows", "5", "--seed", "1", "--out", dir.resolve("x.csv").toString(), "--model", "nope");
        assertThat(model.exit()).isEqualTo(2);
        assertThat(model.err()).contains("unknown model 'nope'");

        Result flag = run("generate", SAMPLE.toString(), "--rows", "5");
        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.err()).contains("Missing required options");

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "x,y\n1,2\n");
        Result mismatch = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", other.toString());
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err()).contains("does not have");
    }

    @Test
    void evaluateWritesTheFullDocumentAndTheHtmlReport() throws IOException {
        Path syn = dir.resolve("syn.csv");
        assertThat(run("generate", SAMPLE.toString(), "--rows", "1500", "--seed", "3", "--out", syn.toString()).exit()).isZero();
        Path json = dir.resolve("eval.json");
        Result e = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", syn.toString(), "--label", "income",
                "--sensitive", "sex,race", "--only", "quality,utility,privacy,fairness", "--out", json.toString());
        assertThat(e.exit()).as(e.err()).isZero();
        JsonNode doc = Json.mapper().readTree(Files.readString(json));
        assertThat(doc.at("/quality/details/Column Pair Trends")).hasSize(105);
        assertThat(doc.at("/utility/label").asText()).isEqualTo("income");
        assertThat(JsonFields.number(doc, "privacy", "DCRBaselineProtection", "score")).isBetween(0.0, 1.0);
        assertThat(doc.at("/fairness/sensitive")).hasSize(2);
        assertThat(doc.at("/skipped/detection").asText()).isEqualTo("not requested");
        assertThat(doc.at("/skipped/privacy.attacks").asText()).contains("holdout");
    }

    @Test
    void evaluateBadInputGivesOneClearLine() throws IOException {
        Path syn = dir.resolve("syn.csv");
        run("generate", SAMPLE.toString(), "--rows", "200", "--seed", "3", "--out", syn.toString());

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        Result emptyFile = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", empty.toString());
        assertThat(emptyFile.exit()).isEqualTo(2);
        assertThat(emptyFile.err().strip()).isEqualTo("synth: the synthetic file: the file is empty: expected a header row");

        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, Files.readAllLines(SAMPLE).getFirst() + "\n");
        Result noRows = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", headerOnly.toString());
        assertThat(noRows.exit()).isEqualTo(2);
        assertThat(noRows.err().strip()).isEqualTo("synth: the synthetic data has no rows");

        Path narrow = dir.resolve("narrow.csv");
        List<String> lines = Files.readAllLines(syn).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        Files.write(narrow, lines);
        Result mismatch = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", narrow.toString());
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err().strip()).isEqualTo("synth: the synthetic data does not have the real data's columns: missing [income]");

        // read through an unescaped copy, a bad file is still named by its role, never by the copy
        Path ragged = dir.resolve("ragged.csv");
        List<String> raggedLines = new java.util.ArrayList<>(Files.readAllLines(syn));
        raggedLines.set(3, raggedLines.get(3) + ",extra");
        Files.write(ragged, raggedLines);
        Result badRow = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", ragged.toString());
        assertThat(badRow.exit()).isEqualTo(2);
        assertThat(badRow.err().strip()).isEqualTo("synth: the synthetic file: line 4: the row has 16 fields but the header has 15");

        Result label = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", syn.toString(), "--label", "salary");
        assertThat(label.exit()).isEqualTo(2);
        assertThat(label.err()).startsWith("synth: the label column 'salary' is not in the real data; columns are [age,");

        Result sdtype = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", syn.toString(), "--sdtype", "age=text");
        assertThat(sdtype.exit()).isEqualTo(2);
        assertThat(sdtype.err()).contains("unknown sdtype 'text' for column 'age'");

        Result threads = run("evaluate", "--real", SAMPLE.toString(), "--synthetic", syn.toString(), "--threads", "0");
        assertThat(threads.exit()).isEqualTo(2);
        assertThat(threads.err().strip()).isEqualTo("synth: --threads must be at least 1, got 0");
    }
}
