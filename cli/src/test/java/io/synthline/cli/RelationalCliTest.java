package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synth profile / generate / evaluate on the shop sample: a directory, a zip, with and without metadata. */
class RelationalCliTest {
    static final Path SHOP = Path.of("../samples/shop");
    static final List<String> TABLES = List.of("customers", "orders", "order_lines", "returns", "visits");

    @TempDir
    Path dir;

    @Test
    void generatesEveryTableAndEvaluatesThem() throws Exception {
        Path out = dir.resolve("out");
        SynthCommandTest.Result g = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "3", "--scale", "0.5", "--out", out.toString(),
                "--holdout", "0.2");
        assertThat(g.exit()).as(g.err()).isZero();
        for (String t : TABLES) {
            assertThat(out.resolve(t + ".csv")).exists();
        }
        JsonNode manifest = Json.mapper().readTree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.at("/tables/customers/rows").asInt()).isEqualTo(160); // 320 training customers at scale 0.5
        assertThat(manifest.at("/piiReplaced/customers/0").asText()).isEqualTo("email");
        Path holdout = dir.resolve("out.holdout");
        assertThat(holdout.resolve("customers.csv")).exists();
        Path report = dir.resolve("report.json");
        SynthCommandTest.Result e = SynthCommandTest.run("evaluate", "--real", SHOP.toString(), "--synthetic", out.toString(),
                "--holdout", holdout.toString(), "--out", report.toString());
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.err()).contains("80 held-out customers entities are in shop: evaluating against its other 320");
        JsonNode doc = Json.mapper().readTree(Files.readString(report));
        assertThat(doc.at("/integrity/score").asDouble()).isEqualTo(1.0);
        assertThat(doc.at("/quality/score").asDouble()).isGreaterThan(0.7);
        assertThat(doc.at("/sequences/0/table").asText()).isEqualTo("visits");
        assertThat(doc.at("/privacy/trainingEntities").asInt()).isEqualTo(320);
        SynthCommandTest.Result html = SynthCommandTest.run("evaluate", "--real", SHOP.toString(), "--synthetic", out.toString(),
                "--format", "html");
        assertThat(html.out()).contains("<h1>Synthetic database evaluation</h1>", "Intertable Trends");

        // --only computes the sections it names, the same numbers, and says which it left out
        Path privacyOnly = dir.resolve("privacy.json");
        SynthCommandTest.Result p = SynthCommandTest.run("evaluate", "--real", SHOP.toString(), "--synthetic", out.toString(),
                "--holdout", holdout.toString(), "--only", "privacy,integrity", "--out", privacyOnly.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.err()).contains("referential integrity 1.0000; entity-level membership inference AUC").doesNotContain("quality");
        JsonNode only = Json.mapper().readTree(Files.readString(privacyOnly));
        assertThat(only.hasNonNull("quality")).isFalse();
        assertThat(only.path("sequences")).isEmpty();
        assertThat(only.at("/skipped/quality").asText()).isEqualTo("not requested");
        assertThat(only.at("/skipped/sequences").asText()).isEqualTo("not requested");
        assertThat(only.path("privacy")).isEqualTo(doc.path("privacy"));
        assertThat(only.path("integrity")).isEqualTo(doc.path("integrity"));
        SynthCommandTest.Result htmlOnly = SynthCommandTest.run("evaluate", "--real", SHOP.toString(), "--synthetic", out.toString(),
                "--only", "sequences", "--format", "html");
        assertThat(htmlOnly.exit()).as(htmlOnly.err()).isZero();
        assertThat(htmlOnly.out()).contains("Not computed", "not requested").doesNotContain("Intertable Trends");
        SynthCommandTest.Result unknown = SynthCommandTest.run("evaluate", "--real", SHOP.toString(), "--synthetic", out.toString(),
                "--only", "utility");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown section 'utility' for related tables; sections are quality, integrity, sequences,"
                + " privacy");
    }

    @Test
    void aZipWithoutMetadataGetsProposedKeys() throws Exception {
        Path zip = dir.resolve("shop.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String t : TABLES) {
                z.putNextEntry(new ZipEntry("shop/" + t + ".csv"));
                z.write(Files.readAllBytes(SHOP.resolve(t + ".csv")));
                z.closeEntry();
            }
        }
        SynthCommandTest.Result p = SynthCommandTest.run("profile", zip.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("tables (metadata proposed)", "returns.order_id+line_no -> order_lines.order_id+line_no");
        Path out = dir.resolve("out");
        SynthCommandTest.Result g = SynthCommandTest.run("generate", zip.toString(), "--seed", "1", "--out", out.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.err()).contains("keys proposed from the data", "orders.customer_id -> customers.customer_id",
                "visits looks sequential", "PII detected by the profiler");
        assertThat(Files.readString(out.resolve("metadata.json"))).contains("\"child_foreign_key\" : [ \"order_id\", \"line_no\" ]");
    }

    @Test
    void singleTableOptionsAreRefusedForSeveralTables() {
        SynthCommandTest.Result r = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "1", "--rows", "10", "--out",
                dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("use --scale");
        SynthCommandTest.Result bad = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "1", "--scale", "0", "--out",
                dir.resolve("o").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--scale must be a number greater than 0");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void conditionsHoldForEveryRootRowAndAnImpossibleOneIsAClearError() throws Exception {
        Path out = dir.resolve("gold");
        SynthCommandTest.Result g = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "2", "--condition", "segment=gold",
                "--condition", "customers.age=30..45", "--out", out.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        List<String> customers = Files.readAllLines(out.resolve("customers.csv"));
        assertThat(customers).hasSize(401);
        for (String line : customers.subList(1, customers.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells[3]).as(line).isEqualTo("gold");
            assertThat(Double.parseDouble(cells[1])).as(line).isBetween(30.0, 45.0);
        }
        assertThat(Files.readAllLines(out.resolve("orders.csv")).size()).isGreaterThan(100);
        JsonNode manifest = Json.mapper().readTree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.at("/conditions/table").asText()).isEqualTo("customers");
        assertThat(manifest.at("/conditions/conditions/0/equals").asText()).isEqualTo("gold");

        SynthCommandTest.Result impossible = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "2", "--condition", "age=200..300",
                "--out", dir.resolve("none").toString());
        assertThat(impossible.exit()).isEqualTo(SynthCommand.EXIT_BAD_INPUT);
        assertThat(impossible.err()).contains("no training row satisfies the condition");
        SynthCommandTest.Result child = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "2", "--condition", "orders.channel=web",
                "--out", dir.resolve("none").toString());
        assertThat(child.exit()).isEqualTo(SynthCommand.EXIT_BAD_INPUT);
        assertThat(child.err()).contains("conditions apply to the root table 'customers'");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void aSavedModelSamplesTheSameTablesWithoutTheData() throws Exception {
        Path model = dir.resolve("shop.synth");
        Path fitted = dir.resolve("fitted");
        SynthCommandTest.Result fit = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "4", "--scale", "0.5", "--save-model",
                model.toString(), "--out", fitted.toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(model.resolveSibling("shop.synth.guard")).exists();
        Path loaded = dir.resolve("loaded");
        SynthCommandTest.Result load = SynthCommandTest.run("generate", "--load-model", model.toString(), "--seed", "4", "--scale", "0.5",
                "--out", loaded.toString());
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.err()).contains("loaded tree model");
        for (String t : TABLES) {
            assertThat(Files.readAllBytes(loaded.resolve(t + ".csv"))).as(t).isEqualTo(Files.readAllBytes(fitted.resolve(t + ".csv")));
        }
        JsonNode a = Json.mapper().readTree(Files.readString(fitted.resolve("manifest.json")));
        JsonNode b = Json.mapper().readTree(Files.readString(loaded.resolve("manifest.json")));
        assertThat(b.path("modelId").asText()).hasSize(64).isEqualTo(a.path("modelId").asText());

        SynthCommandTest.Result withData = SynthCommandTest.run("generate", SHOP.toString(), "--load-model", model.toString(), "--seed", "4",
                "--out", dir.resolve("o").toString());
        assertThat(withData.exit()).isEqualTo(SynthCommand.EXIT_BAD_INPUT);
        assertThat(withData.err()).contains("give only --seed, --scale, --condition and --out");
        Files.move(model.resolveSibling("shop.synth.guard"), dir.resolve("elsewhere.guard"));
        SynthCommandTest.Result noGuard = SynthCommandTest.run("generate", "--load-model", model.toString(), "--seed", "4", "--out",
                dir.resolve("o").toString());
        assertThat(noGuard.exit()).isEqualTo(SynthCommand.EXIT_BAD_INPUT);
        assertThat(noGuard.err()).contains("copy guard");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void theDifferentiallyPrivatePathTakesAParentWithDirectChildrenAndDeclaredMetadata() throws Exception {
        SynthCommandTest.Result shape = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "1", "--model", "mst", "--epsilon", "1",
                "--delta", "1e-9", "--out", dir.resolve("o").toString());
        assertThat(shape.exit()).isEqualTo(2);
        assertThat(shape.err()).contains("a parent with direct children only");
        Path bare = dir.resolve("bare");
        Files.createDirectories(bare);
        for (String t : List.of("customers", "visits")) {
            Files.copy(SHOP.resolve(t + ".csv"), bare.resolve(t + ".csv"));
        }
        SynthCommandTest.Result undeclared = SynthCommandTest.run("generate", bare.toString(), "--seed", "1", "--model", "mst", "--epsilon",
                "1", "--delta", "1e-9", "--out", dir.resolve("o").toString());
        assertThat(undeclared.exit()).isEqualTo(2);
        assertThat(undeclared.err()).contains("needs the metadata declared");
        SynthCommandTest.Result bound = SynthCommandTest.run("generate", SHOP.toString(), "--seed", "1", "--max-children", "3", "--out",
                dir.resolve("o").toString());
        assertThat(bound.exit()).isEqualTo(2);
        assertThat(bound.err()).contains("--max-children bounds what one person contributes");
    }

    @Test
    void formulaCellsAreEscapedInEveryTableAndReadBackExactly() throws Exception {
        Path in = dir.resolve("accounts");
        Files.createDirectories(in);
        StringBuilder accounts = new StringBuilder("account_id,note\n");
        StringBuilder payments = new StringBuilder("payment_id,account_id,memo\n");
        List<String> notes = List.of("=1+1", "@SUM(1)", "plain", "-x");
        for (int i = 0; i < 300; i++) {
            accounts.append(i).append(',').append(notes.get(i % notes.size())).append('\n');
            for (int j = 0; j < i % 3 + 1; j++) {
                payments.append(i * 10 + j).append(',').append(i).append(',').append(j % 2 == 0 ? "+call" : "ok").append('\n');
            }
        }
        Files.writeString(in.resolve("accounts.csv"), accounts);
        Files.writeString(in.resolve("payments.csv"), payments);
        Path escaped = dir.resolve("escaped");
        Path kept = dir.resolve("kept");
        SynthCommandTest.Result e = SynthCommandTest.run("generate", in.toString(), "--seed", "5", "--out", escaped.toString(), "--holdout", "0.2");
        assertThat(e.exit()).as(e.err()).isZero();
        SynthCommandTest.Result k = SynthCommandTest.run("generate", in.toString(), "--seed", "5", "--out", kept.toString(), "--holdout", "0.2",
                "--csv-formulas", "keep");
        assertThat(k.exit()).as(k.err()).isZero();
        for (Path out : List.of(escaped, kept, dir.resolve("escaped.holdout"), dir.resolve("kept.holdout"))) {
            String text = Files.readString(out.resolve("accounts.csv")) + Files.readString(out.resolve("payments.csv"));
            boolean escapes = out.getFileName().toString().startsWith("escaped");
            assertThat(text.lines().map(l -> l.split(",", -1)).flatMap(java.util.Arrays::stream)
                    .filter(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?[0-9.]+")))
                    .as("formula cells in %s", out.getFileName()).matches(cells -> escapes == cells.isEmpty(), escapes ? "none" : "some");
        }
        // evaluating the escaped files (told nothing) equals evaluating the exact ones (told keep)
        SynthCommandTest.Result re = SynthCommandTest.run("evaluate", "--real", in.toString(), "--synthetic", escaped.toString(), "--holdout",
                dir.resolve("escaped.holdout").toString());
        SynthCommandTest.Result rk = SynthCommandTest.run("evaluate", "--real", in.toString(), "--synthetic", kept.toString(), "--holdout",
                dir.resolve("kept.holdout").toString(), "--csv-formulas", "keep");
        assertThat(re.exit()).as(re.err()).isZero();
        assertThat(rk.exit()).as(rk.err()).isZero();
        var fromEscaped = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(re.out());
        var fromExact = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(rk.out());
        fromEscaped.remove("timingsMillis");
        fromExact.remove("timingsMillis");
        assertThat(fromEscaped).isEqualTo(fromExact);
        assertThat(fromEscaped.at("/quality/details/Column Shapes/0/Column").asText()).isEqualTo("note");
        assertThat(fromEscaped.at("/quality/details/Column Shapes/0/Score").asDouble()).isGreaterThan(0.9);
        assertThat(fromEscaped.at("/integrity/score").asDouble()).isEqualTo(1.0);
    }

    /**
     * What {@code synth generate DIR --remote} uploads: the tables and the metadata in force (the
     * one given with --metadata wins over the one beside the tables), nothing else; and the
     * downloaded zip unpacks to the same files.
     */
    @Test
    void remoteUploadsZipTheTablesWithTheMetadataInForce() throws Exception {
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        for (String t : TABLES) {
            Files.copy(SHOP.resolve(t + ".csv"), tables.resolve(t + ".csv"));
        }
        Files.writeString(tables.resolve("metadata.json"), "{\"tables\": {}}");
        Files.writeString(tables.resolve("notes.txt"), "not a table");
        Path zip = dir.resolve("upload.zip");
        assertThat(RelationalCli.zipTables(tables, SHOP.resolve("metadata.json"), zip)).isEqualTo(TABLES.size());
        Path back = dir.resolve("back");
        Files.createDirectories(back);
        RelationalCli.unzipInto(zip, back);
        try (var files = Files.list(back)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrder("customers.csv", "orders.csv",
                    "order_lines.csv", "returns.csv", "visits.csv", "metadata.json");
        }
        assertThat(Files.readString(back.resolve("metadata.json"))).isEqualTo(Files.readString(SHOP.resolve("metadata.json")));
        assertThat(Files.mismatch(back.resolve("visits.csv"), SHOP.resolve("visits.csv"))).isEqualTo(-1);

        // without --metadata the one beside the tables goes up; a zip input is repacked the same way
        Path again = dir.resolve("again.zip");
        RelationalCli.zipTables(zip, null, again);
        Path unpacked = dir.resolve("unpacked");
        Files.createDirectories(unpacked);
        RelationalCli.unzipInto(again, unpacked);
        assertThat(Files.readString(unpacked.resolve("metadata.json"))).isEqualTo(Files.readString(SHOP.resolve("metadata.json")));
    }
}
