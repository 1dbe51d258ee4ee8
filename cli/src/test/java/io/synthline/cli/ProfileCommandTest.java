package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import io.synthline.fixtures.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    static final Path SAMPLE = Path.of("../samples/adult-sample.csv");

    @TempDir
    Path dir;

    static SynthCommandTest.Result run(String... args) {
        return SynthCommandTest.run(args);
    }

    @Test
    void textJsonAndHtml() throws IOException {
        SynthCommandTest.Result text = run("profile", SAMPLE.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("adult-sample.csv: 3,257 rows, 15 columns", "SEX_GENDER", "strongest associations", "alerts");

        SynthCommandTest.Result json = run("profile", SAMPLE.toString(), "--format", "json", "--threads", "1");
        JsonNode doc = Json.mapper().readTree(json.out());
        assertThat(doc.get("profileVersion").asText()).isEqualTo("2.0");
        assertThat(JsonFields.integer(doc, "settings", "threads")).isEqualTo(1);

        Path html = dir.resolve("p.html");
        SynthCommandTest.Result h = run("profile", SAMPLE.toString(), "--format", "html", "--out", html.toString());
        assertThat(h.exit()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("http");
    }

    @Test
    void dialectSchemaAndParquet() throws IOException {
        Path semi = dir.resolve("s.csv");
        Files.writeString(semi, "code;v;when\n001;?;01/02/2024\n002;3;13/02/2024\n", StandardCharsets.UTF_8);
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, "{\"columns\":[{\"name\":\"code\",\"type\":\"CATEGORICAL\"}]}");
        SynthCommandTest.Result r = run("profile", semi.toString(), "--delimiter", "semicolon", "--null-tokens", "?", "--schema", schema.toString(),
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.at("/columns/0/type").asText()).isEqualTo("CATEGORICAL");
        assertThat(JsonFields.bool(doc, "columns", "0", "typeOverridden")).isTrue();
        assertThat(JsonFields.integer(doc, "columns", "1", "nullCount")).isEqualTo(1);
        assertThat(doc.at("/columns/2/format").asText()).isEqualTo("dd/MM/uuuu");

        Path badSchema = dir.resolve("bad.json");
        Files.writeString(badSchema, "{\"columns\":[{\"name\":\"nope\",\"type\":\"INTEGER\"}]}");
        SynthCommandTest.Result bad = run("profile", semi.toString(), "--delimiter", ";", "--schema", badSchema.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("names column 'nope'");

        SynthCommandTest.Result headerOnly = run("profile", write("h.csv", "a,b\n").toString());
        assertThat(headerOnly.exit()).isEqualTo(2);
        assertThat(headerOnly.err().strip()).isEqualTo("synth: line 1: the file has a header but no data rows");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
