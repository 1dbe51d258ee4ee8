package io.synthline.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.json.Json;

/** A non-2xx answer from the platform, carrying the problem document's detail when there is one. */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(String method, String path, int status, String body) {
        super(method + " " + path + " -> " + status + ": " + detail(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String detail(String body) {
        try {
            JsonNode problem = Json.mapper().readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (Exception ignored) {
            // not JSON: show the start of the body
        }
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
