package io.synthline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiEndpoints;
import io.synthline.commons.json.Json;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.StackEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Every operation of every service's OpenAPI document (so it grows with each new endpoint) called
 * by every kind of caller: no token, a token with an altered signature, an expired token, each
 * role of the resources' tenant and each role of another tenant. Ids in paths name resources of
 * the first tenant. The answers form the table docs/security.md shows; that table is the
 * expectation. Whatever the table says, an answer of 500, a 2xx to another tenant on a path naming
 * a resource, or a Java class name in a body is a failure.
 */
final class AccessMatrix {
    static final String BEGIN = "<!-- access-matrix:begin -->";
    static final String END = "<!-- access-matrix:end -->";
    static final List<String> ROLES = StackEndpoints.DEMO_USER_SUFFIXES;
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jakarta)\\.[a-z]+\\.[A-Za-z]|io\\.synthline\\.|com\\.fasterxml\\.|org\\.jboss\\.|Exception\\b");

    /** The resources of the first tenant that ids in paths name. */
    record Fixture(String tenant, String otherTenant, String datasetId, String generationId, String evaluationId) {
    }

    record Operation(String service, URI base, String method, String path, String consumes) {
        String key() {
            return method + " " + path;
        }
    }

    record Answer(int status, String body) {
    }

    /** Callers in column order: "none", "altered", "expired", then tenant-role. */
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Fixture fixture;

    AccessMatrix(StackEndpoints stack, Fixture fixture) throws Exception {
        this.fixture = fixture;
        String own = KeycloakTokens.passwordGrant(stack.issuerUrl(), StackEndpoints.CLI_CLIENT_ID, fixture.tenant() + "-owner",
                StackEndpoints.DEMO_PASSWORD).token();
        tokens.put("none", null);
        tokens.put("altered", altered(own));
        tokens.put("expired", ExpiredTokens.mint(stack, fixture.tenant() + "-owner"));
        for (String tenant : List.of(fixture.tenant(), fixture.otherTenant())) {
            for (String role : ROLES) {
                tokens.put(tenant + "-" + role, KeycloakTokens.passwordGrant(stack.issuerUrl(), StackEndpoints.CLI_CLIENT_ID,
                        tenant + "-" + role, StackEndpoints.DEMO_PASSWORD).token());
            }
        }
    }

    /** The same token with one character of its signature changed. */
    static String altered(String jwt) {
        int at = jwt.lastIndexOf('.') + 5;
        char c = jwt.charAt(at);
        return jwt.substring(0, at) + (c == 'A' ? 'B' : 'A') + jwt.substring(at + 1);
    }

    /** Every operation of the services' OpenAPI documents, except the browser dashboard (a session, not a token). */
    List<Operation> operations(ApiEndpoints api) throws IOException, InterruptedException {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("profiler", api.profiler());
        services.put("generator", api.generator());
        services.put("evaluator", api.evaluator());
        services.put("governance", api.governance());
        List<Operation> ops = new ArrayList<>();
        for (var s : services.entrySet()) {
            HttpResponse<String> doc = http.send(HttpRequest.newBuilder(s.getValue().resolve("/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode paths = Json.mapper().readTree(doc.body()).path("paths");
            paths.fieldNames().forEachRemaining(path -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                paths.path(path).fieldNames().forEachRemaining(method -> {
                    JsonNode op = paths.path(path).path(method);
                    if (!op.isObject() || !List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        return;
                    }
                    JsonNode content = op.path("requestBody").path("content");
                    String consumes = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                    ops.add(new Operation(s.getKey(), s.getValue(), method.toUpperCase(java.util.Locale.ROOT), path, consumes));
                });
            });
        }
        ops.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return ops;
    }

    /** Calls every operation as every caller, 16 at a time. Rows keyed "METHOD path", cells in caller order. */
    Map<String, List<Integer>> run(List<Operation> ops) throws Exception {
        Map<String, List<Future<Answer>>> pending = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Operation op : ops) {
                List<Future<Answer>> row = new ArrayList<>();
                for (var caller : tokens.entrySet()) {
                    row.add(pool.submit(() -> call(op, caller.getValue())));
                }
                pending.put(op.key(), row);
            }
            Map<String, List<Integer>> table = new TreeMap<>();
            int i = 0;
            for (Operation op : ops) {
                List<Integer> statuses = new ArrayList<>();
                int c = 0;
                for (String caller : tokens.keySet()) {
                    Answer a = pending.get(op.key()).get(c++).get();
                    statuses.add(a.status());
                    check(op, caller, a);
                }
                table.put(op.key(), statuses);
                i++;
            }
            return table;
        } finally {
            pool.shutdownNow();
        }
    }

    private void check(Operation op, String caller, Answer a) {
        String where = op.key() + " as " + caller;
        if (a.status() >= 500) {
            problems.add(where + ": " + a.status() + " " + abbreviate(a.body()));
        }
        if (caller.startsWith(fixture.otherTenant() + "-") && op.path().contains("{") && a.status() / 100 == 2) {
            problems.add(where + ": " + a.status() + " on another tenant's resource");
        }
        if (CLASS_NAME.matcher(a.body()).find()) {
            problems.add(where + ": a class name in the body: " + abbreviate(a.body()));
        }
    }

    private Answer call(Operation op, String token) throws IOException, InterruptedException {
        URI uri = op.base().resolve(concrete(op.path()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (op.consumes() != null) {
            boolean json = op.consumes().contains("json");
            b.header("Content-Type", json ? "application/json" : "text/csv");
            body = HttpRequest.BodyPublishers.ofString(json ? "{}" : "a,b\n1,x\n");
        }
        b.method(op.method(), body);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    /** The path with its parameters naming the first tenant's resources (by the collection they follow). */
    String concrete(String path) {
        String[] parts = path.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{")) {
                String collection = parts[i - 1];
                p = switch (collection) {
                    case "datasets", "governed-datasets" -> fixture.datasetId();
                    case "generations", "governed-generations", "approvals", "releases" -> fixture.generationId();
                    case "evaluations" -> fixture.evaluationId();
                    case "grants" -> fixture.tenant() + "-scientist";
                    default -> UUID.randomUUID().toString();
                };
            }
            out.append('/').append(p);
        }
        return out.toString();
    }

    /** The Markdown table docs/security.md shows. */
    String render(Map<String, List<Integer>> table) {
        StringBuilder md = new StringBuilder("| operation | ");
        tokens.keySet().forEach(c -> md.append(c).append(" | "));
        md.setLength(md.length() - 1);
        md.append("\n| --- |").append(" --- |".repeat(tokens.size())).append('\n');
        table.forEach((op, statuses) -> {
            md.append("| `").append(op).append("` |");
            statuses.forEach(s -> md.append(' ').append(s).append(" |"));
            md.append('\n');
        });
        return md.toString();
    }

    /** The table between the markers of {@code doc}. */
    static String expected(Path doc) throws IOException {
        String text = Files.readString(doc);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        return from < 0 || to < 0 ? "" : text.substring(from + BEGIN.length(), to).strip() + "\n";
    }

    static void replace(Path doc, String table) throws IOException {
        String text = Files.readString(doc);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        Files.writeString(doc, text.substring(0, from + BEGIN.length()) + "\n" + table + text.substring(to));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** A token of the realm whose signature is valid but whose lifetime has passed. */
    static final class ExpiredTokens {
        /**
         * Signs in through a short-lived client made for the purpose (token lifespan 1 s, created and
         * removed with the dev stack's admin account), then waits for the token to expire.
         */
        static String mint(StackEndpoints stack, String user) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String admin = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                            + stack.keycloakAdminUser() + "&password=" + stack.keycloakAdminPassword())).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
            String clientId = "access-matrix-" + UUID.randomUUID().toString().substring(0, 8);
            String client = """
                    {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true, "standardFlowEnabled": false,
                     "attributes": {"access.token.lifespan": "1"},
                     "protocolMappers": [
                      {"name": "tenant", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
                       "config": {"user.attribute": "tenant", "claim.name": "tenant", "jsonType.label": "String",
                                  "access.token.claim": "true"}},
                      {"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                       "config": {"included.client.audience": "synthline-services", "access.token.claim": "true"}}]}
                    """.formatted(clientId);
            URI clients = URI.create(stack.keycloakUrl() + "/admin/realms/" + stack.realm() + "/clients");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(clients).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(client)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("could not create the short-lived client: " + created.statusCode() + " " + created.body());
            }
            try {
                String token = KeycloakTokens.passwordGrant(stack.issuerUrl(), clientId, user, stack.demoUserPassword()).token();
                JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
                long expiresAt = claims.path("exp").asLong();
                // past its expiry and past the services' clock-skew tolerance
                while (System.currentTimeMillis() / 1000 <= expiresAt + 1) {
                    Thread.sleep(250);
                }
                return token;
            } finally {
                String location = created.headers().firstValue("Location").orElse(null);
                if (location != null) {
                    http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + admin).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        }
    }
}
