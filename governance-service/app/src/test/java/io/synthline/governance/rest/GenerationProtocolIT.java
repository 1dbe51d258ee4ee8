package io.synthline.governance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.events.ScoreNames;
import io.synthline.commons.events.Topics;
import io.synthline.governance.testing.AuditTestSupport;
import io.synthline.governance.testing.Eventually;
import io.synthline.governance.testing.GovernanceStackResource;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Governance's half of the generation protocol on the real stack: this test plays the profiler,
 * generator and evaluator on Kafka and drives the owner's decisions through the API.
 */
@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
public class GenerationProtocolIT {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void internalDataIsApprovedByPolicyAndReleasedWhenTheEvaluationPasses() {
        String dataset = dataset("internal");
        String gen = request(dataset, null, null);
        assertThat(awaitStatus(gen, "APPROVED").getString("decidedBy")).isEqualTo("policy");
        // a real generator starts only after generation.approved reached it through Kafka, so the
        // trail records the approval first; wait for it the same way before playing the generator
        awaitTypes("generations/" + gen, 2);
        complete(dataset, gen, null);
        evaluate(dataset, gen, Map.of(ScoreNames.COLUMN_SHAPES, 0.93));
        JsonPath released = awaitRelease(gen, "APPROVED");
        assertThat(released.getString("releaseChecks[0].metric")).isEqualTo("Column Shapes");
        // lineage: source -> model -> synthetic -> evaluation -> release, with the output's hash
        JsonPath lineage = given().auth().oauth2(token("acme-auditor")).when().get("/api/v1/lineage/generations/" + gen)
                .then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("nodes.kind")).containsExactly("dataset", "model", "synthetic-dataset", "evaluation", "release");
        assertThat(lineage.getString("nodes.find { it.kind == 'synthetic-dataset' }.sha256")).isEqualTo("12".repeat(32));
        JsonPath openLineage = given().auth().oauth2(token("acme-auditor")).when().get("/api/v1/lineage/datasets/" + dataset + "/openlineage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(openLineage.getList("job.name")).containsExactly("synthline.generate.independent", "synthline.evaluate");
        assertThat(openLineage.getString("[0].outputs[0].facets.synthline_release.status")).isEqualTo("APPROVED");
        String card = given().auth().oauth2(token("acme-scientist")).queryParam("format", "md")
                .when().get("/api/v1/releases/" + gen + "/datacard").then().statusCode(200).extract().asString();
        assertThat(card).contains("# Data card: synthetic protocol-internal", "- **Model:** independent", "| Column Shapes | 0.9300 |",
                "Not differentially private", "## Retention").doesNotContain("Output tables");
        assertThat(given().auth().oauth2(token("acme-scientist")).queryParam("format", "json").when()
                .get("/api/v1/releases/" + gen + "/datacard").then().statusCode(200).extract().jsonPath().getMap("method"))
                .doesNotContainKey("tables");
        given().auth().oauth2(token("acme-scientist")).queryParam("format", "pdf").when().get("/api/v1/releases/" + gen + "/datacard")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("globex-auditor")).when().get("/api/v1/lineage/generations/" + gen).then().statusCode(404);

