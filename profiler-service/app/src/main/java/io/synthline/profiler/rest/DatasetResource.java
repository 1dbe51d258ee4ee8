package io.synthline.profiler.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.table.TableSchema;
import io.synthline.commons.csv.CsvDialect;
import io.synthline.profiler.service.DatasetService;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    static final String PARQUET = "application/vnd.apache.parquet";

    @Inject
    DatasetService datasets;

    @Inject
    Caller caller;

    @Inject
    io.synthline.service.http.TenantRateLimit rateLimit;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, PARQUET})
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST})
    @Operation(summary = "Upload a CSV or Parquet dataset (request body = the file); it is stored, profiled and announced")
    public RestResponse<DatasetView> upload(@QueryParam("name") String name,
            @Parameter(description = "field delimiter: a character or comma, tab, semicolon, pipe") @QueryParam("delimiter") String delimiter,
            @QueryParam("quote") String quote,
            @Parameter(description = "character encoding unless a byte order mark says otherwise") @QueryParam("encoding") String encoding,
            @Parameter(description = "cell texts meaning missing (repeat or comma-separate); default pandas' list") @QueryParam("nullToken") List<String> nullTokens,
            @Parameter(description = "read empty cells as empty strings instead of missing") @QueryParam("keepEmpty") Boolean keepEmpty,
            @Parameter(description = "false when the first row is data") @QueryParam("header") Boolean header,
            @Parameter(description = "rename a repeated column name x to x.1 instead of rejecting the file") @QueryParam("renameDuplicateHeaders") Boolean renameDuplicates,
            @Parameter(description = "declared column types, JSON {\"columns\":[{\"name\":\"zip\",\"type\":\"CATEGORICAL\"}]}; they win over inference")
            @QueryParam("schema") String schema,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, InputStream body, UriInfo uri) {
        rateLimit.acquire(caller.tenant());
        DatasetView view = datasets.register(name, body, DatasetService.DeclaredFormat.of(contentType),
                new CsvDialect(delimiter, quote, encoding, nullTokens, keepEmpty, header, renameDuplicates), declaredSchema(schema), caller);
        return ResponseBuilder.<DatasetView>create(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(view.id()).build())
                .entity(view).build();
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed"})
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST})
    @Operation(summary = "Upload a dataset made of several tables: a zip of CSV files (TABLE.csv) with an optional metadata.json"
            + " (SDV multi-table format); without it the keys are proposed. Every table is stored and profiled; the profile holds"
            + " the keys with their evidence and the sequences")
    public RestResponse<DatasetView> uploadTables(@QueryParam("name") String name, InputStream body, UriInfo uri) {
        rateLimit.acquire(caller.tenant());
        DatasetView view = datasets.registerRelational(name, body, caller);
        return ResponseBuilder.<DatasetView>create(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(view.id()).build())
                .entity(view).build();
    }

    /** The {@code schema} parameter of an upload, or null. */
    static TableSchema declaredSchema(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            TableSchema schema = io.synthline.commons.json.Json.read(json, TableSchema.class);
            if (schema == null || schema.columns().isEmpty()) {
                throw new BadInputException("invalid-schema", "the schema must name at least one column");
            }
            return schema;
        } catch (RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException("invalid-schema", "the schema parameter is not a schema: expected JSON "
                    + "{\"columns\":[{\"name\":\"COLUMN\",\"type\":\"CATEGORICAL|NUMERIC|DATETIME|BOOLEAN|TEXT\"}]}");
        }
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
    @Operation(summary = "The full profile document (JSON Schema in commons: dataset-profile.schema.json)")
    public Uni<String> profile(@PathParam("id") String id) {
        return datasets.profileJson(caller.tenant(), id);
    }

    @GET
    @Path("{id}/profile")
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The profile as a self-contained HTML report (histograms, correlation heatmap, PII, alerts)")
    public Uni<String> profileHtml(@PathParam("id") String id) {
        return datasets.profileHtml(caller.tenant(), id);
    }

    @PUT
    @Path("{id}/schema")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Declare column types (they win over inference); the dataset is re-profiled and announced again")
    public DatasetView declareSchema(@PathParam("id") String id, TableSchema schema) {
        return datasets.declareSchema(id, schema, caller);
    }
}
