package io.synthline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiClient;
import io.synthline.cli.platform.DemoRun;
import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.cli.platform.PlatformLauncher.Service;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.json.Json;
import io.synthline.fixtures.JsonFields;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import io.synthline.stack.StackEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential privacy end to end on the real stack with the packaged profiler, generator and
 * governance services: a DP request carries its (epsilon, delta) in generation.requested,
 * governance reserves it from the dataset's ledger, the generator fits with exactly that amount
 * and reports what it spent, governance commits that charge; a request above what remains is
 * refused by governance and never touches the data.
 */
class PrivateGenerationIT {
    static final Path REPO = RunningPlatform.REPO;
    static final String TENANT = "acme";

    static RunningPlatform running;
    static PlatformLauncher platform;
    static StackEndpoints endpoints;

    @BeforeAll
    static void start() throws Exception {
        running = RunningPlatform.start(EnumSet.of(Service.PROFILER, Service.GENERATOR, Service.GOVERNANCE));
        platform = running.platform;
        endpoints = running.endpoints;
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theLedgerIsChargedWhatTheRunReportsAndAnOverdraftIsRefused() throws Exception {
        ApiClient owner = DemoRun.clientFor(endpoints, platform.endpoints(), TENANT + "-owner");
        ApiClient scientist = DemoRun.clientFor(endpoints, platform.endpoints(), TENANT + "-scientist");
        ApiClient auditor = DemoRun.clientFor(endpoints, platform.endpoints(), TENANT + "-auditor");
        String datasetId = owner.uploadCsv(REPO.resolve("samples/adult-sample.csv"), "adult-sample.csv").path("id").asText();
        URI governance = platform.endpoints().governance();
        await("governance to know dataset " + datasetId, () -> {
            try {
                return owner.get(governance, "/api/v1/governed-datasets/" + datasetId);
            } catch (RuntimeException e) {
                return null;
            }
        });
        String ownerToken = io.synthline.stack.KeycloakTokens.passwordGrant(endpoints.issuerUrl(), StackEndpoints.CLI_CLIENT_ID,
                TENANT + "-owner", StackEndpoints.DEMO_PASSWORD).token();
        HttpResponse<String> cap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        governance.resolve("/api/v1/governed-datasets/" + datasetId + "/budget"))
                .header("Authorization", "Bearer " + ownerToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"epsilonCap\": 1.5, \"deltaCap\": 1e-6,"
                        + " \"justification\": \"DP integration test: room for one epsilon=1 run\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cap.statusCode()).as(cap.body()).isEqualTo(200);

        PrivacySpec privacy = new PrivacySpec(1.0, 1e-9, null, true,
                DeclaredSchema.read(REPO.resolve("samples/adult-domain.json")).columns());
        GenerationRequest dp = new GenerationRequest(datasetId, 500L, 5L, "mst", null, null, null, null, null, null, null, null, privacy);
        String first = scientist.requestGenerationWhenVisible(dp, Duration.ofSeconds(60)).path("id").asText();
        JsonNode done = scientist.awaitGeneration(first, Duration.ofMinutes(5));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");

        // what the run reported (generation.completed in the audit trail) ...
        JsonNode completed = await("generation.completed in the audit trail", () -> entry(auditor, governance, first, "generation.completed"));
        JsonNode spent = completed.path("data").path("privacySpent");
        assertThat(JsonFields.number(spent, "epsilon")).isBetween(0.9, 1.0);
        assertThat(JsonFields.number(spent, "delta")).isLessThanOrEqualTo(1e-9);
        assertThat(JsonFields.number(spent, "rho")).isPositive();
        assertThat(spent.path("mechanisms").toString()).contains("gaussian").contains("exponential");
        JsonNode approved = entry(auditor, governance, first, "generation.approved");
        assertThat(JsonFields.number(approved, "data", "reservation", "epsilon")).isEqualTo(1.0);

        // ... is exactly what governance's ledger charged
        JsonNode budget = await("the charge to be committed", () -> {
            JsonNode b = owner.get(governance, "/api/v1/governed-datasets/" + datasetId + "/budget");
            return b.path("epsilonSpent").asDouble() > 0 ? b : null;
        });
        assertThat(JsonFields.number(budget, "epsilonSpent")).isCloseTo(JsonFields.number(spent, "epsilon"), within(1e-12));
        assertThat(JsonFields.number(budget, "deltaSpent")).isCloseTo(JsonFields.number(spent, "delta"), within(1e-18));
        assertThat(JsonFields.number(budget, "epsilonReserved")).isZero();
        JsonNode reservation = budget.path("reservations").get(0);
        assertThat(reservation.path("reservationId").asText()).isEqualTo(first);
        assertThat(reservation.path("status").asText()).isEqualTo("COMMITTED");

        // the output's manifest carries the guarantee
        Path manifest = Files.createTempFile("manifest", ".json");
        scientist.downloadTo(platform.endpoints().generator(), "/api/v1/generations/" + first + "/manifest", "application/json", manifest);
        JsonNode m = Json.mapper().readTree(manifest.toFile());
        assertThat(JsonFields.number(m, "privacy", "epsilon")).isEqualTo(1.0);
        assertThat(JsonFields.bool(m, "privacy", "privateNoise")).isTrue();
        assertThat(JsonFields.bool(m, "excludeTrainingCopies")).isFalse();

        // a second epsilon=1 run does not fit in what is left (1.5 - ~1): governance refuses, nothing runs
        GenerationRequest again = new GenerationRequest(datasetId, 500L, 6L, "mst", null, null, null, null, null, null, null, null, privacy);
        String second = scientist.requestGeneration(again).path("id").asText();
        JsonNode refused = scientist.awaitGeneration(second, Duration.ofMinutes(2));
        assertThat(refused.path("status").asText()).as(refused.toString()).isEqualTo("REFUSED");
        assertThat(refused.path("error").asText()).contains("budget");
        JsonNode after = owner.get(governance, "/api/v1/governed-datasets/" + datasetId + "/budget");
        assertThat(JsonFields.number(after, "epsilonSpent")).isEqualTo(JsonFields.number(budget, "epsilonSpent"));
        assertThat(JsonFields.number(after, "epsilonReserved")).isZero();
    }

    private static JsonNode entry(ApiClient auditor, URI governance, String generationId, String type) {
        List<JsonNode> entries = new ArrayList<>();
        auditor.get(governance, "/api/v1/audit?subject=generations/" + generationId).forEach(entries::add);
        return entries.stream().filter(e -> e.path("eventType").asText().equals(type)).findFirst().orElse(null);
    }

    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(300);
        }
    }
}
