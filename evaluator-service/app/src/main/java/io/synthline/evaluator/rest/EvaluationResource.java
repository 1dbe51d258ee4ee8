package io.synthline.evaluator.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.EvaluationView;
import io.synthline.evaluator.service.EvaluationService;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Evaluations of the caller's tenant. {@code GET /{id}} returns the full evaluation document
 * (JSON); {@code GET /{id}/report} the self-contained HTML report.
 */
@Path("/api/v1/evaluations")
@RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
public class EvaluationResource {
    @Inject
    EvaluationService evaluations;

    @Inject
    Caller caller;

    /** Newest first, at most {@code limit} (default 200, at most 1000), without the documents. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<EvaluationView>> list(@QueryParam("generationId") String generationId,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        return evaluations.list(caller.tenant(), generationId, limit);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<EvaluationView> get(@PathParam("id") String id) {
        return evaluations.get(caller.tenant(), id);
    }

    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    public Uni<String> report(@PathParam("id") String id) {
        return evaluations.report(caller.tenant(), id);
    }
}
