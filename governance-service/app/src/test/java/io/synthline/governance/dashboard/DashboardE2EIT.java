package io.synthline.governance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.ScoreNames;
import io.synthline.commons.events.Topics;
import io.synthline.commons.json.Json;
import io.synthline.fixtures.JsonFields;
import io.synthline.governance.rest.GenerationProtocolIT;
import io.synthline.governance.testing.AuditTestSupport;
import io.synthline.governance.testing.Eventually;
import io.synthline.governance.testing.GovernanceStackResource;
import io.synthline.stack.testing.TestKafka;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compliance dashboard end to end in headless Chromium (playwright-core, see
 * src/test/dashboard/dashboard-e2e.mjs) against this running governance service, the real Keycloak
 * (authorization code + PKCE login), PostgreSQL and Kafka: log in as the data owner, approve a
 * pending request, see its audit entry appear, verify the chain; a data scientist cannot open the
 * oversight pages; an auditor sees them read-only. Screenshots: target/dashboard-screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(GovernanceStackResource.class)
class DashboardE2EIT {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TestHTTPResource("/")
    URL url;

    @Test
    void ownerApprovesInTheBrowserAndTheAuditTrailShowsIt() throws Exception {
        String dataset = GenerationProtocolIT.dataset("restricted");
        String generation = GenerationProtocolIT.request(dataset, 0.4, true);
        GenerationProtocolIT.awaitStatus(generation, "PENDING_APPROVAL");
        // and a released run of an internal dataset (approved by policy, generated, evaluated above the thresholds)
        String internal = GenerationProtocolIT.dataset("internal");
        String released = GenerationProtocolIT.request(internal, null, null);
        GenerationProtocolIT.awaitStatus(released, "APPROVED");
        GenerationProtocolIT.awaitTypes("generations/" + released, 2);
        GenerationProtocolIT.complete(internal, released, null);
        GenerationProtocolIT.evaluate(internal, released, Map.of(ScoreNames.COLUMN_SHAPES, 0.93));
        GenerationProtocolIT.awaitRelease(released, "APPROVED");

        Map<String, String> browser = ensureBrowser();
        Path shots = Path.of("target/dashboard-screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        ProcessBuilder pb = new ProcessBuilder("node", REPO.resolve("governance-service/app/src/test/dashboard/dashboard-e2e.mjs").toString());
        pb.environment().put("BASE_URL", "http://127.0.0.1:" + url.getPort());
        pb.environment().put("GENERATION_ID", generation);
        pb.environment().put("RELEASED_ID", released);
        pb.environment().put("SCREENSHOT_DIR", shots.toString());
        pb.environment().put("CHROMIUM", browser.get("CHROMIUM"));
        pb.environment().put("NODE_PATH", browser.get("NODE_PATH"));
        Path stderr = shots.resolve("browser-stderr.log");
        pb.redirectError(stderr.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("browser test finished").isTrue();
        assertThat(p.exitValue()).as("browser test; stdout: %s; stderr: %s", out, Files.readString(stderr)).isZero();
        JsonNode findings = Json.mapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));

        assertThat(findings.path("pkce").asText()).isEqualTo("S256");
        assertThat(findings.path("acme-ownerLoginPage").asText()).contains("/realms/synthline/protocol/openid-connect/auth");
        assertThat(findings.path("ownerBanner").asText()).contains("acme-owner", "acme", "data-owner");
        assertThat(findings.path("decision").asText()).isEqualTo("approved: APPROVED");
        assertThat(findings.path("auditEntry").asText()).contains("generation.approved", "acme-owner", "approved in the dashboard e2e test");
        assertThat(findings.path("chain").asText()).startsWith("Chain intact");
        assertThat(JsonFields.integer(findings, "scientistNav")).isZero();
        assertThat(JsonFields.integer(findings, "scientistApprovalsStatus")).isEqualTo(403);
        assertThat(findings.path("auditorBanner").asText()).contains("auditor", "read-only");
        assertThat(JsonFields.integer(findings, "auditorApproveButtons")).isZero();
        assertThat(JsonFields.integer(findings, "auditorAuditRows")).isPositive();
        assertThat(findings.path("reevaluation").asText()).isEqualTo("re-evaluation requested");
        assertThat(findings.path("dataCardTitle").asText()).startsWith("Data card");
        assertThat(JsonFields.integer(findings, "auditorReevaluateButtons")).isZero();
        // an unknown (or another tenant's) id: 404 with the error, no success text (nothing changed, nothing was audited)
        for (String action : List.of("unknownApprove", "unknownAcknowledge", "unknownReevaluate")) {
            assertThat(JsonFields.integer(findings, action, "status")).as(action).isEqualTo(404);
            assertThat(findings.path(action).path("body").asText()).as(action).contains("badge bad")
                    .doesNotContain("acknowledged by", "requested", "approved");
        }
        assertThat(findings.path("csp").asText()).contains("script-src 'self'", "frame-ancestors 'none'");
        for (String shot : List.of("01-overview-owner.png", "03-approved.png", "04-audit-entry.png", "05-chain-verified.png",
                "06-reevaluation-requested.png", "07-data-card.png")) {
            assertThat(shots.resolve(shot)).isNotEmptyFile();
        }

        // behind the page: the approval is governance's decision by the owner, and the budget is reserved
        assertThat(GenerationProtocolIT.generation(generation).getString("decidedBy")).isEqualTo("acme-owner");
        assertThat(GenerationProtocolIT.budget(dataset).getDouble("epsilonReserved")).isEqualTo(0.4);
        // the button asked the evaluator, as the owner
        EventEnvelope asked = EventEnvelope.fromJson(TestKafka.awaitRecord(Topics.EVALUATIONS, "generations/" + released,
                Duration.ofSeconds(60)));
        assertThat(asked.type()).isEqualTo("evaluation.requested");
        assertThat(asked.actor()).isEqualTo("acme-owner");
        // the privileged sign-ins are audited
        List<String> logins = Eventually.await("dashboard logins audited", Duration.ofSeconds(60),
                () -> AuditTestSupport.types("acme", "users/acme-owner"), t -> t.contains("access.login"));
        assertThat(logins).contains("access.login");
    }

    /** Debian's chromium and npm's playwright-core, installed on demand by the shared script. */
    static Map<String, String> ensureBrowser() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", REPO.resolve("scripts/ensure-browser.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("scripts/ensure-browser.sh").isZero();
        Map<String, String> env = new HashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(env).containsKeys("CHROMIUM", "NODE_PATH");
        return env;
    }
}
