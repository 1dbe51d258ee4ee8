package io.synthline.governance.dashboard;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.governance.config.GovernanceConfig;
import io.synthline.service.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches the evidence the dashboard shows but other services own (the evaluator's report, the
 * profiler's profile) with the signed-in user's access token: the owning service checks the user's
 * tenant and roles exactly as for an API call, so the session sees what the user may see and
 * nothing more.
 */
@ApplicationScoped
public class EvidenceClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    GovernanceConfig config;

    /** The HTML report of an evaluation. */
    public Uni<String> evaluationReport(String accessToken, String evaluationId) {
        NotFound.parseId("evaluation", evaluationId);
        return html(accessToken, config.evidence().evaluatorUrl(), "/api/v1/evaluations/" + evaluationId + "/report", "evaluation",
                evaluationId);
    }

    /** The HTML profile of a dataset. */
    public Uni<String> profile(String accessToken, String datasetId) {
        NotFound.parseId("dataset", datasetId);
        return html(accessToken, config.evidence().profilerUrl(), "/api/v1/datasets/" + datasetId + "/profile", "dataset", datasetId);
    }

    /** The JSON of an evaluation (for the dashboard's detail views). */
    public Uni<String> evaluationJson(String accessToken, String evaluationId) {
        NotFound.parseId("evaluation", evaluationId);
        return get(accessToken, config.evidence().evaluatorUrl(), "/api/v1/evaluations/" + evaluationId, "application/json",
                "evaluation", evaluationId);
    }

    private Uni<String> html(String token, URI base, String path, String kind, String id) {
        return get(token, base, path, "text/html", kind, id);
    }

    private Uni<String> get(String token, URI base, String path, String accept, String kind, String id) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .onFailure(java.io.IOException.class).transform(e -> new BadInputException("evidence-unavailable", 502,
                        "the " + (kind.equals("dataset") ? "profiler" : "evaluator") + " service cannot be reached right now; try again shortly"))
                .map(res -> {
                    if (res.statusCode() == 404) {
                        throw new NotFound(kind, id);
                    }
                    if (res.statusCode() / 100 != 2) {
                        throw new BadInputException("evidence-unavailable", res.statusCode() == 403 ? 403 : 502,
                                "the " + kind + " " + id + " could not be fetched (HTTP " + res.statusCode() + ")");
                    }
                    return res.body();
                });
    }
}
