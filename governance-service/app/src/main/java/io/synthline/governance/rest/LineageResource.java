package io.synthline.governance.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.governance.engine.datacard.DataCardRenderer;
import io.synthline.governance.engine.lineage.LineageGraph;
import io.synthline.governance.service.LineageService;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@RolesAllowed({Roles.DATA_OWNER, Roles.DATA_SCIENTIST, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
public class LineageResource {
    @Inject
    LineageService lineage;

    @Inject
    Caller caller;

    @GET
    @Path("lineage/datasets/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lineage of a source dataset: profile, models, synthetic datasets, evaluations, releases (versions, hashes)")
    public Uni<LineageGraph> datasetLineage(@PathParam("id") String id) {
        return lineage.datasetGraph(caller.tenant(), id);
    }

    @GET
    @Path("lineage/generations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lineage of one synthetic dataset back to its source")
    public Uni<LineageGraph> generationLineage(@PathParam("id") String id) {
        return lineage.generationGraph(caller.tenant(), id);
    }

    @GET
    @Path("lineage/datasets/{id}/openlineage")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The dataset's lineage as OpenLineage RunEvents (COMPLETE events of generation and evaluation runs)")
    public Uni<ArrayNode> openLineage(@PathParam("id") String id) {
        return lineage.openLineage(caller.tenant(), id);
    }

    @GET
    @Path("releases/{id}/datacard")
    @Produces({"text/markdown", MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The data card of a synthetic release: ?format=md|html|json (default md)")
    public Uni<RestResponse<String>> dataCard(@PathParam("id") String id, @QueryParam("format") String format) {
        String f = format == null ? "md" : format;
        return lineage.dataCard(caller.tenant(), id).map(card -> switch (f) {
            case "md", "markdown" -> RestResponse.ResponseBuilder.ok(DataCardRenderer.markdown(card), "text/markdown; charset=utf-8").build();
            case "html" -> RestResponse.ResponseBuilder.ok(DataCardRenderer.html(card), "text/html; charset=utf-8").build();
            case "json" -> RestResponse.ResponseBuilder.ok(DataCardRenderer.json(card), MediaType.APPLICATION_JSON).build();
            default -> throw new BadInputException("invalid-format", "format must be md, html or json, got '" + f + "'");
        });
    }
}
