package io.synthline.governance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.testing.AuditTestSupport;
import io.synthline.governance.testing.Eventually;
import io.synthline.governance.testing.GovernanceStackResource;
import io.synthline.stack.testing.LocalStackTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Governance's part of the security review (issue 16 items 1, 6, 7 and 9, and who owns an upload) on
 * the real Keycloak, PostgreSQL and Kafka: owners and grantees are users of the tenant with a fitting
 * role, parameters a role may not use are refused, platform admins read other tenants only with a
 * recorded reason and take no budget actions in them.
 */
@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
class AccessHardeningIT {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static ValidatableResponse policy(String user, String dataset, Map<String, Object> body) {
        return given().auth().oauth2(LocalStackTestResource.token(user)).contentType("application/json").body(body)
                .when().put("/api/v1/governed-datasets/" + dataset + "/policy").then();
    }

    static ValidatableResponse grant(String user, String dataset, String grantee) {
        return given().auth().oauth2(LocalStackTestResource.token(user)).contentType("application/json")
                .body(Map.of("grantee", grantee, "purpose", "churn model"))
                .when().post("/api/v1/governed-datasets/" + dataset + "/grants").then();
    }

    /** A dataset uploaded by {@code uploader}, owned by {@code owner} (null: an upload by someone who is not a data owner). */
    static String dataset(String uploader, String owner) {
        String id = UUID.randomUUID().toString();
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, "datasets/" + id,
                "acme", uploader, new Payloads.DatasetRegistered(id, "hardening", "acme/datasets/" + id + "/data.csv", "ab".repeat(32),
                        100, owner, "confidential"))));
        Eventually.await("dataset known", PATIENCE, () -> given().auth().oauth2(LocalStackTestResource.token("acme-admin"))
                .when().get("/api/v1/governed-datasets/" + id).then().extract().statusCode(), s -> s == 200);
        return id;
    }

    @Test
    void ownersMustBeDataOwnersOfTheTenantAndOnlyATenantAdminChangesThem() {
        String d = dataset("acme-owner", "acme-owner");
        // the owner cannot hand the dataset away, whoever is named
        policy("acme-owner", d, Map.of("owner", "globex-owner")).statusCode(403).contentType("application/problem+json");
        // a tenant admin may, but only to a data owner of the tenant; another tenant's user reads like no user at all
        policy("acme-admin", d, Map.of("owner", "globex-owner")).statusCode(400)
                .body("type", equalTo("https://synthline.io/problems/unknown-user"), "field", equalTo("owner"),
                        "detail", equalTo("no user 'globex-owner' in this tenant"));
        policy("acme-admin", d, Map.of("owner", "nobody-xyz")).statusCode(400).body("detail", equalTo("no user 'nobody-xyz' in this tenant"));
        policy("acme-admin", d, Map.of("owner", "../../etc/passwd")).statusCode(400)
                .body("type", equalTo("https://synthline.io/problems/invalid-owner"));
        policy("acme-admin", d, Map.of("owner", "acme-scientist")).statusCode(400)
                .body("type", equalTo("https://synthline.io/problems/unfit-user"));
        // nothing changed: the real owner still decides
        policy("acme-owner", d, Map.of("purpose", "churn analysis")).statusCode(200).body("owner", equalTo("acme-owner"));
    }

    @Test
    void granteesMustBeUsersOfTheTenantWhoMayRequestGenerations() {
        String d = dataset("acme-owner", "acme-owner");
        grant("acme-owner", d, "../../etc/passwd").statusCode(400).body("type", equalTo("https://synthline.io/problems/invalid-grantee"));
        grant("acme-owner", d, "globex-scientist").statusCode(400).body("detail", equalTo("no user 'globex-scientist' in this tenant"));
        grant("acme-owner", d, "acme-auditor").statusCode(400).body("type", equalTo("https://synthline.io/problems/unfit-user"));
        grant("acme-owner", d, "acme-scientist").statusCode(200).body("grantee", equalTo("acme-scientist"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).when().get("/api/v1/governed-datasets/" + d + "/grants")
                .then().statusCode(200).body("grantee", equalTo(List.of("acme-scientist")));
    }

    @Test
    void aScientistsUploadHasNoOwnerSoTheScientistCannotApproveTheirOwnRequest() {
        String d = dataset("acme-scientist", null);
        given().auth().oauth2(LocalStackTestResource.token("acme-admin")).when().get("/api/v1/governed-datasets/" + d)
                .then().statusCode(200).body("owner", nullValue());
        // confidential data: PII replaced, no grant, so the request waits for an owner
        String gen = GenerationProtocolIT.request(d, null, true, "acme-scientist");
        GenerationProtocolIT.awaitStatus(gen, "PENDING_APPROVAL");
        // a data owner who does not own it cannot decide either, only a tenant admin, who can also name an owner
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("application/json")
                .body(Map.of("justification", "looks fine to me")).when().post("/api/v1/approvals/" + gen + "/approve")
                .then().statusCode(403).body("detail", containsString("no owner yet"));
        policy("acme-admin", d, Map.of("owner", "acme-owner")).statusCode(200).body("owner", equalTo("acme-owner"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).contentType("application/json")
                .body(Map.of("justification", "reviewed the purpose")).when().post("/api/v1/approvals/" + gen + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void aTenantParameterIsRefusedToWhoeverMayNotUseIt() {
        given().auth().oauth2(LocalStackTestResource.token("acme-admin")).contentType("application/json")
                .body(Map.of("epsilonCap", 50, "justification", "raising the cap of another tenant"))
                .when().put("/api/v1/budget?tenant=globex").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("acme-auditor")).when().get("/api/v1/audit?tenant=globex")
                .then().statusCode(403);
        // naming one's own tenant changes nothing
        given().auth().oauth2(LocalStackTestResource.token("acme-auditor")).when().get("/api/v1/audit?tenant=acme&limit=1")
                .then().statusCode(200);
    }

    @Test
    void numbersAndIdsAreValidatedWithTheField() {
        given().auth().oauth2(LocalStackTestResource.token("acme-auditor")).when().get("/api/v1/audit?limit=abc")
                .then().statusCode(400).body("parameter", equalTo("limit"), "detail", equalTo("parameter 'limit' must be an integer, got 'abc'"));
        given().auth().oauth2(LocalStackTestResource.token("acme-auditor")).when().get("/api/v1/audit?after=abc")
                .then().statusCode(400).body("parameter", equalTo("after"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner")).when().get("/api/v1/governed-generations?limit=1.5")
                .then().statusCode(400).body("parameter", equalTo("limit"));
        String d = dataset("acme-owner", "acme-owner");
        given().auth().oauth2(LocalStackTestResource.token("acme-admin")).contentType("application/json")
                .body(Map.of("reservationId", "../../x y", "epsilon", 0.1, "delta", 1e-8))
                .when().post("/api/v1/governed-datasets/" + d + "/budget/reservations")
                .then().statusCode(400).body("field", equalTo("reservationId"));
    }

    @Test
    void platformAdminsTakeNoBudgetActionsAndReadOtherTenantsOnlyWithARecordedReason() {
        String d = dataset("acme-owner", "acme-owner");
        String platform = LocalStackTestResource.serviceToken();
        given().auth().oauth2(platform).contentType("application/json").body(Map.of("reservationId", "r-" + UUID.randomUUID(),
                "epsilon", 0.1, "delta", 1e-8)).when().post("/api/v1/governed-datasets/" + d + "/budget/reservations?tenant=acme")
                .then().statusCode(403);
        given().auth().oauth2(LocalStackTestResource.token("acme-platform-admin")).contentType("application/json").body("{}")
                .when().post("/api/v1/budget/reservations/" + UUID.randomUUID() + "/commit").then().statusCode(403);

        given().auth().oauth2(platform).when().get("/api/v1/audit?tenant=acme&limit=1").then().statusCode(400)
                .body("type", equalTo("https://synthline.io/problems/reason-required"));
        String reason = "incident 4711: " + UUID.randomUUID();
        given().auth().oauth2(platform).queryParam("tenant", "acme").queryParam("limit", 1).queryParam("reason", reason)
                .when().get("/api/v1/audit").then().statusCode(200);
        // acme sees who looked and why, in its own trail
        List<String> seen = Eventually.await("the access recorded in acme's trail", PATIENCE, () -> given()
                .auth().oauth2(LocalStackTestResource.token("acme-auditor")).queryParam("type", "platform.tenant-accessed")
                .queryParam("limit", 1000).when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("data.reason", String.class), l -> l.contains(reason));
        assertThat(seen).contains(reason);
    }
}
