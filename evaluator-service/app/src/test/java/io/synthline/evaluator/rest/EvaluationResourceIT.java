package io.synthline.evaluator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluator"))
class EvaluationResourceIT {
    static final Path SHARED = Path.of("../../../shared/datasets");

    @Test
    void scoresACompletedGenerationOnceWithSdmetricsColumnShapes() throws Exception {
        FileSystemDatasetStore store = new FileSystemDatasetStore(
                Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class)));
        String real = put(store, SHARED.resolve("adult.csv"), "acme/datasets/" + UUID.randomUUID() + "/data.csv");
        String synthetic = put(store, SHARED.resolve("reference/adult_sdv_gc.csv"), "acme/generations/" + UUID.randomUUID() + "/synthetic.csv");
        String generationId = UUID.randomUUID().toString();
        EventEnvelope completed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED,
                "generations/" + generationId, "acme", "acme-scientist", new Payloads.GenerationCompleted(generationId,
                        UUID.randomUUID().toString(), "independent", 32561, 1, real, synthetic, "x", 10));
        publish(completed, completed);

        JsonPath evaluation = await(generationId);
        assertThat(evaluation.getString("[0].status")).isEqualTo("COMPLETED");
        // the Column Shapes property SDMetrics reports for this pair (shared/datasets/reference)
        assertThat(evaluation.getDouble("[0].properties.'Column Shapes'")).isCloseTo(0.8755505052056142, within(1e-6));
        Thread.sleep(1500);
        assertThat(list(generationId, "acme-scientist").getList("$")).hasSize(1);
        assertThat(list(generationId, "globex-scientist").getList("$")).isEmpty();

        given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .when().get("/api/v1/evaluations/" + evaluation.getString("[0].id"))
                .then().statusCode(200);
        given().auth().oauth2(LocalStackTestResource.token("globex-scientist"))
                .when().get("/api/v1/evaluations/" + evaluation.getString("[0].id"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMissingSyntheticFileGivesAFailedEvaluation() throws Exception {
        String generationId = UUID.randomUUID().toString();
        publish(EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + generationId,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(generationId, UUID.randomUUID().toString(),
                        "independent", 1, 1, "acme/datasets/none/data.csv", "acme/generations/none/synthetic.csv", "x", 1)));
        JsonPath evaluation = await(generationId);
        assertThat(evaluation.getString("[0].status")).isEqualTo("FAILED");
        assertThat(evaluation.getString("[0].error")).contains("no stored object");
    }

    private static String put(FileSystemDatasetStore store, Path file, String key) throws Exception {
        try (InputStream in = Files.newInputStream(file); var staged = store.stage(in, Long.MAX_VALUE)) {
            return staged.commit(key).key();
        }
    }

    private static JsonPath list(String generationId, String user) {
        return given().auth().oauth2(LocalStackTestResource.token(user)).queryParam("generationId", generationId)
                .when().get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath await(String generationId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonPath p = list(generationId, "acme-scientist");
        while (p.getList("$").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(300);
            p = list(generationId, "acme-scientist");
        }
        return p;
    }

    static void publish(EventEnvelope... events) {
        for (EventEnvelope e : events) {
            TestKafka.publish(EventType.fromWireName(e.type()).orElseThrow().topic(), e.subject(), e.toJson());
        }
    }
}
