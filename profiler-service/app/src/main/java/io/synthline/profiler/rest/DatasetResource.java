package io.synthline.profiler.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.DatasetView;
import io.synthline.profiler.service.DatasetService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    @Inject
    DatasetService datasets;

    @Inject
    Caller caller;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST})
    @Operation(summary = "Upload a CSV dataset (request body = the file); it is stored, profiled and announced")
    public RestResponse<DatasetView> upload(@QueryParam("name") String name, InputStream body, UriInfo uri) {
        DatasetView view = datasets.register(name, body, caller);
        return ResponseBuilder.<DatasetView>create(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(view.id()).build())
                .entity(view).build();
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<List<DatasetView>> list() {
        return datasets.list(caller.tenant());
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<DatasetView> get(@PathParam("id") String id) {
        return datasets.get(caller.tenant(), id);
    }

    @GET
    @Path("{id}/profile")
    @WithSession
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<String> profile(@PathParam("id") String id) {
        return datasets.profileJson(caller.tenant(), id);
    }
}
