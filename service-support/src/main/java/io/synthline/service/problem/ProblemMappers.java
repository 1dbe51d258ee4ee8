package io.synthline.service.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.Problem;
import io.synthline.commons.store.DatasetStore;
import io.synthline.service.http.JsonLimits;
import io.synthline.service.http.StrictParams;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. User mistakes keep their message;
 * unexpected failures get a generic message plus an error id that is also logged, so no stack
 * trace or internal detail reaches the client.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final JsonLimits jsonLimits = JsonLimits.fromConfig();

    @ServerExceptionMapper
    public Response badInput(BadInputException e, UriInfo uri) {
        Response r = respond(e.toProblem(titleFor(e.status())), uri);
        Object retry = e.details().get("retryAfterSeconds");
        return retry == null ? r : Response.fromResponse(r).header("Retry-After", retry.toString()).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(DatasetStore.ObjectTooLargeException e, UriInfo uri) {
        return respond(Problem.of(413, "payload-too-large", "Payload too large", e.getMessage())
                .with("limitBytes", e.limit()), uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response r = respond(Problem.of(401, "unauthenticated", "Unauthenticated",
                "a valid bearer token from the synthline realm is required"), uri);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"synthline\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "your roles do not allow this operation";
        return respond(Problem.of(403, "forbidden", "Forbidden", detail), uri);
    }

    /**
     * A body that is not JSON, exceeds a limit, or does not have the expected shape: said in the
     * user's terms (field, expected kind of value), never with Jackson's message.
     */
    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.describe(e, jsonLimits), uri);
    }

    /** Named too: Quarkus brings its own mappers for these, which would answer with an empty 400. */
    @ServerExceptionMapper
    public Response jsonShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonSyntax(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(StrictParams.InvalidParameter e, UriInfo uri) {
        return respond(Problem.of(400, "invalid-parameter", "Bad request", e.getMessage()).with("parameter", e.parameter()), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            // the REST layer wraps what Jackson could not read for some endpoints
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String detail = e.getMessage() == null ? titleFor(status) : e.getMessage();
        return respond(Problem.of(status, slugFor(status), titleFor(status), detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(Problem.of(500, "internal-error", "Internal error",
                "the request failed unexpectedly; quote error id " + errorId + " to the operators")
                .with("errorId", errorId), uri);
    }

    public static Response respond(Problem problem, UriInfo uri) {
        if (uri != null && problem.getInstance() == null) {
            problem.instance(uri.getPath());
        }
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            default -> Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        };
    }

    static String slugFor(int status) {
        return titleFor(status).toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
