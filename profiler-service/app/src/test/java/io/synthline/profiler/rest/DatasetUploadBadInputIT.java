package io.synthline.profiler.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.synthline.stack.testing.LocalStackTestResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad upload the issue lists, through the REST API on the real stack: each is a 4xx
 * problem+json naming the line (and column when known), or a stored profile with the issue flagged;
 * never a 500 and never a half-stored dataset.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "profiler"))
class DatasetUploadBadInputIT {
    /** The store of the application under test (its own directory per port base, see application.properties). */
    static Path store() {
        return Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
    }

    private static ValidatableResponse upload(String user, byte[] body, String query) {
        return given().auth().oauth2(LocalStackTestResource.token(user))
                .contentType("text/csv").body(body)
                .when().post("/api/v1/datasets" + query)
                .then();
    }

    private static ValidatableResponse rejected(byte[] body, int status, String slug) {
        return upload("acme-owner", body, "").statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://synthline.io/problems/" + slug), "status", equalTo(status));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badUploadsAreProblemsNamingTheLineAndStoreNothing() throws Exception {
        long rowsBefore = countDatasets();
        long filesBefore = storedFiles();

        rejected(new byte[0], 400, "empty-file").body("detail", containsString("empty"));
        rejected(utf8("a,b\n"), 400, "no-rows").body("detail", equalTo("line 1: the file has a header but no data rows"), "line", equalTo(1));
        rejected(utf8("a,b,a\n1,2,3\n"), 400, "duplicate-header")
                .body("detail", equalTo("line 1, column 'a': the header names column 'a' twice (fields 1 and 3)"), "column", equalTo("a"));
        rejected(utf8("a,,c\n1,2,3\n"), 400, "blank-header").body("detail", equalTo("line 1: header field 2 is blank; every column needs a name"));
        rejected(utf8("a,b\n1,2\n3,4\n5\n"), 400, "ragged-row").body("detail", equalTo("line 4: the row has 1 fields but the header has 2"),
                "line", equalTo(4));

        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(utf8("name,n\n"));
        for (int i = 0; i < 5000; i++) {
            invalid.writeBytes(utf8("x" + i + "," + i + "\n"));
        }
        invalid.writeBytes(new byte[] {'b', (byte) 0xC3, (byte) 0x28, ',', '1', '\n'});
        rejected(invalid.toByteArray(), 400, "bad-encoding").body("detail", startsWith("line 5002: the bytes at offset"),
                "line", equalTo(5002));

        byte[] binary = new byte[200_000];
        new Random(4).nextBytes(binary);
        upload("acme-owner", binary, "").statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("line "), "type", org.hamcrest.Matchers.anyOf(
                        equalTo("https://synthline.io/problems/bad-encoding"), equalTo("https://synthline.io/problems/binary-content")));
        rejected(new byte[] {'a', '\n', 0, 0, 0, 1, 2, '\n'}, 400, "binary-content").body("line", equalTo(2));

        // a 100 MB single field, well above the 16 M character limit: rejected while streaming, not after loading it
        byte[] huge = new byte[100 * 1024 * 1024 + 16];
        byte[] head = utf8("a,b\n1,\"");
        System.arraycopy(head, 0, huge, 0, head.length);
        java.util.Arrays.fill(huge, head.length, huge.length - 3, (byte) 'x');
        huge[huge.length - 3] = '"';
        huge[huge.length - 2] = '\n';
        huge[huge.length - 1] = '\n';
        rejected(huge, 400, "field-too-large").body("detail", equalTo("line 2: a field is longer than the limit of 16777216 characters"));

        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            wide.append(i == 0 ? "" : ",").append("c").append(i);
        }
        wide.append('\n');
        rejected(utf8(wide.toString()), 400, "too-many-columns")
                .body("detail", equalTo("line 1: the header has more than 10000 columns, the limit"), "limit", equalTo(10000));

        assertThat(countDatasets()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void limitsArePerTenant() throws Exception {
        long before = countDatasets();
        // globex may upload at most 5 columns and 4096 bytes (test configuration); acme has the platform defaults
        upload("globex-owner", utf8("a,b,c,d,e,f\n1,2,3,4,5,6\n"), "").statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("line 1: the header has 6 columns, more than the limit of 5"));
        upload("globex-owner", utf8("a\n" + "1\n".repeat(3000)), "").statusCode(413).contentType("application/problem+json")
                .body("limitBytes", equalTo(4096));
        assertThat(countDatasets()).isEqualTo(before);
        upload("acme-owner", utf8("a,b,c,d,e,f\n1,2,3,4,5,6\n2,3,4,5,6,7\n"), "").statusCode(201);
    }

    @Test
    void formulaCellsAreStoredWithTheIssueFlagged() {
        String id = upload("acme-owner", utf8("id,comment\n1,fine\n2,=cmd|' /C calc'!A0\n3,@SUM(1+1)\n4,-5\n"), "?name=formulas")
                .statusCode(201).extract().path("id");
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .accept("application/json").when().get("/api/v1/datasets/" + id + "/profile")
                .then().statusCode(200)
                .body("columns.find { it.name == 'comment' }.formulaLikeCount", equalTo(2),
                        "alerts.find { it.kind == 'FORMULA_INJECTION' }.columns[0]", equalTo("comment"));
    }

    @Test
    void otherDialectsAreReadAsDeclaredAndStoredAsCanonicalCsv() throws IOException {
        String id = upload("acme-owner", utf8("a;b;c\n1;?;x\n2;3;\n"), "?delimiter=semicolon&nullToken=?&name=semi")
                .statusCode(201).body("rowCount", equalTo(2), "columnCount", equalTo(3)).extract().path("id");
        Path stored = store().resolve("acme/datasets/" + id + "/data.csv");
        assertThat(Files.readString(stored)).isEqualTo("a,b,c\n1,,x\n2,3,\n");
        assertThat(store().resolve("acme/datasets/" + id + "/profile.json")).exists();
        upload("acme-owner", utf8("a,b\n1,2\n"), "?delimiter=ab").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("one character"));
    }

    static long countDatasets() throws Exception {
        var e = LocalStackTestResource.endpoints();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("profiler"), e.dbUser(), e.dbPassword());
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM dataset")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Files under the store, staging included: a rejected upload must leave none behind. */
    static long storedFiles() throws IOException {
        if (!Files.exists(store())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store())) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
