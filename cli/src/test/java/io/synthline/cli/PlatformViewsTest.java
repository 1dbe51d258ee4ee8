package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.synthline.cli.client.ApiClient;
import io.synthline.cli.client.ApiEndpoints;
import io.synthline.cli.client.RunWatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI reads governance's and the evaluator's answers as the {@code commons.api} views; the
 * answers here are what the services send (the shapes the services' ITs hold them to).
 */
class PlatformViewsTest {
    static final String RUN = "7f0c2d4e-0000-4000-8000-000000000001";
    static final String QUARANTINED = """
            {"id":"%s","datasetId":"d1","classification":"confidential","status":"COMPLETED","releaseStatus":"QUARANTINED",
             "releaseReason":"release checks failed","evaluationId":"e2","violations":[],"unknownLaterField":{"a":1},
             "releaseChecks":[{"metric":"fidelity","value":0.612345,"threshold":0.8,"comparator":"min","passed":false,"status":"failed","required":true},
               {"metric":"privacyRisk","value":null,"threshold":0.3,"comparator":"max","passed":false,"status":"not-measured","required":true},
               {"metric":"detectionAuc","value":0.51,"threshold":0.9,"comparator":"max","passed":true,"status":"passed"}]}
            """.formatted(RUN);
    static final String OVERRIDDEN = QUARANTINED.replace("\"releaseStatus\":\"QUARANTINED\"", "\"releaseStatus\":\"OVERRIDDEN\"");
    static final String EVALUATIONS = """
            [{"id":"e3","generationId":"%1$s","status":"PENDING","waiting":"evaluation queued","createdAt":"2026-01-03T00:00:00Z"},
             {"id":"e2","generationId":"%1$s","status":"COMPLETED","score":0.91,"properties":{"Column Shapes":0.93},"createdAt":"2026-01-02T00:00:00Z",
              "settings":{"label":"income","sensitive":[],"quasiIdentifiers":[],"sections":["QUALITY","PRIVACY"],"replacedColumns":[]}},
             {"id":"e1","generationId":"%1$s","status":"COMPLETED","score":0.88,"createdAt":"2026-01-01T00:00:00Z"}]
            """.formatted(RUN);

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> requests = new ArrayList<>();
    String realHome;

    @BeforeEach
    void platform() throws IOException {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        Map<String, String> answers = Map.of(
                "GET /api/v1/governed-generations/" + RUN, QUARANTINED,
                "POST /api/v1/releases/" + RUN + "/override", OVERRIDDEN,
                "GET /api/v1/evaluations?generationId=" + RUN, EVALUATIONS,
                "GET /api/v1/evaluations/e2", "{\"id\":\"e2\",\"evaluation\":{}}");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            requests.add(key);
            String body = answers.get(key);
            byte[] bytes = (body == null ? "{\"status\":404}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.setProperty("user.home", realHome);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void approveReadsGovernancesViewOfTheRun() {
        String[] refused = PlatformLoginTest.run("approve", RUN, "--justification", "checked by hand", "--remote", url(), "--token", "t");
        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2]).contains("run " + RUN + " is quarantined (release checks failed); releasing it anyway needs --override");

        String[] released = PlatformLoginTest.run("approve", RUN, "--override", "--justification", "checked by hand", "--remote", url(), "--token", "t");
        assertThat(released[0]).as(released[2]).isEqualTo("0");
        assertThat(released[1]).contains("run " + RUN + " released by override: OVERRIDDEN");
    }

    @Test
    void reportSavesTheNewestCompletedEvaluation() throws IOException {
        Path out = dir.resolve("report.json");
        String[] r = PlatformLoginTest.run("report", RUN, "--format", "json", "--out", out.toString(), "--remote", url(), "--token", "t");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[2]).contains("evaluation e2 of run " + RUN);
        assertThat(Files.readString(out)).contains("\"id\":\"e2\"");

        var evaluations = new ApiClient(ApiEndpoints.single(url()), () -> "t").evaluations(RUN);
        assertThat(evaluations).extracting(e -> e.id()).containsExactly("e3", "e2", "e1");
        assertThat(evaluations.get(1).settings().sections()).containsExactly("QUALITY", "PRIVACY");
        assertThat(evaluations.get(1).properties()).containsEntry("Column Shapes", 0.93);
    }

    @Test
    void aQuarantineNamesEveryFailedCheckOfTheGate() {
        String message = new RunWatch(new ApiClient(ApiEndpoints.single(url()), () -> "t"), new PrintWriter(new StringWriter()), false)
                .quarantinedMessage(RUN);
        assertThat(message).contains("was quarantined by the release gate: release checks failed")
                .contains("failed check: fidelity = 0.6123, the gate needs >= 0.8000")
                .contains("failed check: privacyRisk = not measured, the gate needs <= 0.3000")
                .doesNotContain("detectionAuc")
                .contains("the evaluation: synth report " + RUN);
    }
}
