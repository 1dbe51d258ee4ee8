package io.synthline.profiler.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.parquet.ParquetTableWriter;
import io.synthline.stack.testing.LocalStackTestResource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The full profile through the API: stored, served as JSON and HTML, announced with PII and attribute tags, re-typed on demand. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "profiler"))
class DatasetProfileIT {
    static final Path SAMPLE = Path.of("../../samples/adult-sample.csv");

    private static String upload(String contentType, byte[] body, String name) {
        return given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType(contentType).body(body).queryParam("name", name)
                .when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theProfileIsServedAsValidJsonAndAsSelfContainedHtml() throws Exception {
        String id = upload("text/csv", Files.readAllBytes(SAMPLE), "adult sample");
        String json = given().auth().oauth2(LocalStackTestResource.token("acme-auditor"))
                .accept("application/json").when().get("/api/v1/datasets/" + id + "/profile")
                .then().statusCode(200).contentType("application/json").extract().asString();
        JsonNode doc = Json.mapper().readTree(json);
        try (InputStream schema = DatasetProfile.class.getResourceAsStream(DatasetProfile.JSON_SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(doc)).isEmpty();
        }
        assertThat(doc.get("datasetId").asText()).isEqualTo(id);
        assertThat(doc.get("rowCount").asLong()).isEqualTo(3257);
        assertThat(doc.at("/correlations/pairs").size()).isGreaterThan(50);

        String html = given().auth().oauth2(LocalStackTestResource.token("acme-auditor"))
                .accept("text/html").when().get("/api/v1/datasets/" + id + "/profile")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg class=\"heatmap\"", "<svg class=\"hist\"", "SEX_GENDER")
                .doesNotContain("http:", "https:", "<script", "<link");

        given().auth().oauth2(LocalStackTestResource.token("globex-owner"))
                .accept("text/html").when().get("/api/v1/datasets/" + id + "/profile")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void piiFindingsAndAttributeTagsAreAnnounced() throws Exception {
        StringBuilder csv = new StringBuilder("customer_email,phone,sex,amount\n");
        for (int i = 0; i < 200; i++) {
            csv.append("person").append(i).append("@example.org,(415) 555-").append(String.format("%04d", 1000 + i))
                    .append(',').append(i % 2 == 0 ? "Male" : "Female").append(',').append(i * 1.5).append('\n');
        }
        try (KafkaConsumer<String, String> consumer = DatasetResourceIT.consumer()) {
            String id = upload("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), "contacts");
            List<EventEnvelope> events = DatasetResourceIT.awaitEvents(consumer, "datasets/" + id, 2);
            JsonNode profiled = events.get(1).data();
            assertThat(profiled.at("/profileKey").asText()).isEqualTo("acme/datasets/" + id + "/profile.json");
            assertThat(profiled.at("/profileSha256").asText()).hasSize(64);
            assertThat(profiled.get("pii")).extracting(p -> p.get("column").asText() + ":" + p.get("kind").asText())
                    .containsExactlyInAnyOrder("customer_email:EMAIL", "phone:PHONE");
            assertThat(profiled.get("pii").findValuesAsText("locale")).contains("en-US");
            assertThat(profiled.get("attributes")).extracting(a -> a.get("column").asText() + ":" + a.get("category").asText())
                    .contains("sex:SEX_GENDER");
            assertThat(events.get(0).data().get("classification").asText()).isEqualTo("confidential");
        }
        // raw values of PII columns never reach the profile
        String json = given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .when().get("/api/v1/datasets").then().statusCode(200).extract().asString();
        assertThat(json).doesNotContain("@example.org");
    }

    @Test
    void declaredTypesWinOrAreRejectedWithTheFirstBadLine() {
        String id = upload("text/csv", "code,v\n1,2\n2,x\n3,4\n".getBytes(StandardCharsets.UTF_8), "typed");
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("application/json").body("{\"columns\":[{\"name\":\"code\",\"type\":\"CATEGORICAL\"}]}")
                .when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(200).body("columns.find { it.name == 'code' }.type", equalTo("CATEGORICAL"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("application/json").body("{\"columns\":[{\"name\":\"v\",\"type\":\"INTEGER\"}]}")
                .when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("line 3, column 'v': 1 values are not valid INTEGER; the declared type was not applied"),
                        "line", equalTo(3), "column", equalTo("v"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("application/json").body("{\"columns\":[{\"name\":\"nope\",\"type\":\"INTEGER\"}]}")
                .when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .contentType("application/json").body("{\"columns\":[{\"name\":\"code\",\"type\":\"TEXT\"}]}")
                .when().put("/api/v1/datasets/" + id + "/schema")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).when().get("/api/v1/datasets/" + id + "/profile")
                .then().statusCode(200).body("columns.find { it.name == 'code' }.type", equalTo("CATEGORICAL"),
                        "columns.find { it.name == 'code' }.typeOverridden", equalTo(true));
    }

    @Test
    void parquetUploadsAreProfiledAndStoredAsCsv() throws Exception {
        Path pq = Files.createTempFile("sample", ".parquet");
        try {
            ParquetTableWriter.write(CsvTableReader.read(SAMPLE), pq);
            String id = upload("application/vnd.apache.parquet", Files.readAllBytes(pq), "adult parquet");
            given().auth().oauth2(LocalStackTestResource.token("acme-owner")).when().get("/api/v1/datasets/" + id + "/profile")
                    .then().statusCode(200).body("rowCount", equalTo(3257), "source.format", equalTo("parquet"),
                            "columns.type", hasItems("INTEGER", "CATEGORICAL"));
            Path stored = DatasetUploadBadInputIT.store().resolve("acme/datasets/" + id + "/data.csv");
            assertThat(CsvTableReader.read(stored).rowCount()).isEqualTo(3257);
        } finally {
            Files.deleteIfExists(pq);
        }
    }
}
