package io.synthline.governance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.testing.GovernanceStackResource;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
class AuditResourceIT {

    @Test
    void everyEventIsAuditedOnceEvenWhenDeliveredTwice() throws Exception {
        String subject = "generations/" + UUID.randomUUID();
        EventEnvelope requested = EventEnvelope.create("/synthline/generator", EventType.GENERATION_REQUESTED, subject, "acme",
                "acme-scientist", new Payloads.GenerationRequested("g", "d", "independent", 10, 1));
        EventEnvelope failed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_FAILED, subject, "acme",
                "acme-scientist", new Payloads.GenerationFailed("g", "d", "boom"));
        publish(requested, requested, failed, requested);

        List<String> types = awaitEntries(subject, 2);
        assertThat(types).containsExactly("generation.requested", "generation.failed");
        // a little longer: the duplicates must not show up late either
        Thread.sleep(1500);
        assertThat(entries(subject)).hasSize(2);

        given().auth().oauth2(LocalStackTestResource.token("acme-auditor"))
                .queryParam("subject", subject).queryParam("type", "generation.failed")
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("size()", equalTo(1), "[0].actor", equalTo("acme-scientist"),
                        "[0].data.reason", equalTo("boom"));
        given().auth().oauth2(LocalStackTestResource.token("globex-auditor")).queryParam("subject", subject)
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * The evaluations topic may be read before the generations topic: an evaluation that arrives
     * before the generation.completed it follows waits, and the chain reads completion, evaluation.
     */
    @Test
    void anEvaluationThatArrivesBeforeItsGenerationsCompletionFollowsItInTheChain() throws Exception {
        String tenant = "order-" + UUID.randomUUID().toString().substring(0, 8);
        String generationId = UUID.randomUUID().toString();
        String evaluationId = UUID.randomUUID().toString();
        EventEnvelope evaluated = EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_COMPLETED,
                "evaluations/" + evaluationId, tenant, "acme-scientist", new Payloads.EvaluationCompleted(evaluationId, generationId,
                        UUID.randomUUID().toString(), java.util.Map.of("quality", 0.8), "k"));
        EventEnvelope completed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED,
                "generations/" + generationId, tenant, "acme-scientist", new Payloads.GenerationCompleted(generationId,
                        UUID.randomUUID().toString(), "independent", 10, 1, "s", "o", "x", 5));
        publish(evaluated, evaluated);
        Thread.sleep(3000);
        assertThat(io.synthline.governance.testing.AuditTestSupport.entries(tenant)).as("the evaluation waits for its cause").isEmpty();
        publish(completed);
        assertThat(io.synthline.governance.testing.AuditTestSupport.awaitEntries(tenant, 2, Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(io.synthline.governance.testing.AuditTestSupport.entries(tenant)).containsExactly("generation.completed", "evaluation.completed");
        assertThat(io.synthline.governance.testing.AuditTestSupport.chainIndexes(tenant)).containsExactly("1", "2");
        assertThat(io.synthline.governance.testing.AuditTestSupport.verify(tenant).getBoolean("chain.valid")).isTrue();
    }

    @Test
    void onlyOversightRolesReadTheTrail() {
        given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).when().get("/api/v1/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("acme-auditor")).queryParam("limit", 0).when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> entries(String subject) {
        return given().auth().oauth2(LocalStackTestResource.token("acme-auditor")).queryParam("subject", subject)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("eventType", String.class);
    }

    private static List<String> awaitEntries(String subject, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> types = entries(subject);
        while (types.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
            types = entries(subject);
        }
        return types;
    }

    static void publish(EventEnvelope... events) {
        for (EventEnvelope e : events) {
            TestKafka.publish(EventType.fromWireName(e.type()).orElseThrow().topic(), e.subject(), e.toJson());
        }
    }
}
