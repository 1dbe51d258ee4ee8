package io.synthline.service.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.synthline.commons.api.Problem;
import io.synthline.commons.json.Json;
import io.synthline.service.problem.JsonProblems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;

/**
 * Checks every request before any handler reads it: a JSON or form body larger than
 * {@link JsonLimits#maxBytes()} is refused with 413 without being read (uploads of files have their
 * own, larger limit), and a NUL character in the path or a query parameter is refused with 400
 * (no database can store it, and no legitimate value has one). The answers are problem documents
 * like every other error.
 */
@ApplicationScoped
public class RequestGuard {
    /** Runs before authentication and the REST layer. */
    static final int PRIORITY = 10_000;

    private final JsonLimits limits = JsonLimits.fromConfig();

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        String rawPath = rc.request().path();
        if (rawPath != null && (rawPath.indexOf('\0') >= 0 || rawPath.toLowerCase(Locale.ROOT).contains("%00"))) {
            reject(rc, Problem.of(400, "invalid-path", "Bad request", "the path contains a NUL character"));
            return;
        }
        try {
            for (Map.Entry<String, String> p : rc.queryParams()) {
                if (p.getValue().indexOf('\0') >= 0 || p.getKey().indexOf('\0') >= 0) {
                    reject(rc, Problem.of(400, "invalid-parameter", "Bad request", "query parameter '" + printable(p.getKey())
                            + "' contains a NUL character").with("parameter", printable(p.getKey())));
                    return;
                }
            }
        } catch (IllegalArgumentException malformed) {
            reject(rc, Problem.of(400, "invalid-parameter", "Bad request", "the query string is not correctly percent-encoded"));
            return;
        }
        if (isJsonOrForm(rc.request().getHeader(HttpHeaders.CONTENT_TYPE)) && declaredLength(rc) > limits.maxBytes()) {
            reject(rc, JsonProblems.tooLarge(limits.maxBytes()));
            return;
        }
        rc.next();
    }

    static boolean isJsonOrForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("application/json") || t.contains("+json") || t.startsWith("application/x-www-form-urlencoded")
                || t.startsWith("multipart/form-data");
    }

    private static long declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void reject(RoutingContext rc, Problem problem) {
        problem.instance(printable(rc.request().path()));
        rc.response().setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // the body was not read: do not keep the connection for it
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.write(problem));
    }

    private static String printable(String s) {
        return s == null ? "" : s.replace('\0', '?');
    }
}
