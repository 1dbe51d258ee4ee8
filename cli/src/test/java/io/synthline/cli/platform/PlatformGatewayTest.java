package io.synthline.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.synthline.cli.platform.PlatformLauncher.Service;
import io.synthline.commons.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of four stand-in services (each answers with its name, the path, the query,
 * the Host it saw and a digest of the body): every route of {@link PlatformRoutes} reaches its
 * service, other paths are not served, bodies stream through unchanged.
 */
class PlatformGatewayTest {
    static final Map<Service, HttpServer> BACKENDS = new EnumMap<>(Service.class);
    static PlatformGateway gateway;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        for (Service s : Service.values()) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String answer = s.module + " " + exchange.getRequestURI().getRawPath() + " " + exchange.getRequestURI().getRawQuery()
                        + " host=" + exchange.getRequestHeaders().getFirst("Host") + " bytes=" + body.length + " sha=" + sha(body);
                if (exchange.getRequestURI().getPath().endsWith("/redirect")) {
                    exchange.getResponseHeaders().add("Location", "http://keycloak.example/auth?redirect_uri=x");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            server.start();
            BACKENDS.put(s, server);
        }
        gateway = PlatformGateway.start(0, s -> BACKENDS.get(s).getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        BACKENDS.values().forEach(s -> s.stop(0));
    }

    @Test
    void everyRouteOfTheTableReachesItsService() throws Exception {
        for (PlatformRoutes.Route r : PlatformRoutes.ALL) {
            assertThat(get(r.prefix()).body()).as(r.prefix()).startsWith(r.service().module + " " + r.prefix() + " ");
            assertThat(get(r.prefix() + "/x/y?a=1&b=%20").body()).as(r.prefix())
                    .startsWith(r.service().module + " " + r.prefix() + "/x/y a=1&b=%20 ");
        }
    }

    @Test
    void theLongestPrefixWinsElementByElementAsInTheIngress() throws Exception {
        assertThat(get("/api/v1/datasets/7/profile").body()).startsWith("profiler-service ");
        assertThat(get("/api/v1/evaluations/7/report").body()).startsWith("evaluator-service ");
        assertThat(get("/api/v1/audit?subject=datasets/7").body()).startsWith("governance-service ");
        assertThat(get("/api/v1/datasetsX").body()).startsWith("governance-service ");
        assertThat(get("/dashboard/evaluations/7/report").body()).startsWith("governance-service ");
    }

    @Test
    void pathsOutsideTheTableAreNotServed() throws Exception {
        for (String path : new String[] {"/", "/q/metrics", "/q/health", "/dashboardX", "/api/v2/datasets",
                "/api/v1/datasets/../audit", "/api/v1/./audit"}) {
            HttpResponse<String> res = get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertThat(res.headers().firstValue("Content-Type")).as(path).contains("application/problem+json");
        }
    }

    @Test
    void theClientsHostIsKeptAndRedirectsPassUnchanged() throws Exception {
        assertThat(get("/dashboard").body()).contains("host=127.0.0.1:" + gateway.port());
        HttpResponse<String> redirect = get("/dashboard/redirect");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).contains("http://keycloak.example/auth?redirect_uri=x");
    }

    @Test
    void bodiesStreamThroughUnchanged() throws Exception {
        byte[] upload = new byte[8 << 20];
        new Random(1).nextBytes(upload);
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/datasets?name=a.csv"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).startsWith("profiler-service /api/v1/datasets name=a.csv ")
                .contains("bytes=" + upload.length, "sha=" + sha(upload));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
