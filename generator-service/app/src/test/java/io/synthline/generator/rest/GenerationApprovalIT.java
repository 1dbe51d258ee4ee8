package io.synthline.generator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.stack.testing.LocalStackTestResource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator's half of the governance protocol (on by default), with this test playing governance on Kafka. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "generator"))
class GenerationApprovalIT {

    @BeforeAll
    static void dataset() throws Exception {
        GenerationResourceIT.registerDataset();
    }

    static String status(String id) {
        return given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id)
                .then().statusCode(200).extract().path("status");
    }

    static void governance(EventType type, String id, Object payload) {
        GenerationResourceIT.publish(EventEnvelope.create("/synthline/governance", type, "generations/" + id, "acme", "policy", payload));
    }

    static int download(String id) {
        return given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data")
                .then().extract().statusCode();
    }

    @Test
    void runsOnlyAfterApprovalAndServesDataOnlyAfterRelease() throws Exception {
        String ds = GenerationResourceIT.datasetId;
        String id = GenerationResourceIT.request("{\"datasetId\":\"" + ds + "\",\"rows\":500,\"seed\":3,\"model\":\"copula\"}");
        Thread.sleep(3000);
        assertThat(status(id)).isEqualTo("REQUESTED");
        governance(EventType.GENERATION_APPROVAL_PENDING, id,
                new Payloads.GenerationApprovalPending(id, ds, "confidential", "owner must approve", "data-owner", "acme-owner"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!status(id).equals("PENDING_APPROVAL") && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
        assertThat(status(id)).isEqualTo("PENDING_APPROVAL");
        governance(EventType.GENERATION_APPROVED, id, new Payloads.GenerationApproved(id, ds, "confidential", "acme-owner", null, "ok"));
        assertThat(GenerationResourceIT.awaitStatus(id)).isEqualTo("COMPLETED");
        assertThat(download(id)).isEqualTo(409);

        governance(EventType.RELEASE_QUARANTINED, id, new Payloads.ReleaseQuarantined(id, ds, "e1", "confidential", List.of(), "fidelity too low"));
        awaitRelease(id, "QUARANTINED");
        given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(409).body("type", equalTo("https://synthline.io/problems/quarantined"));
        governance(EventType.RELEASE_OVERRIDDEN, id, new Payloads.ReleaseOverridden(id, ds, "e1", "acme-owner", "checked by hand"));
        awaitRelease(id, "OVERRIDDEN");
        assertThat(download(id)).isEqualTo(200);
    }

    @Test
    void refusedGenerationsNeverRun() throws Exception {
        String ds = GenerationResourceIT.datasetId;
        String id = GenerationResourceIT.request("{\"datasetId\":\"" + ds + "\",\"rows\":500,\"seed\":3}");
        governance(EventType.GENERATION_REFUSED, id,
                new Payloads.GenerationRefused(id, ds, "restricted", "differential privacy is required", List.of("dp-required"), "policy"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!status(id).equals("REFUSED") && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
        assertThat(status(id)).isEqualTo("REFUSED");
        given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id)
                .then().body("error", org.hamcrest.Matchers.containsString("dp-required"));
    }

    private static void awaitRelease(String id, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String release = given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id)
                    .then().extract().path("releaseStatus");
            if (expected.equals(release)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("release status never became " + expected);
    }
}
