package io.synthline.profiler.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.stack.testing.LocalStackTestResource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hostile and nonsensical requests of the security review (issue 16 items 3, 4 and 7, and who owns
 * an upload), on the real stack: each is a 4xx problem in the user's terms, never a 500 and never a
 * Java class name.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "profiler"))
class RequestHardeningIT {
    static final byte[] CSV = "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8);

    static String upload(String user) {
        return given().auth().oauth2(LocalStackTestResource.token(user)).contentType("text/csv").body(CSV)
                .when().post("/api/v1/datasets?name=hardening").then().statusCode(201).extract().path("id");
    }

    @Test
    void aNulByteInTheNameIsABadRequest() {
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("text/csv").body(CSV)
                .urlEncodingEnabled(false).when().post("/api/v1/datasets?name=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://synthline.io/problems/invalid-parameter"), "parameter", equalTo("name"));
    }

    @Test
    void aDeeplyNestedSchemaIsABadRequest() {
        String id = upload("acme-owner");
        String deep = "{\"columns\":[{\"name\":\"a\",\"type\":\"INTEGER\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("application/json").body(deep)
                .when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://synthline.io/problems/json-too-deep"));
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String id = upload("acme-owner");
        byte[] big = new byte[5 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("application/json").body(big)
                .when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(413).contentType("application/problem+json").body("limitBytes", equalTo(4194304));
    }

    @Test
    void aWrongColumnTypeIsNamedInTheUsersTerms() {
        String id = upload("acme-owner");
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("application/json")
                .body("{\"columns\":[{\"name\":\"a\",\"type\":\"NUMBER\"}]}").when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("columns[0].type"), "detail", containsString("expected one of INTEGER, DECIMAL"),
                        "detail", not(containsString("io.synthline")), "detail", not(containsString("java.")));
    }

    @Test
    void aBooleanParameterIsTrueOrFalse() {
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("text/csv").body(CSV)
                .when().post("/api/v1/datasets?header=maybe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("header"), "detail", equalTo("parameter 'header' must be true or false, got 'maybe'"));
    }

    @Test
    void csvSentAsParquetIsRefused() {
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("application/vnd.apache.parquet").body(CSV)
                .when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://synthline.io/problems/content-type-mismatch"));
    }

    @Test
    void anUploadIsOwnedByItsUploaderOnlyWhenTheUploaderIsADataOwner() {
        String byOwner = upload("acme-owner");
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).when().get("/api/v1/datasets/" + byOwner)
                .then().statusCode(200).body("owner", equalTo("acme-owner"));
        String byScientist = upload("acme-scientist");
        given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).when().get("/api/v1/datasets/" + byScientist)
                .then().statusCode(200).body("owner", nullValue());
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).when().get("/api/v1/datasets")
                .then().statusCode(200).header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    /** The management interface's root path (/q) comes first. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL managementMetrics;

    @Test
    void metricsAreOnlyOnTheManagementInterface() {
        // not on the API port, whoever asks; health and the OpenAPI document stay there
        given().when().get("/q/metrics").then().statusCode(404);
        given().auth().oauth2(LocalStackTestResource.serviceToken()).when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        // the management port (never routed by the gateway or the Ingress) serves Prometheus text
        org.assertj.core.api.Assertions.assertThat(managementMetrics.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        org.assertj.core.api.Assertions.assertThat(managementMetrics.getPath()).isEqualTo("/q/metrics");
        given().when().get(managementMetrics).then().statusCode(200).body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void moreRowsThanTheTenantMayUploadIs413AndStoresNothing() throws Exception {
        long rowsBefore = DatasetUploadBadInputIT.countDatasets();
        long filesBefore = DatasetUploadBadInputIT.storedFiles();
        // globex may upload 1000 rows per dataset in the tests (application.properties); acme has the default
        String body = "a\n" + "1\n".repeat(1500);
        given().auth().oauth2(LocalStackTestResource.token("globex-owner")).contentType("text/csv").body(body)
                .when().post("/api/v1/datasets?name=too-long").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://synthline.io/problems/too-many-rows"), "limitRows", equalTo(1000),
                        "detail", containsString("1500 data rows"));
        org.assertj.core.api.Assertions.assertThat(DatasetUploadBadInputIT.countDatasets()).isEqualTo(rowsBefore);
        org.assertj.core.api.Assertions.assertThat(DatasetUploadBadInputIT.storedFiles()).isEqualTo(filesBefore);
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("text/csv").body(body)
                .when().post("/api/v1/datasets?name=long-enough").then().statusCode(201);
    }
}
