package io.synthline.generator.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.GenerationView;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.config.GeneratorConfig;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.generator.engine.output.ParquetOutput;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.generator.service.GenerationService;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    @Inject
    io.synthline.service.http.TenantRateLimit rateLimit;

    /** With the governance protocol on, data is served only after the release gate let it through. */
    @Inject
    GeneratorConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Request synthetic data (model, rows, seed, conditions, rebalance, constraints, PII, output); runs asynchronously, poll the returned location")
    public Uni<RestResponse<GenerationView>> request(GenerationRequest request, UriInfo uri) {
        rateLimit.acquire(caller.tenant());
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
    @Operation(summary = "Status, progress and provenance of a generation")
    public Uni<GenerationView> get(@PathParam("id") String id) {
        return generations.get(caller.tenant(), id);
    }

    @POST
    @Path("{id}/cancel")
    @WithTransaction
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Cancel a generation: at once if it has not started, at its next block if it runs; nothing is kept")
    public Uni<RestResponse<GenerationView>> cancel(@PathParam("id") String id) {
        return generations.cancel(caller.tenant(), id, caller.username())
                .map(view -> ResponseBuilder.<GenerationView>create(Response.Status.ACCEPTED).entity(view).build());
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Same as POST {id}/cancel")
    public Uni<RestResponse<GenerationView>> delete(@PathParam("id") String id) {
        return cancel(id);
    }

    @GET
    @Path("{id}/data")
    @Produces("text/csv")
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Download the synthetic CSV (streamed from the store); every generation has it. Cells a spreadsheet would "
            + "run as formulas (=, +, -, @, tab) get a leading ' unless escapeFormulas=false (exact bytes, as the manifest hashes them)")
    public Uni<RestResponse<java.nio.file.Path>> data(@PathParam("id") String id, @QueryParam("escapeFormulas") Boolean escapeFormulas) {
        boolean escape = !Boolean.FALSE.equals(escapeFormulas);
        return generations.find(caller.tenant(), id).map(g -> {
            ready(g, id);
            if (StoredRelational.isRelational(g.outputKey)) {
                throw new BadInputException("several-tables", 409, "generation " + id + " made several tables; download them as one zip"
                        + " from /api/v1/generations/" + id + "/data.zip");
            }
            return new String[] {g.outputKey, g.outputSha256};
        }).chain(output -> escape
                // file work off the event loop; the answer comes back on the request's context, where its session closes
                ? vertx.executeBlocking(Uni.createFrom().item(() -> file(escapedRendition(output[0]), "text/csv",
                        "synthetic-" + id + ".csv", null)))
                : Uni.createFrom().item(file(output[0], "text/csv", "synthetic-" + id + ".csv", output[1])));
    }

    /**
     * The output with formula cells escaped (FormulaGuard), made once beside it on the first
     * download. The stored output itself stays exact: the evaluator and the Parquet rendition read it.
     */
    private String escapedRendition(String outputKey) {
        String key = outputKey.substring(0, outputKey.lastIndexOf('/') + 1) + "synthetic.escaped.csv";
        try {
            if (!store.exists(key)) {
                try (DatasetStore.Staged staged = store.stage(out -> {
                    try (java.io.InputStream in = store.open(outputKey)) {
                        io.synthline.commons.csv.FormulaGuard.escape(in, out);
                    }
                })) {
                    staged.commit(key);
                }
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}/data.zip")
    @Produces(StoredRelational.ZIP_CONTENT_TYPE)
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Download the tables of a generation on a dataset of several tables: a zip of TABLE.csv per table and"
            + " metadata.json (the manifest has each table's SHA-256, of the exact bytes: escapeFormulas=false)")
    public Uni<RestResponse<java.nio.file.Path>> tables(@PathParam("id") String id, @QueryParam("escapeFormulas") Boolean escapeFormulas) {
        boolean escape = !Boolean.FALSE.equals(escapeFormulas);
        return generations.find(caller.tenant(), id).map(g -> {
            ready(g, id);
            if (!StoredRelational.isRelational(g.outputKey)) {
                throw new BadInputException("one-table", 409, "generation " + id + " made one table; download it from /api/v1/generations/"
                        + id + "/data");
            }
            return g.outputKey;
        }).chain(outputKey -> vertx.executeBlocking(Uni.createFrom().item(() -> file(zipRendition(outputKey, escape),
                StoredRelational.ZIP_CONTENT_TYPE, "synthetic-" + id + ".zip", null))));
    }

    /** The zip of a relational output, made once beside it on the first download. */
    private String zipRendition(String indexKey, boolean escape) {
        String key = StoredRelational.prefix(indexKey) + (escape ? "synthetic.escaped.zip" : "synthetic.zip");
        try {
            if (!store.exists(key)) {
                try (DatasetStore.Staged staged = store.stage(out -> StoredRelational.zip(store, indexKey, out, escape))) {
                    staged.commit(key);
                }
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a path of its own: one method producing both text/csv and Parquet would let the text writer answer with the file's name
    @GET
    @Path("{id}/data.parquet")
    @Produces(ParquetOutput.MEDIA_TYPE)
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Download the Parquet rendition of the synthetic data (generations requested with output.format parquet)")
    public Uni<RestResponse<java.nio.file.Path>> parquet(@PathParam("id") String id) {
        return generations.find(caller.tenant(), id).map(g -> {
            ready(g, id);
            if (!Requests.PARQUET.equals(g.format)) {
                throw new BadInputException("no-parquet", 409, "generation " + id + " was requested as " + g.format
                        + "; request output.format parquet to get a Parquet file");
            }
            return file(GenerationEntity.parquetKey(g.outputKey), ParquetOutput.MEDIA_TYPE, "synthetic-" + id + ".parquet", null);
        });
    }

    @GET
    @Path("{id}/manifest")
    @WithSession
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The provenance manifest of the output (run, model hash, seed, rows, hashes, removed copies)")
    public Uni<RestResponse<java.nio.file.Path>> manifest(@PathParam("id") String id) {
        return generations.find(caller.tenant(), id).map(g -> {
            if (!GenerationEntity.COMPLETED.equals(g.status) || g.manifestKey == null) {
                throw new BadInputException("not-ready", 409, "generation " + id + " is " + g.status + "; its manifest exists once it is COMPLETED");
            }
            return file(g.manifestKey, MediaType.APPLICATION_JSON, "manifest-" + id + ".json", null);
        });
    }

    private void ready(GenerationEntity g, String id) {
        if (!GenerationEntity.COMPLETED.equals(g.status)) {
            throw new BadInputException("not-ready", 409, "generation " + id + " is " + g.status + "; data exists only once it is COMPLETED");
        }
        if (config.requireApproval() && !GenerationEntity.RELEASED.equals(g.releaseStatus) && !GenerationEntity.OVERRIDDEN.equals(g.releaseStatus)) {
            throw new BadInputException(g.releaseStatus == null ? "awaiting-release" : "quarantined", 409,
                    g.releaseStatus == null ? "generation " + id + " has not passed the release gate yet (it is released after its evaluation)"
                            : "generation " + id + " is quarantined by the release gate; a data owner can override with a justification");
        }
    }

    private RestResponse<java.nio.file.Path> file(String key, String type, String name, String sha256) {
        try {
            var builder = ResponseBuilder.ok(store.localPath(key), type)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            if (sha256 != null) {
                builder.header("Digest", "sha-256=" + sha256);
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
