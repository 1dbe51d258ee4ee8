package io.synthline.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.json.Json;
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
import java.util.function.Supplier;

/** A small client of the platform API used by {@code --remote} and by the demo. */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ApiEndpoints endpoints;
    private final Supplier<String> token;

    public ApiClient(ApiEndpoints endpoints, Supplier<String> token) {
        this.endpoints = endpoints;
        this.token = token;
    }

    /** The client for {@code synth --remote URL}: token from --token, $SYNTHLINE_TOKEN or a login with --user. */
    public static ApiClient forCli(SynthCommand root) {
        String jwt = root.tokenOption() != null ? root.tokenOption() : System.getenv("SYNTHLINE_TOKEN");
        if (jwt == null) {
            String user = root.userOption();
            if (user == null) {
                throw new SynthCommand.UserError("--remote needs --token, $SYNTHLINE_TOKEN or --user NAME (password in $SYNTHLINE_PASSWORD)");
            }
            String password = System.getenv("SYNTHLINE_PASSWORD");
            if (password == null) {
                throw new SynthCommand.UserError("set $SYNTHLINE_PASSWORD to log in as " + user);
            }
            String issuer = root.issuerOption() != null ? root.issuerOption() : StackEndpoints.of(StackConfig.defaults()).issuerUrl();
            jwt = KeycloakTokens.passwordGrant(issuer, StackEndpoints.CLI_CLIENT_ID, user, password).token();
        }
        String fixed = jwt;
        return new ApiClient(ApiEndpoints.single(root.remoteOption()), () -> fixed);
    }

    public JsonNode uploadCsv(Path file, String name) {
        try {
            URI uri = endpoints.profiler().resolve("/api/v1/datasets?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            HttpRequest req = authorized(uri).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return send(req, "POST", "/api/v1/datasets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uploadAndProfile(Path file) {
        return Json.writePretty(uploadCsv(file, file.getFileName().toString()));
    }

    /** Uploads the file and returns the platform's full profile document of it. */
    public io.synthline.commons.profile.DatasetProfile uploadAndFetchProfile(Path file) {
        JsonNode dataset = uploadCsv(file, file.getFileName().toString());
        JsonNode profile = get(endpoints.profiler(), "/api/v1/datasets/" + dataset.path("id").asText() + "/profile");
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

    /** Sends {@code body} as JSON with {@code method} (POST, PUT) and reads the JSON answer; a non-2xx answer is an {@link ApiException}. */
    public JsonNode sendJson(String method, URI base, String pathAndQuery, Object body) {
        HttpRequest req = authorized(base.resolve(pathAndQuery)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        return send(req, method, pathAndQuery);
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

    public void generateRemotely(Path file, long rows, long seed, String model, Path out, PrintWriter log) {
        generateRemotely(file, new GenerationRequest(null, rows, seed, model), out, log);
    }

    /** Uploads the file, requests the generation described by {@code template} on it, waits and downloads the result. */
    public void generateRemotely(Path file, GenerationRequest template, Path out, PrintWriter log) {
        JsonNode dataset = uploadCsv(file, file.getFileName().toString());
        log.printf("synth: uploaded %s as dataset %s (%s rows)%n", file.getFileName(), dataset.path("id").asText(),
                dataset.path("rowCount").asText());
        GenerationRequest t = template;
        GenerationRequest request = new GenerationRequest(dataset.path("id").asText(), t.rows(), t.seed(), t.model(), t.modelOptions(),
                t.conditions(), t.rebalance(), t.constraints(), t.pii(), t.output(), t.excludeTrainingCopies(), t.modelId(), t.privacy(), t.holdout());
        JsonNode g = requestGenerationWhenVisible(request, Duration.ofSeconds(30));
        JsonNode done = awaitGeneration(g.path("id").asText(), Duration.ofMinutes(30));
        if (!"COMPLETED".equals(done.path("status").asText())) {
            throw new SynthCommand.UserError("generation " + g.path("id").asText() + " " + done.path("status").asText().toLowerCase(java.util.Locale.ROOT)
                    + ": " + done.path("error").asText());
        }
        download(done.path("id").asText(), out);
        log.printf("synth: generation %s completed -> %s%n", done.path("id").asText(), out);
    }

    public ApiEndpoints endpoints() {
        return endpoints;
    }

    public static String describeDataset(String json) {
        try {
            JsonNode d = Json.mapper().readTree(json);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("dataset %s (%s): %s rows, %s columns%n", d.path("id").asText(), d.path("name").asText(),
                    d.path("rowCount").asText(), d.path("columnCount").asText()));
            for (JsonNode c : d.path("columns")) {
                sb.append(String.format("  %-28s %-12s nulls=%-8s distinct~%s%n", c.path("name").asText(), c.path("type").asText(),
                        c.path("nullCount").asText(), c.path("distinctEstimate").asText()));
            }
            return sb.toString().stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
