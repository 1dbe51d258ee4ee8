package io.synthline.governance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.testing.AuditTestSupport;
import io.synthline.governance.testing.Eventually;
import io.synthline.governance.testing.GovernanceStackResource;
import io.synthline.stack.testing.LocalStackTestResource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The privacy-budget ledger on the real PostgreSQL, through the API, under 50 concurrent requests. */
@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
class BudgetLedgerIT {
    static final String ADMIN = "acme-admin";

    @Test
    void fiftyConcurrentReservationsNeverOverspend() throws Exception {
        String dataset = registeredDataset();
        capTo(dataset, 1.0);
        List<Integer> statuses = concurrently(50, i -> reserve(dataset, "r-" + UUID.randomUUID(), 0.03));
        // 33 x 0.03 = 0.99 fits under 1.0, a 34th would make 1.02
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(33);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(17);
        JsonPath budget = budget(dataset);
        assertThat(new BigDecimal(budget.getString("epsilonReserved"))).isEqualByComparingTo("0.99");
        assertThat(new BigDecimal(budget.getString("epsilonRemaining"))).isEqualByComparingTo("0.01");
        assertThat(budget.getList("reservations")).hasSize(33);
    }

    @Test
    void aReservationIdReservesOnceHoweverOftenItIsSent() throws Exception {
        String dataset = registeredDataset();
        capTo(dataset, 1.0);
        String id = "gen-" + UUID.randomUUID();
        List<Integer> statuses = concurrently(50, i -> reserve(dataset, id, 0.25));
        assertThat(statuses).containsOnly(200);
        JsonPath budget = budget(dataset);
        assertThat(new BigDecimal(budget.getString("epsilonReserved"))).isEqualByComparingTo("0.25");
        assertThat(budget.getList("reservations")).hasSize(1);
    }

    @Test
    void commitChargesWhatWasSpentAndReleaseReturnsTheRest() throws Exception {
        String dataset = registeredDataset();
        capTo(dataset, 2.0);
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        assertThat(reserve(dataset, a, 0.5)).isEqualTo(200);
        assertThat(reserve(dataset, b, 0.5)).isEqualTo(200);
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json")
                .body(new Payloads.PrivacySpent(0.4, 1e-7, 0.01, List.of("gaussian")))
                .when().post("/api/v1/budget/reservations/" + a + "/commit")
                .then().statusCode(200);
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).when().post("/api/v1/budget/reservations/" + b + "/release")
                .then().statusCode(200);
        JsonPath budget = budget(dataset);
        assertThat(new BigDecimal(budget.getString("epsilonSpent"))).isEqualByComparingTo("0.4");
        assertThat(new BigDecimal(budget.getString("epsilonReserved"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(budget.getString("epsilonRemaining"))).isEqualByComparingTo("1.6");
        // a committed reservation cannot be given back; a second commit changes nothing
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).when().post("/api/v1/budget/reservations/" + a + "/release")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json")
                .body(new Payloads.PrivacySpent(0.4, 1e-7, 0.01, List.of("gaussian")))
                .when().post("/api/v1/budget/reservations/" + a + "/commit").then().statusCode(200);
        // a body without what was spent is not read as nothing spent
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json").body("{}")
                .when().post("/api/v1/budget/reservations/" + a + "/commit").then().statusCode(400)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("epsilon"));
        assertThat(new BigDecimal(budget(dataset).getString("epsilonSpent"))).isEqualByComparingTo("0.4");
        // each step is in the audit trail
        List<String> types = Eventually.await("budget events audited", Duration.ofSeconds(60),
                () -> AuditTestSupport.types("acme", "datasets/" + dataset),
                t -> t.containsAll(List.of("budget.cap-changed", "budget.reserved", "budget.committed", "budget.released")));
        assertThat(types.stream().filter("budget.reserved"::equals).count()).isEqualTo(2);
        // another tenant cannot touch the reservation
        given().auth().oauth2(LocalStackTestResource.token("globex-admin")).when().post("/api/v1/budget/reservations/" + b + "/release")
                .then().statusCode(404);
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        String dataset = registeredDataset();
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json")
                .body(Map.of("reservationId", "x", "epsilon", -1, "delta", 0))
                .when().post("/api/v1/governed-datasets/" + dataset + "/budget/reservations")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("acme-scientist")).contentType("application/json")
                .body(Map.of("epsilonCap", 5, "justification", "more budget for the project"))
                .when().put("/api/v1/governed-datasets/" + dataset + "/budget")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json")
                .body(Map.of("epsilonCap", 5))
                .when().put("/api/v1/governed-datasets/" + dataset + "/budget")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(LocalStackTestResource.token("globex-admin")).when().get("/api/v1/governed-datasets/" + dataset + "/budget")
                .then().statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------

    static String registeredDataset() {
        String id = UUID.randomUUID().toString();
        AuditTestSupport.publish(List.of(EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, "datasets/" + id,
                "acme", "acme-owner", new Payloads.DatasetRegistered(id, "ledger-test", "acme/datasets/" + id + "/data.csv",
                        "cd".repeat(32), 100, "acme-owner", "internal"))));
        Eventually.await("dataset " + id + " known to governance", Duration.ofSeconds(60),
                () -> given().auth().oauth2(LocalStackTestResource.token(ADMIN)).when().get("/api/v1/governed-datasets/" + id)
                        .then().extract().statusCode(), s -> s == 200);
        return id;
    }

    static void capTo(String dataset, double epsilon) {
        given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json")
                .body(Map.of("epsilonCap", epsilon, "deltaCap", 1e-5, "justification", "test budget of the ledger IT"))
                .when().put("/api/v1/governed-datasets/" + dataset + "/budget")
                .then().statusCode(200);
    }

    static int reserve(String dataset, String id, double epsilon) {
        return given().auth().oauth2(LocalStackTestResource.token(ADMIN)).contentType("application/json")
                .body(Map.of("reservationId", id, "epsilon", epsilon, "delta", 1e-8))
                .when().post("/api/v1/governed-datasets/" + dataset + "/budget/reservations")
                .then().extract().statusCode();
    }

    static JsonPath budget(String dataset) {
        return given().auth().oauth2(LocalStackTestResource.token(ADMIN)).when().get("/api/v1/governed-datasets/" + dataset + "/budget")
                .then().statusCode(200).extract().jsonPath();
    }

    interface Call {
        int run(int i) throws Exception;
    }

    static List<Integer> concurrently(int n, Call call) throws Exception {
        LocalStackTestResource.token(ADMIN); // fetch the token once, not 50 times in parallel
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.add(() -> call.run(k));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
