package io.synthline.generator.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.GenerationView;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.generator.service.GenerationService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {

    @Inject
    GenerationService generations;

    @Inject
    DatasetStore store;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Request synthetic data; runs asynchronously, poll the returned location")
    public Uni<RestResponse<GenerationView>> request(GenerationRequest request, UriInfo uri) {
        return generations.request(request, caller.tenant(), caller.username())
                .map(view -> ResponseBuilder.<GenerationView>create(Response.Status.ACCEPTED)
                        .location(uri.getAbsolutePathBuilder().path(view.id()).build())
                        .entity(view).build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<List<GenerationView>> list() {
        return generations.list(caller.tenant());
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<GenerationView> get(@PathParam("id") String id) {
        return generations.get(caller.tenant(), id);
    }

    @GET
    @Path("{id}/data")
    @Produces("text/csv")
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Download the synthetic CSV (streamed from the store)")
    public Uni<RestResponse<java.nio.file.Path>> data(@PathParam("id") String id) {
        return generations.find(caller.tenant(), id).map(g -> {
            if (!GenerationEntity.COMPLETED.equals(g.status)) {
                throw new BadInputException("not-ready", 409, "generation " + id + " is " + g.status + "; data exists only once it is COMPLETED");
            }
            try {
                return ResponseBuilder.ok(store.localPath(g.outputKey), "text/csv")
                        .header("Content-Disposition", "attachment; filename=\"synthetic-" + id + ".csv\"")
                        .header("Digest", "sha-256=" + g.outputSha256)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

}
