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
import io.synthline.commons.events.ScoreNames;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.fixtures.Datasets;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluator"))
class EvaluationResourceIT {
    static FileSystemDatasetStore store() throws java.io.IOException {
        return new FileSystemDatasetStore(Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class)));
    }

    @Test
    void scoresACompletedGenerationOnceWithSdmetricsNumbersAndPublishesTheSummary() throws Exception {
        FileSystemDatasetStore store = store();
        String real = put(store, Datasets.adult(), "acme/datasets/" + UUID.randomUUID() + "/data.csv");
        String synthetic = put(store, Datasets.adultSdvGaussianCopula(), "acme/generations/" + UUID.randomUUID() + "/synthetic.csv");
        String generationId = UUID.randomUUID().toString();
        EventEnvelope completed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED,
                "generations/" + generationId, "acme", "acme-scientist", new Payloads.GenerationCompleted(generationId,
                        UUID.randomUUID().toString(), "independent", 32561, 1, real, synthetic, "x", 10));
        publish(completed, completed);

        JsonPath evaluation = await(generationId);
        assertThat(evaluation.getString("[0].status")).as(evaluation.prettify()).isEqualTo("COMPLETED");
        // SDMetrics' QualityReport for this pair (test-fixtures: reference/adult_sdv_gc_metrics.json)
        assertThat(evaluation.getDouble("[0].properties.'Column Shapes'")).isCloseTo(0.8755505052056142, within(1e-6));
        assertThat(evaluation.getDouble("[0].properties.'Column Pair Trends'")).isCloseTo(0.7530693869258409, within(1e-6));
        assertThat(evaluation.getDouble("[0].score")).isCloseTo(0.8143099460657275, within(1e-6));
        // defaults from column names (no profile seen): income is the label, sex and race are sensitive
        assertThat(evaluation.getString("[0].settings.label")).isEqualTo("income");
        assertThat(evaluation.getList("[0].settings.sensitive")).containsExactly("race", "sex");
        assertThat(evaluation.getDouble("[0].summary.DCRBaselineProtection")).isBetween(0.0, 1.0);
        Thread.sleep(1500);
        assertThat(list(generationId, "acme-scientist").getList("$")).hasSize(1);
        assertThat(list(generationId, "globex-scientist").getList("$")).isEmpty();

        String id = evaluation.getString("[0].id");
        JsonPath one = given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .when().get("/api/v1/evaluations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("evaluation.quality.details.'Column Pair Trends'")).hasSize(105);
        assertThat(one.getString("evaluation.utility.label")).isEqualTo("income");
        String html = given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .when().get("/api/v1/evaluations/" + id + "/report").then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<h2>Column Shapes</h2>").contains("svg class=\"chart\"");
        given().auth().oauth2(LocalStackTestResource.token("globex-scientist"))
                .when().get("/api/v1/evaluations/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("globex-scientist"))
                .when().get("/api/v1/evaluations/" + id + "/report")
                .then().statusCode(404).contentType("application/problem+json");

        // evaluation.completed carries the summary and points at the stored document
        EventEnvelope published = EventEnvelope.fromJson(TestKafka.awaitRecord(EventType.EVALUATION_COMPLETED.topic(), "evaluations/" + id,
                json -> EventEnvelope.fromJson(json).is(EventType.EVALUATION_COMPLETED), Duration.ofSeconds(60)));
        Payloads.EvaluationCompleted payload = published.dataAs(Payloads.EvaluationCompleted.class);
        assertThat(payload.scores()).containsKeys("quality", "Column Shapes", "DCRBaselineProtection", "utility.tstr.accuracy");
        assertThat(store.exists(payload.reportStorageKey())).isTrue();
    }

    @Test
    void usesTheProfilesTagsAndTheRecordedHoldoutForAttacksAndFairness() throws Exception {
        FileSystemDatasetStore store = store();
        String datasetId = UUID.randomUUID().toString();
        String train = put(store, Datasets.path("reference/dcr/train.csv"), "acme/datasets/" + datasetId + "/data.csv");
        String holdout = put(store, Datasets.path("reference/dcr/holdout.csv"), "acme/datasets/" + datasetId + "/holdout.csv");
        String synthetic = put(store, Datasets.path("reference/dcr/synthetic.csv"), "acme/generations/" + UUID.randomUUID() + "/synthetic.csv");
        Map<String, Object> profile = Map.of("datasetId", datasetId, "storageKey", train, "rowCount", 3000, "columnCount", 15,
                "columns", List.of(Map.of("name", "income", "tags", List.of("label")),
                        Map.of("name", "sex", "tags", List.of("sensitive", "quasi-identifier")),
                        Map.of("name", "age", "tags", List.of("quasi-identifier")),
                        Map.of("name", "race", "tags", List.of("quasi-identifier"))));
        publish(EventEnvelope.create("/synthline/profiler", EventType.DATASET_PROFILED, "datasets/" + datasetId, "acme",
                "acme-owner", Json.mapper().valueToTree(profile)));
        Thread.sleep(3000); // the projection is eventually consistent, like in production

        String generationId = UUID.randomUUID().toString();
        publish(EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + generationId,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(generationId, datasetId, "independent", 3000, 7,
                        train, synthetic, "x", 10, null, holdout)));
        JsonPath evaluation = await(generationId);
        assertThat(evaluation.getString("[0].status")).as(evaluation.prettify()).isEqualTo("COMPLETED");
        assertThat(evaluation.getString("[0].settings.defaultsFrom")).isEqualTo("profile tags");
        assertThat(evaluation.getList("[0].settings.quasiIdentifiers")).containsExactly("sex", "age", "race");
        String body = given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .when().get("/api/v1/evaluations/" + evaluation.getString("[0].id")).then().statusCode(200).extract().asString();
        JsonPath one = JsonPath.from(body);
        // SDMetrics' DCROverfittingProtection for these very files (reference/dcr/dcr_metrics.json), read as double
        assertThat(Json.mapper().readTree(body).at("/evaluation/privacy/DCROverfittingProtection/synthetic_data_percentages/closer_to_training")
                .asDouble()).isCloseTo(0.43433333333333335, within(1e-12));
        assertThat(one.getDouble("evaluation.privacy.attacks.membershipInference.auc")).isBetween(0.0, 1.0);
        assertThat(one.getList("evaluation.privacy.attacks.attributeInference.column")).containsExactly("sex");
        assertThat(one.getList("evaluation.fairness.sensitive")).containsExactly("sex");
        assertThat(one.getString("evaluation.utility.testSet")).startsWith("holdout");
        assertThat(one.getString("evaluation.skipped.detection")).isEqualTo("not requested");

        // with a holdout, the release gate gets every score it checks
        String evaluationId = evaluation.getString("[0].id");
        Payloads.EvaluationCompleted first = EventEnvelope.fromJson(TestKafka.awaitRecord(EventType.EVALUATION_COMPLETED.topic(), "evaluations/" + evaluationId,
                json -> EventEnvelope.fromJson(json).is(EventType.EVALUATION_COMPLETED), Duration.ofSeconds(60))).dataAs(Payloads.EvaluationCompleted.class);
        assertThat(first.scores()).containsKeys(ScoreNames.FIDELITY, ScoreNames.PRIVACY_RISK, ScoreNames.FAIRNESS_GAP);
        assertThat(first.scores().get(ScoreNames.PRIVACY_RISK)).isBetween(0.0, 1.0);
        assertThat(first.requestId()).isNull();

        // governance's re-evaluation request: answered once (redelivered twice), same holdout, request id in the answer
        String requestId = UUID.randomUUID().toString();
        EventEnvelope requested = EventEnvelope.create("/synthline/governance", EventType.EVALUATION_REQUESTED,
                "generations/" + generationId, "acme", null, new Payloads.EvaluationRequested(requestId, generationId, datasetId,
                        train, synthetic, "scheduled-reevaluation"));
        publish(requested, requested);
        JsonPath both = awaitCount(generationId, 2);
        assertThat(both.getList("requestId")).containsExactlyInAnyOrder(null, requestId);
        int again = both.getList("requestId").indexOf(requestId);
        assertThat(both.getString("[" + again + "].status")).as(both.prettify()).isEqualTo("COMPLETED");
        assertThat(both.getString("[" + again + "].settings.holdout")).isEqualTo(holdout);
        assertThat(both.getDouble("[" + again + "].summary.DCROverfittingProtection"))
                .isEqualTo(evaluation.getDouble("[0].summary.DCROverfittingProtection"));
        Payloads.EvaluationCompleted answer = EventEnvelope.fromJson(TestKafka.awaitRecord(EventType.EVALUATION_COMPLETED.topic(), "evaluations/" + both.getString("[" + again + "].id"),
                json -> EventEnvelope.fromJson(json).is(EventType.EVALUATION_COMPLETED), Duration.ofSeconds(60))).dataAs(Payloads.EvaluationCompleted.class);
        assertThat(answer.requestId()).isEqualTo(requestId);
        assertThat(answer.scores()).containsKeys(ScoreNames.FIDELITY, ScoreNames.PRIVACY_RISK, ScoreNames.FAIRNESS_GAP);
        Thread.sleep(1500);
        assertThat(list(generationId, "acme-scientist").getList("$")).hasSize(2);

        // as the generator stores it: the whole dataset (training and held-out rows) and the held-out rows beside it;
        // the evaluator's real side is the rows the model saw, so the scores are those of the separate files
        List<String> whole = new java.util.ArrayList<>(Files.readAllLines(Datasets.path("reference/dcr/train.csv")));
        List<String> held = Files.readAllLines(Datasets.path("reference/dcr/holdout.csv"));
        assertThat(held.getFirst()).isEqualTo(whole.getFirst());
        whole.addAll(held.subList(1, held.size()));
        Path wholeFile = Files.createTempFile("whole-", ".csv");
        Files.write(wholeFile, whole);
        String wholeKey = put(store, wholeFile, "acme/datasets/" + datasetId + "/whole.csv");
        Files.delete(wholeFile);
        String fromWhole = UUID.randomUUID().toString();
        publish(EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + fromWhole,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(fromWhole, datasetId, "independent", 3000, 7,
                        wholeKey, synthetic, "x", 10, null, holdout)));
        JsonPath wholeEvaluation = await(fromWhole);
        assertThat(wholeEvaluation.getString("[0].status")).as(wholeEvaluation.prettify()).isEqualTo("COMPLETED");
        for (String score : List.of("DCROverfittingProtection", "DCRBaselineProtection")) {
            assertThat(wholeEvaluation.getDouble("[0].summary." + score)).as(score).isEqualTo(evaluation.getDouble("[0].summary." + score));
        }
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

    @Test
    void anEmptySyntheticFileGivesAFailedEvaluationWithAClearReason() throws Exception {
        FileSystemDatasetStore store = store();
        String real = put(store, Datasets.path("reference/dcr/train.csv"), "acme/datasets/" + UUID.randomUUID() + "/data.csv");
        Path empty = Files.createTempFile("empty", ".csv");
        String synthetic = put(store, empty, "acme/generations/" + UUID.randomUUID() + "/synthetic.csv");
        String generationId = UUID.randomUUID().toString();
        publish(EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + generationId,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(generationId, UUID.randomUUID().toString(),
                        "independent", 0, 1, real, synthetic, "x", 1)));
        JsonPath evaluation = await(generationId);
        assertThat(evaluation.getString("[0].status")).isEqualTo("FAILED");
        assertThat(evaluation.getString("[0].error")).isEqualTo("the synthetic file: the file is empty: expected a header row");
    }

    static String put(FileSystemDatasetStore store, Path file, String key) throws Exception {
        try (InputStream in = Files.newInputStream(file); var staged = store.stage(in, Long.MAX_VALUE)) {
            return staged.commit(key).key();
        }
    }

    static JsonPath list(String generationId, String user) {
        return given().auth().oauth2(LocalStackTestResource.token(user)).queryParam("generationId", generationId)
                .when().get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath await(String generationId) throws InterruptedException {
        return awaitCount(generationId, 1);
    }

    /** Waits until the generation has {@code count} evaluations, none of them pending. */
    static JsonPath awaitCount(String generationId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        JsonPath p = list(generationId, "acme-scientist");
        while ((p.getList("$").size() < count || p.getList("status").contains("PENDING")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
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
