package io.synthline.cli.client;

import java.net.URI;

/** Base URLs of the four services: one ingress for all, or the local ports. */
public record ApiEndpoints(URI profiler, URI generator, URI evaluator, URI governance) {
    public static ApiEndpoints single(String baseUrl) {
        URI base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        return new ApiEndpoints(base, base, base, base);
    }

    public static ApiEndpoints local(int profilerPort, int generatorPort, int evaluatorPort, int governancePort) {
        return new ApiEndpoints(URI.create("http://127.0.0.1:" + profilerPort), URI.create("http://127.0.0.1:" + generatorPort),
                URI.create("http://127.0.0.1:" + evaluatorPort), URI.create("http://127.0.0.1:" + governancePort));
    }
}
