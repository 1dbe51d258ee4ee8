package io.synthline.governance.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.governance.service.AuditService;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AuditService audit;

    @Inject
    Caller caller;

    @GET
    @WithSession
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.DATA_OWNER})
    @Operation(summary = "Audit entries of the caller's tenant, oldest first, optionally for one subject (e.g. datasets/{id})")
    public Uni<List<AuditEntryView>> query(@QueryParam("subject") String subject, @QueryParam("type") String type,
            @QueryParam("limit") Integer limit) {
        return audit.query(caller.tenant(), subject, type, limit);
    }
}
