package io.synthline.governance.rest;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AccessGrantView;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.BudgetCapRequest;
import io.synthline.commons.api.DatasetPolicyUpdate;
import io.synthline.commons.api.DatasetPolicyView;
import io.synthline.commons.api.GovernanceDecision;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.api.GrantRequest;
import io.synthline.commons.api.PrivacyBudgetView;
import io.synthline.commons.api.ReevaluationView;
import io.synthline.commons.api.ReservationRequest;
import io.synthline.commons.api.RevocationView;
import io.synthline.commons.api.StatusView;
import io.synthline.governance.repository.AccessRepository;
import io.synthline.governance.repository.DatasetRepository;
import io.synthline.governance.repository.GenerationRepository;
import io.synthline.governance.service.DatasetGovernance;
import io.synthline.governance.service.GenerationGovernance;
import io.synthline.governance.service.Monitoring;
import io.synthline.service.problem.NotFound;
import io.synthline.service.security.Caller;
import io.synthline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Datasets' policies, budgets and grants; generations' decisions, approvals and releases. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class GovernanceResource {
    static final String ALL = Roles.DATA_OWNER + "," + Roles.DATA_SCIENTIST;

    @Inject
    DatasetGovernance datasets;

    @Inject
    GenerationGovernance protocol;

    @Inject
    DatasetRepository datasetRepository;

    @Inject
    GenerationRepository generations;

    @Inject
    AccessRepository access;

    @Inject
    io.synthline.governance.service.BudgetLedger ledger;

    @Inject
    Caller caller;

    @Inject
    Monitoring monitoring;

    // ------------------------------------------------------------------------------------ datasets

    @GET
    @Path("governed-datasets")
    @RolesAllowed({Roles.DATA_OWNER, Roles.DATA_SCIENTIST, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Datasets of the tenant with owner, classification, purpose, legal basis, retention and status")
    public Uni<List<DatasetPolicyView>> datasets() {
        return datasetRepository.list(caller.tenant());
    }

    @GET
    @Path("governed-datasets/{id}")
    @RolesAllowed({Roles.DATA_OWNER, Roles.DATA_SCIENTIST, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<DatasetPolicyView> dataset(@PathParam("id") String id) {
        return datasets.get(caller.tenant(), id);
    }

    @PUT
    @Path("governed-datasets/{id}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Change owner, classification, purpose, legal basis or retention (owner or tenant admin; audited)")
    public Uni<DatasetPolicyView> updatePolicy(@PathParam("id") String id, DatasetPolicyUpdate update) {
        return datasets.updatePolicy(caller.tenant(), id, update, caller.username(), caller.hasRole(Roles.TENANT_ADMIN));
    }

    @POST
    @Path("governed-datasets/{id}/deletion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Ask for the dataset to be deleted everywhere (dataset.deletion-requested); justification required")
    public Uni<StatusView> requestDeletion(@PathParam("id") String id, GovernanceDecision decision) {
        return datasets.requestDeletion(caller.tenant(), id, caller.username(), caller.hasRole(Roles.TENANT_ADMIN),
                decision == null ? null : decision.justification()).replaceWith(new StatusView(DatasetRepository.DELETION_REQUESTED));
    }

    @GET
    @Path("governed-datasets/{id}/budget")
    @RolesAllowed({Roles.DATA_OWNER, Roles.DATA_SCIENTIST, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The dataset's privacy-budget ledger: caps, spent, reserved, remaining, reservations")
    public Uni<PrivacyBudgetView> budget(@PathParam("id") String id) {
        return datasets.budget(caller.tenant(), id);
    }

    @PUT
    @Path("governed-datasets/{id}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Set the dataset's epsilon/delta caps (owner or tenant admin; justification required)")
    public Uni<PrivacyBudgetView> setBudget(@PathParam("id") String id, BudgetCapRequest cap) {
        return datasets.setDatasetCap(caller.tenant(), id, cap, caller.username(), caller.hasRole(Roles.TENANT_ADMIN));
    }

    @PUT
    @Path("budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Set the tenant-wide epsilon/delta cap across all datasets (tenant admin, or a platform admin naming "
            + "?tenant=; justification required)")
    public Uni<StatusView> setTenantBudget(@QueryParam("tenant") String tenant, BudgetCapRequest cap) {
        return datasets.setTenantCap(caller.actingTenant(tenant), cap, caller.username()).replaceWith(new StatusView("updated"));
    }

    @GET
    @Path("governed-datasets/{id}/grants")
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<List<AccessGrantView>> grants(@PathParam("id") String id) {
        return datasets.get(caller.tenant(), id).chain(d -> access.list(caller.tenant(), java.util.UUID.fromString(d.id())));
    }

    @POST
    @Path("governed-datasets/{id}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Allow a user to request generations from the dataset for a purpose, optionally until a date")
    public Uni<AccessGrantView> grant(@PathParam("id") String id, GrantRequest request) {
        return datasets.grant(caller.tenant(), id, request, caller.username(), caller.hasRole(Roles.TENANT_ADMIN));
    }

    @DELETE
    @Path("governed-datasets/{id}/grants/{grantee}")
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    public Uni<RevocationView> revoke(@PathParam("id") String id, @PathParam("grantee") String grantee,
            @QueryParam("reason") String reason) {
        return datasets.revoke(caller.tenant(), id, grantee, reason, caller.username(), caller.hasRole(Roles.TENANT_ADMIN))
                .map(RevocationView::new);
    }

    static final java.util.regex.Pattern RESERVATION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    @POST
    @Path("governed-datasets/{id}/budget/reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Reserve (epsilon, delta) from the dataset's budget directly (the protocol does this on generation.requested); "
            + "idempotent per reservationId; 409 budget-exhausted when it does not fit")
    public Uni<PrivacyBudgetView.Reservation> reserve(@PathParam("id") String id, @QueryParam("tenant") String tenant,
            ReservationRequest r) {
        if (r == null || r.reservationId() == null || r.reservationId().isBlank()) {
            throw new BadInputException("invalid-reservation", "reservationId, epsilon and delta are required");
        }
        if (!RESERVATION_ID.matcher(r.reservationId().strip()).matches()) {
            throw new BadInputException("invalid-reservation", "reservationId must be 1 to 100 letters, digits, '.', '_', ':' or '-' "
                    + "(the protocol uses the generation id)").detail("field", "reservationId");
        }
        io.synthline.governance.engine.budget.PrivacyAmount amount =
                io.synthline.governance.engine.budget.PrivacyAmount.requested(r.epsilon(), r.delta());
        String t = caller.actingTenant(tenant);
        return datasets.get(t, id).chain(d -> ledger.reserveNow(t, java.util.UUID.fromString(d.id()), r.reservationId().strip(), amount,
                caller.username()));
    }

    @POST
    @Path("budget/reservations/{reservationId}/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Charge a reservation with what was spent (body PrivacySpent, or empty to charge the reservation)")
    public Uni<PrivacyBudgetView.Reservation> commit(@PathParam("reservationId") String reservationId, @QueryParam("tenant") String tenant,
            io.synthline.commons.events.Payloads.PrivacySpent spent) {
        return ledger.commitNow(caller.actingTenant(tenant), reservationId, spent, caller.username());
    }

    @POST
    @Path("budget/reservations/{reservationId}/release")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Return a reservation to the budget (409 when already committed)")
    public Uni<PrivacyBudgetView.Reservation> release(@PathParam("reservationId") String reservationId,
            @QueryParam("tenant") String tenant, @QueryParam("reason") String reason) {
        return ledger.releaseNow(caller.actingTenant(tenant), reservationId, reason == null ? "released-by-api" : reason,
                caller.username());
    }

    // ------------------------------------------------------------------------------------ generations

    @GET
    @Path("governed-generations")
    @RolesAllowed({Roles.DATA_OWNER, Roles.DATA_SCIENTIST, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Generations with their decision and release status (filter by status, releaseStatus, datasetId)")
    public Uni<List<GovernedGenerationView>> generations(@QueryParam("status") String status,
            @QueryParam("releaseStatus") String releaseStatus, @QueryParam("datasetId") String datasetId,
            @QueryParam("limit") Integer limit) {
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > 1000) {
            throw new BadInputException("invalid-limit", "limit must be between 1 and 1000");
        }
        return generations.list(caller.tenant(), status, releaseStatus,
                datasetId == null ? null : NotFound.parseId("dataset", datasetId), max);
    }

    @GET
    @Path("governed-generations/{id}")
    @RolesAllowed({Roles.DATA_OWNER, Roles.DATA_SCIENTIST, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public Uni<GovernedGenerationView> generation(@PathParam("id") String id) {
        return generations.view(caller.tenant(), NotFound.parseId("generation", id))
                .onItem().ifNull().failWith(() -> new NotFound("generation", id));
    }

    @GET
    @Path("approvals")
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Generation requests waiting for a data owner's decision")
    public Uni<List<GovernedGenerationView>> approvals() {
        return generations.list(caller.tenant(), GenerationRepository.PENDING_APPROVAL, null, null, 1000);
    }

    @POST
    @Path("approvals/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Approve a pending generation (the dataset's owner or a tenant admin; justification required)")
    public Uni<GovernedGenerationView> approve(@PathParam("id") String id, GovernanceDecision decision) {
        return protocol.ownerApproves(caller.tenant(), NotFound.parseId("generation", id), caller.username(),
                caller.hasRole(Roles.TENANT_ADMIN), decision == null ? null : decision.justification()).chain(() -> generation(id));
    }

    @POST
    @Path("approvals/{id}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    public Uni<GovernedGenerationView> refuse(@PathParam("id") String id, GovernanceDecision decision) {
        return protocol.ownerRefuses(caller.tenant(), NotFound.parseId("generation", id), caller.username(),
                caller.hasRole(Roles.TENANT_ADMIN), decision == null ? null : decision.justification()).chain(() -> generation(id));
    }

    @POST
    @Path("releases/{id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Release a quarantined output (the dataset's owner or a tenant admin; written justification; audited)")
    public Uni<GovernedGenerationView> override(@PathParam("id") String id, GovernanceDecision decision) {
        return protocol.override(caller.tenant(), NotFound.parseId("generation", id), caller.username(),
                caller.hasRole(Roles.TENANT_ADMIN), decision == null ? null : decision.justification()).chain(() -> generation(id));
    }

    @POST
    @Path("releases/{id}/reevaluation")
    @RolesAllowed({Roles.DATA_OWNER, Roles.TENANT_ADMIN})
    @Operation(summary = "Re-evaluate a released output now with the evaluator's current suite (evaluation.requested); "
            + "a failing answer quarantines it")
    public Uni<RestResponse<ReevaluationView>> reevaluate(@PathParam("id") String id) {
        return monitoring.requestReevaluation(caller.tenant(), NotFound.parseId("generation", id), caller.username(),
                        caller.hasRole(Roles.TENANT_ADMIN))
                .map(requestId -> RestResponse.status(RestResponse.Status.ACCEPTED, new ReevaluationView(requestId, id)));
    }
}