        // evaluation.completed is audited under its own subject (evaluations/{id})
        assertThat(awaitTypes("generations/" + gen, 4)).containsExactly("generation.requested", "generation.approved",
                "generation.completed", "release.approved");
    }

    /** A run on a dataset of several tables: lineage and the data card show every table it wrote with its hash and rows. */
    @Test
    void everyTableOfARunOnSeveralTablesIsInTheLineageAndTheDataCard() {
        String dataset = dataset("internal");
        String gen = request(dataset, null, null);
        awaitStatus(gen, "APPROVED");
        awaitTypes("generations/" + gen, 2);
        List<Payloads.GeneratedTable> written = List.of(new Payloads.GeneratedTable("customers", 320, 6, "c1".repeat(32), 21_000),
                new Payloads.GeneratedTable("orders", 860, null, "0d".repeat(32), 40_500));
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + gen,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(gen, dataset, "tree", 1180, 7,
                        "acme/datasets/" + dataset + "/relational.json", "acme/generations/" + gen + "/relational.json", "1d".repeat(32),
                        1000, null, null, written))));
        evaluate(dataset, gen, Map.of(ScoreNames.COLUMN_SHAPES, 0.93));
        awaitRelease(gen, "APPROVED");

        JsonPath lineage = given().auth().oauth2(token("acme-auditor")).when().get("/api/v1/lineage/generations/" + gen)
                .then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("nodes.kind")).containsExactly("dataset", "model", "synthetic-dataset", "synthetic-table",
                "synthetic-table", "evaluation", "release");
        assertThat(lineage.getString("nodes.find { it.id == 'synthetic-table:" + gen + "/orders' }.sha256")).isEqualTo("0d".repeat(32));
        assertThat(lineage.getLong("nodes.find { it.id == 'synthetic-table:" + gen + "/orders' }.attributes.rows")).isEqualTo(860);
        assertThat(lineage.getList("edges.findAll { it.relation == 'contains' }.to")).containsExactly("synthetic-table:" + gen + "/customers",
                "synthetic-table:" + gen + "/orders");
        JsonPath openLineage = given().auth().oauth2(token("acme-auditor")).when().get("/api/v1/lineage/datasets/" + dataset + "/openlineage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(openLineage.getList("[0].outputs.name")).containsExactly("generations/" + gen + "/tables/customers.csv",
                "generations/" + gen + "/tables/orders.csv");
        assertThat(openLineage.getList("[0].outputs.facets.synthline_dataset.sha256")).containsExactly("c1".repeat(32), "0d".repeat(32));
        assertThat(openLineage.getList("[0].outputs.outputFacets.outputStatistics.size", Long.class)).containsExactly(21_000L, 40_500L);

        JsonPath card = given().auth().oauth2(token("acme-scientist")).queryParam("format", "json")
                .when().get("/api/v1/releases/" + gen + "/datacard").then().statusCode(200).extract().jsonPath();
        assertThat(card.getList("method.tables.name")).containsExactly("customers", "orders");
        assertThat(card.getList("method.tables.sha256")).containsExactly("c1".repeat(32), "0d".repeat(32));
        assertThat(card.getList("method.tables.rows", Long.class)).containsExactly(320L, 860L);
        String md = given().auth().oauth2(token("acme-scientist")).queryParam("format", "md")
                .when().get("/api/v1/releases/" + gen + "/datacard").then().statusCode(200).extract().asString();
        assertThat(md).contains("| orders | 860 |  | 40500 | `" + "0d".repeat(32) + "` |");

        // the audit trail keeps the event as sent, tables included
        JsonPath trail = given().auth().oauth2(token("acme-auditor")).queryParam("subject", "generations/" + gen)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("find { it.eventType == 'generation.completed' }.data.tables.sha256"))
                .containsExactly("c1".repeat(32), "0d".repeat(32));
    }

    @Test
    void restrictedDataNeedsDpAndTheOwnerAndSpendsTheBudget() {
        String dataset = dataset("restricted");
        String noDp = request(dataset, null, true);
        JsonPath refused = awaitStatus(noDp, "REFUSED");
        assertThat(refused.getList("violations")).containsExactly("dp-required");

        String tooMuch = request(dataset, 3.0, true);
        assertThat(awaitStatus(tooMuch, "REFUSED").getList("violations")).containsExactly("epsilon-above-max");

        String gen = request(dataset, 0.5, true);
        awaitStatus(gen, "PENDING_APPROVAL");
        List<String> inbox = given().auth().oauth2(token("acme-owner")).when().get("/api/v1/approvals")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(inbox).contains(gen);

        decide("acme-scientist", gen, "approve", "I would like to approve my own request").statusCode(403);
        decide("acme-owner", gen, "approve", "short").statusCode(400);
        decide("acme-owner", gen, "approve", "approved for the churn model, DPIA 2026-14").statusCode(200);
        JsonPath approved = awaitStatus(gen, "APPROVED");
        assertThat(approved.getString("decidedBy")).isEqualTo("acme-owner");
        JsonPath budget = budget(dataset);
        assertThat(new BigDecimal(budget.getString("epsilonReserved"))).isEqualByComparingTo("0.5");

        awaitTypes("generations/" + gen, 3);
        complete(dataset, gen, new Payloads.PrivacySpent(0.45, 1e-7, 0.004, List.of("aim")));
        Eventually.await("the reservation committed", PATIENCE, () -> budget(dataset),
                b -> new BigDecimal(b.getString("epsilonSpent")).compareTo(new BigDecimal("0.45")) == 0);
        assertThat(new BigDecimal(budget(dataset).getString("epsilonReserved"))).isEqualByComparingTo("0");

        // the gate of restricted data requires privacy risk measured: quarantined, with the evaluator's reason, then overridden;
        // fairness, which needs protected groups, is shown as not measured without stopping the release
        evaluate(dataset, gen, Map.of(ScoreNames.FIDELITY, 0.91), Map.of(ScoreNames.PRIVACY_RISK,
                "needs a holdout: real rows the synthesizer never saw", ScoreNames.FAIRNESS_GAP, "no sensitive columns given"));
        JsonPath quarantined = awaitRelease(gen, "QUARANTINED");
        assertThat(quarantined.getString("releaseReason")).isEqualTo("privacyRisk was not measured (needs a holdout: real rows"
                + " the synthesizer never saw) and the policy requires it");
        assertThat(quarantined.getString("releaseChecks.find { it.metric == 'fairnessGap' }.status")).isEqualTo("not-measured");
        assertThat(quarantined.getString("releaseChecks.find { it.metric == 'fairnessGap' }.note")).isEqualTo("no sensitive columns given");
        assertThat(quarantined.getBoolean("releaseChecks.find { it.metric == 'fairnessGap' }.passed")).isTrue();
        override("acme-scientist", gen, "I need this data for the report").statusCode(403);
        override("acme-owner", gen, null).statusCode(400);
        override("acme-owner", gen, "accepted: fairness not applicable, no protected attributes").statusCode(200);
        awaitRelease(gen, "OVERRIDDEN");

        List<String> types = awaitTypes("generations/" + gen, 6);
        assertThat(types).containsExactly("generation.requested", "generation.approval-pending", "generation.approved",
                "generation.completed", "release.quarantined", "release.overridden");
        JsonPath override = given().auth().oauth2(token("acme-auditor")).queryParam("subject", "generations/" + gen)
                .queryParam("type", "release.overridden").when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(override.getString("[0].actor")).isEqualTo("acme-owner");
        assertThat(override.getList("[0].actorRoles")).contains("data-owner");
        assertThat(override.getString("[0].justification")).isEqualTo("accepted: fairness not applicable, no protected attributes");
        assertThat(awaitTypes("datasets/" + dataset, 3)).containsExactly("dataset.registered", "budget.reserved", "budget.committed");
    }

    @Test
    void aRequestThatArrivesBeforeItsDatasetWaitsForIt() {
        String dataset = UUID.randomUUID().toString();
        String gen = request(dataset, null, null);
        awaitStatus(gen, "AWAITING_DATASET");
        register(dataset, "internal");
        awaitStatus(gen, "APPROVED");
    }

    @Test
    void aRunThatFailsBeforeTouchingDataGetsItsBudgetBack() {
        String dataset = dataset("confidential");
        // the owner's own requests of confidential data need no approval
        String gen = request(dataset, 1.0, true, "acme-owner");
        awaitStatus(gen, "APPROVED");
        assertThat(new BigDecimal(budget(dataset).getString("epsilonReserved"))).isEqualByComparingTo("1");
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/generator", EventType.GENERATION_FAILED, "generations/" + gen,
                "acme", "acme-owner", new Payloads.GenerationFailed(gen, dataset, "out of disk before reading", false))));
        Eventually.await("the reservation released", PATIENCE, () -> budget(dataset),
                b -> new BigDecimal(b.getString("epsilonReserved")).signum() == 0);
        assertThat(new BigDecimal(budget(dataset).getString("epsilonSpent"))).isEqualByComparingTo("0");
        assertThat(budget(dataset).getString("reservations[0].status")).isEqualTo("RELEASED");
    }

    @jakarta.inject.Inject
    io.synthline.governance.service.DatasetGovernance datasetGovernance;

    @Test
    void anExpiredDatasetIsAskedToBeDeletedAndServesNoMoreRequests() throws Exception {
        String dataset = dataset("internal");
        given().auth().oauth2(token("acme-owner")).contentType("application/json")
                .body(Map.of("retention", "PT1S", "purpose", "churn analysis", "legalBasis", "GDPR 6(1)(f)"))
                .when().put("/api/v1/governed-datasets/" + dataset + "/policy")
                .then().statusCode(200).body("retention", org.hamcrest.Matchers.equalTo("PT1S"));
        given().auth().oauth2(token("acme-owner")).contentType("application/json").body(Map.of("retention", "forever"))
                .when().put("/api/v1/governed-datasets/" + dataset + "/policy").then().statusCode(400);
        Thread.sleep(1500);
        // the sweep runs on a schedule too; running it here just saves waiting for the next run
        datasetGovernance.sweepExpired().await().atMost(Duration.ofSeconds(30));
        Eventually.await("deletion requested", PATIENCE, () -> given().auth().oauth2(token("acme-owner"))
                .when().get("/api/v1/governed-datasets/" + dataset).then().statusCode(200).extract().jsonPath().getString("status"),
                "DELETION_REQUESTED"::equals);
        assertThat(awaitTypes("datasets/" + dataset, 3)).containsExactly("dataset.registered", "dataset.policy-updated",
                "dataset.deletion-requested");
        String gen = request(dataset, null, null);
        assertThat(awaitStatus(gen, "REFUSED").getList("violations")).containsExactly("retention-expired");
    }

    @Test
    void aRedeliveredRequestIsDecidedOnce() {
        String dataset = dataset("confidential");
        String gen = UUID.randomUUID().toString();
        EventEnvelope e = requested(dataset, gen, 0.2, true, "acme-owner");
        AuditTestSupport.publish(List.of(e, e, e));
        awaitStatus(gen, "APPROVED");
        assertThat(awaitTypes("generations/" + gen, 2)).containsExactly("generation.requested", "generation.approved");
        assertThat(budget(dataset).getList("reservations")).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void aReleasedOutputIsReevaluatedOnRequestAndQuarantinedWhenItNoLongerPasses() {
        String dataset = dataset("internal");
        String gen = request(dataset, null, null);
        awaitStatus(gen, "APPROVED");
        awaitTypes("generations/" + gen, 2);
        complete(dataset, gen, null);
        evaluate(dataset, gen, Map.of(ScoreNames.COLUMN_SHAPES, 0.93));
        awaitRelease(gen, "APPROVED");

        // only the owner (or a tenant admin) asks; another tenant cannot tell the release exists
        given().auth().oauth2(token("acme-scientist")).when().post("/api/v1/releases/" + gen + "/reevaluation").then().statusCode(403);
        given().auth().oauth2(token("globex-owner")).when().post("/api/v1/releases/" + gen + "/reevaluation").then().statusCode(404)
                .contentType("application/problem+json");
        String requestId = given().auth().oauth2(token("acme-owner")).when().post("/api/v1/releases/" + gen + "/reevaluation")
                .then().statusCode(202).extract().path("requestId");

        // what the evaluator receives
        EventEnvelope asked = EventEnvelope.fromJson(TestKafka.awaitRecord(Topics.EVALUATIONS, "generations/" + gen, PATIENCE));
        assertThat(asked.type()).isEqualTo("evaluation.requested");
        assertThat(asked.actor()).isEqualTo("acme-owner");
        Payloads.EvaluationRequested request = asked.dataAs(Payloads.EvaluationRequested.class);
        assertThat(request.requestId()).isEqualTo(requestId);
        assertThat(request.reason()).isEqualTo("manual");
        assertThat(request.sourceStorageKey()).isEqualTo("acme/datasets/" + dataset + "/data.csv");
        assertThat(request.outputStorageKey()).isEqualTo("acme/generations/" + gen + "/synthetic.csv");

        // the re-evaluation cannot run: nothing was learned, the release stands and people are told
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_FAILED,
                "evaluations/" + UUID.randomUUID(), "acme", "acme-owner", Map.of("evaluationId", UUID.randomUUID().toString(),
                        "generationId", gen, "reason", "the synthetic file is unreadable", "requestId", requestId))));
        assertThat(awaitAlert(gen, "reevaluation-error")).containsEntry("severity", "warning");
        assertThat(generation(gen).getString("releaseStatus")).isEqualTo("APPROVED");

        // it runs and no longer passes (e.g. a new attack suite): the release is quarantined, critically
        String evaluation = UUID.randomUUID().toString();
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_COMPLETED,
                "evaluations/" + evaluation, "acme", "acme-owner",
                new Payloads.EvaluationCompleted(evaluation, gen, dataset, Map.of(ScoreNames.COLUMN_SHAPES, 0.41), null, requestId))));
        JsonPath quarantined = awaitRelease(gen, "QUARANTINED");
        assertThat(quarantined.getString("releaseReason")).startsWith("re-evaluation failed the release gate");
        assertThat(awaitAlert(gen, "reevaluation-failed")).containsEntry("severity", "critical");
        // and a quarantined output is not re-evaluated on request
        given().auth().oauth2(token("acme-owner")).when().post("/api/v1/releases/" + gen + "/reevaluation").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @jakarta.inject.Inject
    io.synthline.governance.service.Monitoring monitoring;

    /** A completed output says why its release waits; when no evaluator takes it up, an alert says so too. */
    @Test
    void aCompletedOutputSaysWhyItsReleaseWaits() throws Exception {
        String dataset = dataset("internal");
        String gen = request(dataset, null, null);
        awaitStatus(gen, "APPROVED");
        awaitTypes("generations/" + gen, 2);
        complete(dataset, gen, null);
        assertThat(awaitStatus(gen, "COMPLETED").getString("releaseWaiting"))
                .isEqualTo("waiting for the evaluator to take the evaluation up");
        // nobody takes the evaluation up within the wait (3 s in tests)
        Thread.sleep(3500);
        assertThat(generation(gen).getString("releaseWaiting")).isEqualTo(
                "evaluator unavailable: no evaluator took the evaluation up within PT3S of the completion");
        monitoring.alertWhenNoEvaluatorTakesUp().await().atMost(PATIENCE);
        String path = "find { it.resource == 'service/evaluator' && it.kind == 'evaluator-unavailable' }";
        JsonPath alerts = given().auth().oauth2(token("acme-owner")).when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(alerts.getString(path + ".message")).startsWith("evaluator unavailable: ");

        // the evaluator takes it up: the release waits for a pending evaluation, then is decided
        String evaluation = UUID.randomUUID().toString();
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_QUEUED,
                "evaluations/" + evaluation, "acme", "acme-scientist", new Payloads.EvaluationQueued(evaluation, gen, dataset, null))));
        assertThat(Eventually.await("evaluation pending", PATIENCE, () -> generation(gen),
                g -> g.getString("releaseWaiting").startsWith("evaluation pending")).getString("releaseWaiting"))
                .startsWith("evaluation pending (taken up by the evaluator at ");
        evaluate(dataset, gen, Map.of(ScoreNames.COLUMN_SHAPES, 0.93));
        assertThat(awaitRelease(gen, "APPROVED").getString("releaseWaiting")).isNull();
    }

    static Map<String, Object> awaitAlert(String gen, String kind) {
        String path = "find { it.resource == 'generations/" + gen + "' && it.kind == '" + kind + "' }";
        JsonPath alerts = Eventually.await(kind + " alert for " + gen, PATIENCE,
                () -> given().auth().oauth2(token("acme-owner")).when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath(),
                a -> a.get(path) != null);
        return alerts.getMap(path);
    }

    public static String token(String user) {
        return LocalStackTestResource.token(user);
    }

    public static String dataset(String classification) {
        String id = UUID.randomUUID().toString();
        register(id, classification);
        Eventually.await("dataset known", PATIENCE, () -> given().auth().oauth2(token("acme-owner"))
                .when().get("/api/v1/governed-datasets/" + id).then().extract().statusCode(), s -> s == 200);
        return id;
    }

    public static void register(String id, String classification) {
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, "datasets/" + id,
                "acme", "acme-owner", new Payloads.DatasetRegistered(id, "protocol-" + classification, "acme/datasets/" + id + "/data.csv",
                        "ef".repeat(32), 100, "acme-owner", classification))));
    }

    public static EventEnvelope requested(String dataset, String gen, Double epsilon, Boolean pii, String actor) {
        return EventEnvelope.create("/synthline/generator", EventType.GENERATION_REQUESTED, "generations/" + gen, "acme", actor,
                new Payloads.GenerationRequested(gen, dataset, epsilon == null ? "independent" : "aim", 100, 7,
                        epsilon == null ? null : new Payloads.PrivacyParameters(epsilon, 1e-7), pii, "churn model training"));
    }

    public static String request(String dataset, Double epsilon, Boolean pii) {
        return request(dataset, epsilon, pii, "acme-scientist");
    }

    public static String request(String dataset, Double epsilon, Boolean pii, String actor) {
        String gen = UUID.randomUUID().toString();
        AuditTestSupport.publish(List.of(requested(dataset, gen, epsilon, pii, actor)));
        return gen;
    }

    public static void complete(String dataset, String gen, Payloads.PrivacySpent spent) {
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + gen,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(gen, dataset, "aim", 100, 7, "acme/datasets/" + dataset + "/data.csv",
                        "acme/generations/" + gen + "/synthetic.csv", "12".repeat(32), 1000, spent, null))));
    }

    public static void evaluate(String dataset, String gen, Map<String, Double> scores) {
        evaluate(dataset, gen, scores, null);
    }

    /** @param notMeasured why the evaluator could not measure a gate metric, as it reports it */
    static void evaluate(String dataset, String gen, Map<String, Double> scores, Map<String, String> notMeasured) {
        String evaluation = UUID.randomUUID().toString();
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_COMPLETED,
                "evaluations/" + evaluation, "acme", "acme-scientist",
                new Payloads.EvaluationCompleted(evaluation, gen, dataset, scores, null, null, notMeasured))));
    }

    public static JsonPath generation(String gen) {
        return given().auth().oauth2(token("acme-owner")).when().get("/api/v1/governed-generations/" + gen).then().extract().jsonPath();
    }

    public static JsonPath awaitStatus(String gen, String status) {
        return Eventually.await("generation " + gen + " " + status, PATIENCE, () -> generation(gen),
                g -> status.equals(g.getString("status")));
    }

    public static JsonPath awaitRelease(String gen, String status) {
        return Eventually.await("release of " + gen + " " + status, PATIENCE, () -> generation(gen),
                g -> status.equals(g.getString("releaseStatus")));
    }

    public static List<String> awaitTypes(String subject, int count) {
        return Eventually.await(count + " audit entries of " + subject, PATIENCE, () -> AuditTestSupport.types("acme", subject),
                t -> t.size() >= count);
    }

    public static JsonPath budget(String dataset) {
        return given().auth().oauth2(token("acme-owner")).when().get("/api/v1/governed-datasets/" + dataset + "/budget")
                .then().statusCode(200).extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse decide(String user, String gen, String action, String justification) {
        return given().auth().oauth2(token(user)).contentType("application/json")
                .body(justification == null ? Map.of() : Map.of("justification", justification))
                .when().post("/api/v1/approvals/" + gen + "/" + action).then();
    }

    static io.restassured.response.ValidatableResponse override(String user, String gen, String justification) {
        return given().auth().oauth2(token(user)).contentType("application/json")
                .body(justification == null ? Map.of() : Map.of("justification", justification))
                .when().post("/api/v1/releases/" + gen + "/override").then();
    }
}
