package io.synthline.bench;

import io.synthline.cli.SynthCommand;
import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Latency of the services' list endpoints under concurrent readers, against a running platform
 * ({@code synth demo} or {@code synth stack up} plus the services; ports from the
 * {@code SYNTHLINE_*_PORT} variables). The reference, measured in the same run with the same
 * readers, is each service's liveness endpoint: what the HTTP stack, the security layer and the
 * machine cost before any query.
 */
@Command(name = "api", mixinStandardHelpOptions = true, description = {
        "List endpoints of the four services under N concurrent readers (p50 / p95 / p99), each against the service's",
        "/q/health/live under the same load in the same run. Needs a running platform (synth demo)."})
public class BenchApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--readers", defaultValue = "20", description = "concurrent readers (default: ${DEFAULT-VALUE})")
    int readers;

    @Option(names = "--requests", defaultValue = "25", description = "requests per reader and endpoint (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--user", defaultValue = "acme-owner", description = "demo user whose tenant is listed (password $SYNTHLINE_PASSWORD or demo)")
    String user;

    record Endpoint(String service, URI uri, boolean reference) {
    }

    record Latencies(long[] micros, long rows) {
        double percentile(double p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (readers < 1 || requests < 1) {
            throw new SynthCommand.UserError("--readers and --requests must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        StackEndpoints stack = StackEndpoints.of(StackConfig.defaults());
        String password = System.getenv().getOrDefault("SYNTHLINE_PASSWORD", "demo");
        String token = KeycloakTokens.passwordGrant(stack.issuerUrl(), StackEndpoints.CLI_CLIENT_ID, user, password).token();
        PlatformLauncher.Ports ports = PlatformLauncher.Ports.defaults();
        List<Endpoint> endpoints = new ArrayList<>();
        add(endpoints, "profiler", ports.profiler(), "/api/v1/datasets");
        add(endpoints, "generator", ports.generator(), "/api/v1/generations");
        add(endpoints, "evaluator", ports.evaluator(), "/api/v1/evaluations");
        add(endpoints, "governance", ports.governance(), "/api/v1/governed-generations");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        out.printf(Locale.ROOT, "%d readers x %d requests per endpoint, user %s%n", readers, requests, user);
        out.printf(Locale.ROOT, "| service | endpoint | rows | p50 ms | p95 ms | p99 ms | reference /q/health/live p95 ms |%n");
        out.printf(Locale.ROOT, "| --- | --- | ---: | ---: | ---: | ---: | ---: |%n");
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            for (int i = 0; i < endpoints.size(); i += 2) {
                Endpoint list = endpoints.get(i);
                Endpoint reference = endpoints.get(i + 1);
                measure(http, pool, list, token, Math.max(1, requests / 5)); // warm-up
                measure(http, pool, reference, token, Math.max(1, requests / 5));
                Latencies l = measure(http, pool, list, token, requests);
                Latencies r = measure(http, pool, reference, token, requests);
                out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |%n", list.service(), list.uri().getPath(), l.rows(),
                        l.percentile(0.50), l.percentile(0.95), l.percentile(0.99), r.percentile(0.95));
            }
        } finally {
            pool.shutdownNow();
        }
        return SynthCommand.EXIT_OK;
    }

    private static void add(List<Endpoint> endpoints, String service, int port, String path) {
        endpoints.add(new Endpoint(service, URI.create("http://127.0.0.1:" + port + path), false));
        endpoints.add(new Endpoint(service, URI.create("http://127.0.0.1:" + port + "/q/health/live"), true));
    }

    /** {@code readers} threads each send {@code perReader} requests back to back; the latency of every request. */
    private Latencies measure(HttpClient http, ExecutorService pool, Endpoint e, String token, int perReader) throws Exception {
        List<Future<long[]>> futures = new ArrayList<>();
        long[] rows = {-1};
        for (int t = 0; t < readers; t++) {
            futures.add(pool.submit(() -> {
                long[] micros = new long[perReader];
                for (int i = 0; i < perReader; i++) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(e.uri()).timeout(Duration.ofSeconds(30)).GET();
                    if (!e.reference()) {
                        b.header("Authorization", "Bearer " + token).header("Accept", "application/json");
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    micros[i] = (System.nanoTime() - start) / 1000;
                    if (r.statusCode() != 200) {
                        throw new SynthCommand.UserError(e.uri() + " answered " + r.statusCode() + ": " + r.body());
                    }
                    if (!e.reference() && rows[0] < 0) {
                        rows[0] = io.synthline.commons.json.Json.mapper().readTree(r.body()).size();
                    }
                }
                return micros;
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            int n = all.length;
            all = Arrays.copyOf(all, n + part.length);
            System.arraycopy(part, 0, all, n, part.length);
        }
        return new Latencies(all, rows[0]);
    }
}
