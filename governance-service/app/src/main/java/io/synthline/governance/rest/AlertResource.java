package io.synthline.governance.rest;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AcknowledgementView;
import io.synthline.commons.api.AlertView;
import io.synthline.commons.api.GovernanceDecision;
import io.synthline.governance.repository.AlertRepository;
import io.synthline.governance.service.Alerts;
import io.synthline.service.problem.NotFound;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    @Inject
    AlertRepository alerts;

    @Inject
    Alerts service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Alerts of the tenant (budget nearly spent, failing gate, chain broken, ...), newest first")
    public Uni<List<AlertView>> list(@QueryParam("open") Boolean open) {
        return alerts.list(caller.tenant(), Boolean.TRUE.equals(open), 500);
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    public Uni<AcknowledgementView> acknowledge(@PathParam("id") String id, GovernanceDecision note) {
        return service.acknowledge(caller.tenant(), NotFound.parseId("alert", id), caller.username(), note == null ? null : note.justification())
                .map(done -> {
                    if (!done) {
                        throw new NotFound("open alert", id);
                    }
                    return new AcknowledgementView(true);
                });
    }
}
