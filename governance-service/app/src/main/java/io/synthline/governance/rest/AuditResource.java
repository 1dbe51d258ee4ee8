package io.synthline.governance.rest;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.AuditKeysView;
import io.synthline.commons.api.BadInputException;
import io.synthline.governance.engine.audit.Checkpoint;
import io.synthline.governance.repository.AuditRepository;
import io.synthline.governance.service.AuditService;
import io.synthline.governance.service.SigningKeys;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    static final String[] READERS = {Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.DATA_OWNER};

    @Inject
    AuditService audit;

    @Inject
    SigningKeys keys;

    @Inject
    Caller caller;

    @Inject
    io.synthline.governance.service.PlatformAccess platformAccess;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.DATA_OWNER})
    @Operation(summary = "Audit entries of the caller's tenant in chain order, filtered by subject (e.g. datasets/{id}), "
            + "event type, actor, outcome and occurrence time [from, to); a platform admin naming another ?tenant= gives a ?reason=, "
            + "recorded in that tenant's trail")
    public Uni<List<AuditEntryView>> query(@QueryParam("subject") String subject, @QueryParam("type") String type,
            @QueryParam("actor") String actor, @QueryParam("outcome") String outcome, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("after") Long afterChainIndex, @QueryParam("limit") Integer limit,
            @QueryParam("tenant") String tenant, @QueryParam("reason") String reason) {
        String t = caller.actingTenant(tenant);
        AuditRepository.Filter filter = new AuditRepository.Filter(t, subject, type, actor, outcome, instant("from", from),
                instant("to", to), afterChainIndex, limit == null ? 100 : limit);
        return platformAccess.inTenant(caller, t, "audit.query", reason, () -> audit.query(filter));
    }

    @GET
    @Path("verify")
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.DATA_OWNER})
    @Operation(summary = "Recompute the tenant's hash chain and checkpoints; reports the first broken link")
    public Uni<AuditService.VerificationResult> verify(@QueryParam("tenant") String tenant) {
        return audit.verify(caller.actingTenant(tenant));
    }

    @GET
    @Path("checkpoints")
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.DATA_OWNER})
    @Operation(summary = "Signed checkpoints of the tenant's chain")
    public Uni<List<Checkpoint>> checkpoints(@QueryParam("tenant") String tenant) {
        return audit.checkpoints(caller.actingTenant(tenant));
    }

    @POST
    @Path("checkpoints")
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Sign the heads of all chains that moved now instead of at the next scheduled checkpoint")
    public Uni<List<Checkpoint>> checkpointNow() {
        return audit.checkpointNow();
    }

    @GET
    @Path("export")
    @Produces("application/zip")
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Evidence bundle (ZIP: entries, checkpoints, public keys, signed manifest, VERIFY.md) of the entries "
            + "that occurred in [from, to); verify offline with `synth audit verify`. The export is itself audited.")
    public Uni<org.jboss.resteasy.reactive.RestResponse<byte[]>> export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("tenant") String tenant, @QueryParam("reason") String reason) {
        String t = caller.actingTenant(tenant);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        return platformAccess.inTenant(caller, t, "audit.export", reason, () -> audit.export(t, start, end, caller.username()))
                .map(zip -> org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(zip, "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"audit-evidence-" + t + ".zip\"").build());
    }

    @GET
    @Path("public-keys")
    @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.DATA_OWNER, Roles.DATA_SCIENTIST})
    @Operation(summary = "Every Ed25519 public key that ever signed checkpoints (PEM by key id); the current key first")
    public Uni<AuditKeysView> publicKeys() {
        return keys.allPem().map(pems -> new AuditKeysView(keys.current().keyId(), "Ed25519", pems));
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("invalid-" + name, name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, got '"
                    + value + "'");
        }
    }
}
