package io.synthline.generator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.table.RowSource;
import io.synthline.parquet.ParquetFiles;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bodies of the security review (issue 16 items 3, 4 and 7) on a generation request: deep, huge and
 * mistyped JSON is a 4xx problem naming the field in the user's terms, never a 500 or a class name.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(GenerationResourceIT.WithoutGovernance.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "generator"))
class GenerationRequestHardeningIT {
    static ValidatableResponse post(Object body) {
        return given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).contentType("application/json").body(body)
                .when().post("/api/v1/generations").then().contentType("application/problem+json")
                .body("detail", not(containsString("java.")), "detail", not(containsString("io.synthline")),
                        "detail", not(containsString("`")));
    }

    @Test
    void jsonNestedTenThousandLevelsDeepIsABadRequest() {
        String deep = "{\"datasetId\":\"" + UUID.randomUUID() + "\",\"rows\":10,\"x\":" + "{\"x\":".repeat(10_000) + "1"
                + "}".repeat(10_000) + "}";
        post(deep).statusCode(400).body("type", equalTo("https://synthline.io/problems/json-too-deep"));
    }

    @Test
    void aFortyMebibyteBodyIsTooLarge() {
        byte[] big = new byte[40 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        post(big).statusCode(413).body("type", equalTo("https://synthline.io/problems/payload-too-large"));
    }

    @Test
    void aFractionOfARowIsNotARowCount() {
        post("{\"datasetId\":\"" + UUID.randomUUID() + "\",\"rows\":1.5}").statusCode(400)
                .body("field", equalTo("rows"), "detail", equalTo("rows: expected an integer, got 1.5"));
    }

    @Test
    void mistypedValuesAreNamedWithoutClassNames() {
        post("{\"datasetId\":\"" + UUID.randomUUID() + "\",\"rows\":\"many\"}").statusCode(400)
                .body("detail", equalTo("rows: expected an integer, got a text"));
        post("{\"datasetId\":\"" + UUID.randomUUID() + "\",\"rows\":10,\"output\":{\"format\":[1]}}").statusCode(400)
                .body("field", equalTo("output.format"));
        post("{\"datasetId\":\"" + UUID.randomUUID() + "\",\"rows\":10,\"constraints\":[{\"type\":\"teleport\"}]}").statusCode(400)
                .body("detail", containsString("unknown type 'teleport'; expected one of"));
    }

    /** A source whose text cells are the review's CSV injection payloads (and plain negative numbers). */
    /** (Few distinct rows: requests keep copies of training rows, or no row would be left.) */
    static Path injectionSource() throws Exception {
        List<String> payloads = List.of("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+cmd|' /C calc'!A0", "@SUM(1+9)",
                "=HYPERLINK(\"http://evil.example\",\"x\")", "\t=1+1", "'quoted", "plain");
        StringBuilder csv = new StringBuilder("payload,n\n");
        for (int i = 0; i < 400; i++) {
            String p = payloads.get(i % payloads.size());
            csv.append('"').append(p.replace("\"", "\"\"")).append("\",").append(i % 7 - 3).append('\n');
        }
        Path file = Files.createTempFile("injection-", ".csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    static List<List<String>> cells(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(new StringReader(csv))) {
            reader.forEach(r -> rows.add(List.copyOf(r.getFields())));
        }
        return rows;
    }

    @Test
    void downloadsCarryNoFormulasUnlessAskedForTheExactValues() throws Exception {
        String dataset = GenerationResourceIT.registerDataset("acme", injectionSource(), 400, List.of());
        String id = GenerationResourceIT.request("{\"datasetId\":\"" + dataset + "\",\"rows\":800,\"seed\":5,"
                + "\"excludeTrainingCopies\":false,\"output\":{\"format\":\"parquet\"}}");
        assertThat(GenerationResourceIT.awaitStatus(id)).isEqualTo("COMPLETED");
        String escaped = given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).when()
                .get("/api/v1/generations/" + id + "/data").then().statusCode(200).extract().asString();
        List<List<String>> rows = cells(escaped);
        assertThat(rows).hasSize(801);
        long guarded = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String payload = row.get(0);
            assertThat(payload.isEmpty() || "=+-@\t\r".indexOf(payload.charAt(0)) < 0).as(payload).isTrue();
            guarded += payload.startsWith("'") ? 1 : 0;
            // negative numbers stay numbers
            assertThat(row.get(1)).matches("-?\\d+");
        }
        assertThat(guarded).isGreaterThan(400);

        String exact = given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).queryParam("escapeFormulas", false)
                .when().get("/api/v1/generations/" + id + "/data").then().statusCode(200).header("Digest", containsString("sha-256="))
                .extract().asString();
        List<List<String>> raw = cells(exact);
        assertThat(raw.stream().skip(1).map(r -> r.get(0))).contains("=cmd|' /C calc'!A0", "'quoted");
        // the escaped file is the exact one with apostrophes: nothing else changed
        for (int i = 1; i < raw.size(); i++) {
            assertThat(io.synthline.commons.csv.FormulaGuard.unescape(rows.get(i).get(0))).isEqualTo(raw.get(i).get(0));
        }

        // Parquet keeps the values
        byte[] parquet = given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .when().get("/api/v1/generations/" + id + "/data.parquet").then().statusCode(200).extract().asByteArray();
        Path file = Files.createTempFile("synthetic-", ".parquet");
        Files.write(file, parquet);
        List<String> values = new ArrayList<>();
        try (RowSource source = ParquetFiles.open(file, CsvOptions.defaults())) {
            while (source.next()) {
                values.add(source.value(0));
            }
        }
        assertThat(values).contains("=cmd|' /C calc'!A0", "'quoted").noneMatch(v -> v.startsWith("'="));
    }

    @Test
    void theSameDataInTwoTenantsSharesNoIdentifier() throws Exception {
        Path source = injectionSource();
        // few distinct rows: copies of training rows are kept, or no row would be left
        String body = "{\"rows\":50,\"seed\":11,\"excludeTrainingCopies\":false,\"output\":{\"provenanceColumns\":true},\"datasetId\":\"";
        String acme = GenerationResourceIT.request("acme-scientist",
                body + GenerationResourceIT.registerDataset("acme", source, 400, List.of()) + "\"}");
        String globex = GenerationResourceIT.request("globex-scientist",
                body + GenerationResourceIT.registerDataset("globex", source, 400, List.of()) + "\"}");
        assertThat(GenerationResourceIT.awaitStatus("acme-scientist", acme)).isEqualTo("COMPLETED");
        assertThat(GenerationResourceIT.awaitStatus("globex-scientist", globex)).isEqualTo("COMPLETED");
        var a = given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).when().get("/api/v1/generations/" + acme)
                .then().statusCode(200).extract().jsonPath();
        var g = given().auth().oauth2(LocalStackTestResource.token("globex-scientist")).when().get("/api/v1/generations/" + globex)
                .then().statusCode(200).extract().jsonPath();
        assertThat(a.getString("runId")).isNotBlank().isNotEqualTo(g.getString("runId"));
        assertThat(a.getString("modelId")).isNotBlank().isNotEqualTo(g.getString("modelId"));
        // the same rows all the same (the run is reproducible), only the identifiers differ
        String acmeCsv = given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).queryParam("escapeFormulas", false)
                .when().get("/api/v1/generations/" + acme + "/data").then().statusCode(200).extract().asString();
        String globexCsv = given().auth().oauth2(LocalStackTestResource.token("globex-scientist")).queryParam("escapeFormulas", false)
                .when().get("/api/v1/generations/" + globex + "/data").then().statusCode(200).extract().asString();
        assertThat(acmeCsv).contains(a.getString("runId")).doesNotContain(g.getString("runId"));
        assertThat(globexCsv.replace(g.getString("runId"), a.getString("runId"))).isEqualTo(acmeCsv);
    }

    @jakarta.inject.Inject
    io.synthline.service.http.TenantRateLimit rateLimit;

    @Test
    void aTenantStartingTooManyJobsIsToldToWait() {
        // globex may start 4 jobs a minute for this test; whatever the bodies, the fifth waits
        rateLimit.limit("globex", 4);
        try {
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(LocalStackTestResource.token("globex-scientist")).contentType("application/json").body("{}")
                        .when().post("/api/v1/generations").then().statusCode(400);
            }
            given().auth().oauth2(LocalStackTestResource.token("globex-scientist")).contentType("application/json").body("{}")
                    .when().post("/api/v1/generations").then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                    .body("type", equalTo("https://synthline.io/problems/rate-limited"), "retryAfterSeconds", org.hamcrest.Matchers.greaterThan(0));
            // another tenant is not held back
            post("{}").statusCode(400);
        } finally {
            // the other tests of this application start globex jobs too: back to the configured allowance
            rateLimit.reset("globex");
        }
    }
}
