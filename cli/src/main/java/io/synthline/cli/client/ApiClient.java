package io.synthline.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.EvaluationView;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.csv.CsvDialect;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.TableSchema;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** A small client of the platform API used by {@code --remote} and by the demo. */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ApiEndpoints endpoints;
    private final Supplier<String> token;

    public ApiClient(ApiEndpoints endpoints, Supplier<String> token) {
        this.endpoints = endpoints;
        this.token = token;
    }

    /**
     * The client of a command that runs on the platform: at {@code --remote URL}, else at the
     * platform of {@code synth login}. The token comes from {@code --token}, {@code $SYNTHLINE_TOKEN},
     * a password login with {@code --user} (password in {@code $SYNTHLINE_PASSWORD}), or the saved login
     * (refreshed from Keycloak when it is about to expire).
     */
    public static ApiClient forCli(SynthCommand root) {
        PlatformSession session = PlatformSession.load();
        String url = root.remoteOption() != null ? root.remoteOption() : session != null ? session.url() : null;
        if (url == null) {
            throw new SynthCommand.UserError("not logged in to a platform: synth login URL --user NAME (or give --remote URL)");
        }
        ApiEndpoints endpoints = ApiEndpoints.single(url);
        String jwt = root.tokenOption() != null ? root.tokenOption() : System.getenv("SYNTHLINE_TOKEN");
        if (jwt != null) {
            String fixed = jwt;
            return new ApiClient(endpoints, () -> fixed);
        }
        if (root.userOption() != null) {
            String password = System.getenv("SYNTHLINE_PASSWORD");
            if (password == null) {
                throw new SynthCommand.UserError("set $SYNTHLINE_PASSWORD to log in as " + root.userOption() + " (or log in once with synth login)");
            }
            String token = KeycloakTokens.passwordGrant(issuerFor(url, root.issuerOption(), session), StackEndpoints.CLI_CLIENT_ID,
                    root.userOption(), password).token();
            return new ApiClient(endpoints, () -> token);
        }
        if (session != null && session.isFor(url)) {
            return new ApiClient(endpoints, session::validToken);
        }
        throw new SynthCommand.UserError("not logged in to " + url + ": synth login " + url + " --user NAME (or give --token / --user)");
    }

    /** The issuer to log in at: --issuer, the saved login's, the one the platform names, or the local stack's realm. */
    public static String issuerFor(String url, String issuerOption, PlatformSession session) {
        if (issuerOption != null) {
            return issuerOption;
        }
        if (session != null && session.isFor(url)) {
            return session.issuer();
        }
        String named = PlatformSession.discoverIssuer(url);
        return named != null ? named : StackEndpoints.of(StackConfig.defaults()).issuerUrl();
    }

    public JsonNode uploadCsv(Path file, String name) {
        try {
            URI uri = endpoints.profiler().resolve("/api/v1/datasets?name=" + enc(name));
            HttpRequest req = authorized(uri).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return send(req, "POST", "/api/v1/datasets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads a dataset made of several tables: {@code zip} holds TABLE.csv per table and optionally
     * {@code metadata.json}; the platform stores and profiles every table before it answers.
     */
    public JsonNode uploadTables(Path zip, String name) {
        try {
            URI uri = endpoints.profiler().resolve("/api/v1/datasets?name=" + enc(name));
            HttpRequest req = authorized(uri).header("Content-Type", io.synthline.commons.relational.StoredRelational.ZIP_CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofFile(zip)).build();
            return send(req, "POST", "/api/v1/datasets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads {@code file} read as {@code dialect} (null: the defaults), with declared column types
     * when {@code schema} is given; the platform profiles it before it answers.
     */
    public JsonNode upload(Path file, CsvDialect dialect, TableSchema schema) {
        StringBuilder q = new StringBuilder("/api/v1/datasets?name=").append(enc(file.getFileName().toString()));
        if (dialect != null) {
            param(q, "delimiter", dialect.delimiter());
            param(q, "quote", dialect.quote());
            param(q, "encoding", dialect.encoding());
            if (dialect.nullTokens() != null) {
                dialect.nullTokens().forEach(t -> param(q, "nullToken", t));
            }
            param(q, "keepEmpty", dialect.keepEmpty());
            param(q, "header", dialect.header());
            param(q, "renameDuplicateHeaders", dialect.renameDuplicateHeaders());
        }
        if (schema != null) {
            param(q, "schema", Json.write(schema));
        }
        try {
            HttpRequest req = authorized(endpoints.profiler().resolve(q.toString())).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return send(req, "POST", "/api/v1/datasets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tenant's dataset made from these bytes read this way, or else a new upload: a dataset is
     * reused when its profile says it was read from a file with the same SHA-256 with the same
     * delimiter, quote, header and missing-value tokens (and, with {@code schema}, has the declared
     * types). Says on {@code log} which it did, with the dataset id.
     */
    public JsonNode datasetFor(Path file, CsvDialect dialect, TableSchema schema, boolean reuse, PrintWriter log) {
        String sha;
        try {
            sha = Sha256.hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (reuse) {
            CsvOptions reading = (dialect != null ? dialect : new CsvDialect(null, null, null, null, null, null, null)).toCsvOptions();
            List<JsonNode> newestFirst = new java.util.ArrayList<>();
            get(endpoints.profiler(), "/api/v1/datasets").forEach(newestFirst::add);
            newestFirst.sort(java.util.Comparator.comparing((JsonNode d) -> d.path("createdAt").asText()).reversed());
            for (JsonNode d : newestFirst) {
                boolean candidate = "PROFILED".equals(d.path("status").asText())
                        && (sha.equals(d.path("sha256").asText()) || file.getFileName().toString().equals(d.path("name").asText()));
                if (candidate && readTheSame(get(endpoints.profiler(), "/api/v1/datasets/" + d.path("id").asText() + "/profile"),
                        sha, reading, schema)) {
                    log.printf("synth: reusing dataset %s: %s, uploaded %s, has the same SHA-256 (%s...) read the same way"
                            + " (--no-reuse uploads again)%n", d.path("id").asText(), d.path("name").asText(),
                            d.path("createdAt").asText().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"), sha.substring(0, 12));
                    return d;
                }
            }
        }
        JsonNode uploaded = upload(file, dialect, schema);
        log.printf("synth: uploaded %s as dataset %s (%s rows, %s columns)%n", file.getFileName(), uploaded.path("id").asText(),
                uploaded.path("rowCount").asText(), uploaded.path("columnCount").asText());
        return uploaded;
    }

    static boolean readTheSame(JsonNode profile, String sha, CsvOptions reading, TableSchema schema) {
        JsonNode source = profile.path("source");
        JsonNode csv = source.path("csv");
        if (!sha.equals(source.path("sha256").asText()) || !"csv".equals(source.path("format").asText()) || csv.isMissingNode()) {
            return false;
        }
        java.util.Set<String> tokens = new java.util.TreeSet<>();
        csv.path("nullTokens").forEach(t -> tokens.add(t.asText()));
        java.util.Set<String> expected = new java.util.TreeSet<>(reading.nullTokens());
        if (!csv.path("delimiter").asText().equals(String.valueOf(reading.delimiter()))
                || !csv.path("quote").asText().equals(String.valueOf(reading.quote()))
                || csv.path("header").asBoolean(true) != reading.header() || !tokens.equals(expected)) {
            return false;
        }
        if (schema != null) {
            java.util.Map<String, String> types = new java.util.HashMap<>();
            profile.path("schema").path("columns").forEach(c -> types.put(c.path("name").asText(), c.path("type").asText()));
            return schema.columns().stream().allMatch(c -> c.type().name().equals(types.get(c.name())));
        }
        return true;
    }

    /** The platform's profile document of a dataset. */
    public io.synthline.commons.profile.DatasetProfile profile(String datasetId) {
        JsonNode profile = get(endpoints.profiler(), "/api/v1/datasets/" + datasetId + "/profile");
        return Json.mapper().convertValue(profile, io.synthline.commons.profile.DatasetProfile.class);
    }

    public JsonNode requestGeneration(String datasetId, long rows, Long seed, String model) {
        return requestGeneration(new GenerationRequest(datasetId, rows, seed, model));
    }

    /** Posts a full generation request (conditions, constraints, PII, ...). */
    public JsonNode requestGeneration(GenerationRequest request) {
        String body = Json.write(request);
        HttpRequest req = authorized(endpoints.generator().resolve("/api/v1/generations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(req, "POST", "/api/v1/generations");
    }

    /** Retries while the generator has not yet seen the dataset's events (eventual consistency). */
    public JsonNode requestGenerationWhenVisible(String datasetId, long rows, Long seed, String model, Duration patience) {
        return requestGenerationWhenVisible(new GenerationRequest(datasetId, rows, seed, model), patience);
    }

    public JsonNode requestGenerationWhenVisible(GenerationRequest request, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return requestGeneration(request);
            } catch (ApiException e) {
                if ((e.status() != 404 && e.status() != 409) || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(250);
            }
        }
    }

    public JsonNode get(URI base, String pathAndQuery) {
        return send(authorized(base.resolve(pathAndQuery)).GET().build(), "GET", pathAndQuery);
    }

    /** GETs a JSON answer read as {@code type} (a view of {@code commons.api}). */
    public <T> T get(URI base, String pathAndQuery, Class<T> type) {
        return Json.mapper().convertValue(get(base, pathAndQuery), type);
    }

    /** GETs a JSON array read as a list of {@code type}. */
    public <T> List<T> getList(URI base, String pathAndQuery, Class<T> type) {
        JsonNode list = get(base, pathAndQuery);
        return Json.mapper().convertValue(list, Json.mapper().getTypeFactory().constructCollectionType(List.class, type));
    }

    /** Governance's view of a run: its policy decision, approval and release. */
    public GovernedGenerationView governedGeneration(String id) {
        return get(endpoints.governance(), "/api/v1/governed-generations/" + id, GovernedGenerationView.class);
    }

    /** The evaluations of a run, newest first, without their documents. */
    public List<EvaluationView> evaluations(String generationId) {
        return getList(endpoints.evaluator(), "/api/v1/evaluations?generationId=" + enc(generationId), EvaluationView.class);
    }

    /** The audit entries about one resource, e.g. {@code generations/<id>}. */
    public List<AuditEntryView> auditEntries(String subject) {
        return getList(endpoints.governance(), "/api/v1/audit?subject=" + enc(subject), AuditEntryView.class);
    }

    /** Sends {@code body} as JSON with {@code method} (POST, PUT) and reads the JSON answer; a non-2xx answer is an {@link ApiException}. */
    public JsonNode sendJson(String method, URI base, String pathAndQuery, Object body) {
        HttpRequest req = authorized(base.resolve(pathAndQuery)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        return send(req, method, pathAndQuery);
    }

    /** {@link #sendJson(String, URI, String, Object)} with the answer read as {@code type} (a view of {@code commons.api}). */
    public <T> T sendJson(String method, URI base, String pathAndQuery, Object body, Class<T> type) {
        return Json.mapper().convertValue(sendJson(method, base, pathAndQuery, body), type);
    }

    public JsonNode generation(String id) {
        return get(endpoints.generator(), "/api/v1/generations/" + id);
    }

    public JsonNode awaitGeneration(String id, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode g = generation(id);
            String status = g.path("status").asText();
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("REFUSED") || status.equals("CANCELLED")) {
                return g;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("generation " + id + " still " + status + " after " + patience.toSeconds() + " s");
            }
            sleep(250);
        }
    }

    public void download(String generationId, Path out) {
        downloadTo(endpoints.generator(), "/api/v1/generations/" + generationId + "/data", "text/csv", out);
    }

    /** GETs a file to {@code out}; written to a temporary file first, so a failed download leaves nothing behind. */
    public void downloadTo(URI base, String pathAndQuery, String accept, Path out) {
        try {
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".synth-", ".part");
            HttpRequest req = authorized(base.resolve(pathAndQuery)).setHeader("Accept", accept).GET().build();
            HttpResponse<Path> res = http.send(req, HttpResponse.BodyHandlers.ofFile(tmp));
            if (res.statusCode() != 200) {
                String body = Files.readString(tmp);
                Files.deleteIfExists(tmp);
                throw new ApiException("GET", pathAndQuery, res.statusCode(), body);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ApiEndpoints endpoints() {
        return endpoints;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void param(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(enc(value.toString()));
        }
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest req, String method, String path) {
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new ApiException(method, path, res.statusCode(), res.body());
            }
            return Json.mapper().readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + req.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
