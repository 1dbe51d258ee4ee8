package io.synthline.governance.dashboard;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AccessGrantView;
import io.synthline.commons.api.AlertView;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DatasetPolicyView;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.api.GrantRequest;
import io.synthline.governance.engine.audit.ChainVerification;
import io.synthline.governance.repository.AccessRepository;
import io.synthline.governance.engine.datacard.DataCardRenderer;
import io.synthline.governance.repository.AlertRepository;
import io.synthline.governance.repository.AuditRepository;
import io.synthline.governance.repository.DatasetRepository;
import io.synthline.governance.repository.GenerationRepository;
import io.synthline.governance.service.Alerts;
import io.synthline.governance.service.AuditService;
import io.synthline.governance.service.BudgetLedger;
import io.synthline.governance.service.GenerationGovernance;
import io.synthline.governance.service.LineageService;
import io.synthline.service.problem.NotFound;
import io.synthline.service.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The compliance dashboard: server-rendered pages (Qute) with htmx for in-place updates. Every
 * page reads the same services as the API, scoped to the signed-in user's tenant; what a user can
 * see and do follows {@link DashboardUser}. State-changing requests must come from htmx (the
 * HX-Request header cannot be sent cross-site without CORS), on top of the SameSite session cookie.
 */
@Path("/dashboard")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@TemplateData(target = GovernedGenerationView.class)
@TemplateData(target = DatasetPolicyView.class)
@TemplateData(target = AuditEntryView.class)
@TemplateData(target = ChainVerification.class)
@TemplateData(target = ChainVerification.Break.class)
@TemplateData(target = AuditService.VerificationResult.class)
@TemplateData(target = AlertView.class)
@TemplateData(target = DashboardQueries.DatasetRow.class)
@TemplateData(target = DashboardQueries.EvaluationRow.class)
@TemplateData(target = DashboardUser.class)
@TemplateData(target = ScoreSummary.class)
@TemplateData(target = ScoreSummary.Score.class)
@TemplateData(target = DashboardQueries.TenantBudget.class)
@TemplateData(target = DashboardResource.CheckRow.class)
@TemplateData(target = AccessGrantView.class)
public class DashboardResource {
    @Inject
    Caller caller;

    @Inject
    DashboardQueries queries;

    @Inject
    GenerationRepository generations;

    @Inject
    DatasetRepository datasets;

    @Inject
    AuditService audit;

    @Inject
    AuditRepository auditRepository;

    @Inject
    AlertRepository alertRepository;

    @Inject
    Alerts alerts;

    @Inject
    GenerationGovernance protocol;

    @Inject
    LineageService lineage;

    @Inject
    BudgetLedger ledger;

    @Inject
    io.synthline.governance.service.Monitoring monitoring;

    @Inject
    EvidenceClient evidence;

    /** The signed-in user's access token (from the code flow session), sent to the services that own the evidence. */
    @Inject
    io.quarkus.oidc.AccessTokenCredential accessToken;

    @Location("dashboard/overview.html")
    Template overview;

    @Location("dashboard/datasets.html")
    Template datasetsPage;

    @Location("dashboard/generations.html")
    Template generationsPage;

    @Location("dashboard/evaluations.html")
    Template evaluationsPage;

    @Location("dashboard/approvals.html")
    Template approvalsPage;

    @Location("dashboard/approval-row.html")
    Template approvalRow;

    @Location("dashboard/audit.html")
    Template auditPage;

    @Location("dashboard/audit-rows.html")
    Template auditRows;

    @Location("dashboard/chain-status.html")
    Template chainStatus;

    @Location("dashboard/lineage.html")
    Template lineagePage;

    @Location("dashboard/alerts.html")
    Template alertsPage;

    @Location("dashboard/run.html")
    Template runPage;

    @Location("dashboard/dataset-policy.html")
    Template datasetPolicy;

    @Inject
    io.synthline.governance.service.DatasetGovernance datasetGovernance;

    @Inject
    AccessRepository access;

    /** Audit entries per dashboard page. */
    static final int AUDIT_PAGE = 100;

    DashboardUser user() {
        return new DashboardUser(caller.username(), caller.tenant(), caller.roles());
    }

    @GET
    public Uni<String> overview() {
        DashboardUser u = user();
        return queries.counts(u.tenant()).chain(c -> queries.tenantBudget(u.tenant()).chain(b -> (u.canSeeOversight()
                ? audit.verify(u.tenant()).map(v -> (Object) v) : Uni.createFrom().item((Object) null))
                .map(v -> overview.data("user", u).data("nav", "overview").data("counts", c).data("budget", b)
                        .data("defaultCap", ledger.defaultEpsilonCap().doubleValue()).data("chain", v).render())));
    }

    @GET
    @Path("datasets")
    public Uni<String> datasets() {
        DashboardUser u = user();
        return queries.datasets(u.tenant(), ledger.defaultEpsilonCap().doubleValue())
                .map(rows -> datasetsPage.data("user", u).data("nav", "datasets").data("datasets", rows)
                        .data("classifications", List.of("public", "internal", "confidential", "restricted")).render());
    }

    @GET
    @Path("generations")
    public Uni<String> generations(@QueryParam("status") String status) {
        DashboardUser u = user();
        return generations.list(u.tenant(), blank(status), null, null, 300)
                .map(rows -> generationsPage.data("user", u).data("nav", "generations").data("generations", rows)
                        .data("status", status == null ? "" : status)
                        .data("statuses", List.of(GenerationRepository.AWAITING_DATASET, GenerationRepository.PENDING_APPROVAL,
                                GenerationRepository.APPROVED, GenerationRepository.REFUSED, GenerationRepository.COMPLETED,
                                GenerationRepository.FAILED)).render());
    }

    @GET
    @Path("evaluations")
    public Uni<String> evaluations() {
        DashboardUser u = user();
        return queries.evaluations(u.tenant()).map(rows -> evaluationsPage.data("user", u).data("nav", "evaluations")
                .data("evaluations", rows).render());
    }

    @GET
    @Path("approvals")
    public Uni<String> approvals() {
        DashboardUser u = oversight();
        return generations.list(u.tenant(), GenerationRepository.PENDING_APPROVAL, null, null, 500).chain(pending ->
                generations.list(u.tenant(), null, GenerationRepository.RELEASE_QUARANTINED, null, 500).map(quarantined ->
                        approvalsPage.data("user", u).data("nav", "approvals").data("pending", pending)
                                .data("quarantined", quarantined).render()));
    }

    /**
     * htmx: approve, refuse or override; answers the replacement table row, with the status of
     * what happened (a refused decision shows its reason in the row with a 4xx status).
     */
    @POST
    @Path("approvals/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") String id, @PathParam("action") String action,
            @FormParam("justification") String justification, @HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins decide");
        }
        UUID gen = NotFound.parseId("generation", id);
        boolean admin = u.roles().contains(io.synthline.service.security.Roles.TENANT_ADMIN);
        Uni<Void> done = switch (action) {
            case "approve" -> protocol.ownerApproves(u.tenant(), gen, u.username(), admin, justification);
            case "refuse" -> protocol.ownerRefuses(u.tenant(), gen, u.username(), admin, justification);
            case "override" -> protocol.override(u.tenant(), gen, u.username(), admin, justification);
            default -> throw new BadInputException("invalid-action", "action must be approve, refuse or override");
        };
        return done.chain(() -> generations.view(u.tenant(), gen))
                .map(g -> html(200, approvalRow.data("g", g).data("user", u).data("done", action).data("error", null).render()))
                .onFailure(BadInputException.class).recoverWithUni(e -> generations.view(u.tenant(), gen).map(g -> {
                    BadInputException bad = (BadInputException) e;
                    // another tenant's or an unknown generation has no row to show: the error alone, as the API answers it
                    return g == null ? error(bad.status(), bad.getMessage())
                            : html(bad.status(), approvalRow.data("g", g).data("user", u).data("done", null).data("error", bad.getMessage())
                                    .render());
                }));
    }

    @GET
    @Path("audit")
    public Uni<String> audit(@QueryParam("type") String type, @QueryParam("actor") String actor, @QueryParam("subject") String subject,
            @QueryParam("outcome") String outcome, @QueryParam("before") Long before, @HeaderParam("HX-Request") String htmx) {
        DashboardUser u = oversight();
        Uni<List<AuditEntryView>> entries = auditRepository.newestFirst(new AuditRepository.Filter(u.tenant(), blank(subject), blank(type),
                blank(actor), blank(outcome), null, null, null, AUDIT_PAGE + 1), before);
        Map<String, String> filter = Map.of("type", nz(type), "actor", nz(actor), "subject", nz(subject), "outcome", nz(outcome));
        return entries.map(all -> {
            List<AuditEntryView> page = all.size() > AUDIT_PAGE ? all.subList(0, AUDIT_PAGE) : all;
            String next = all.size() > AUDIT_PAGE ? auditPageLink(filter, page.getLast().sequence()) : null;
            String first = before != null ? auditPageLink(filter, null) : null;
            if (htmx != null) {
                return auditRows.data("entries", page).data("next", next).render();
            }
            return auditPage.data("user", u).data("nav", "audit").data("entries", page).data("filter", filter).data("next", next)
                    .data("first", first).render();
        });
    }

    /** The audit page's link with the same filter, below {@code before} (null: the newest page). */
    static String auditPageLink(Map<String, String> filter, Long before) {
        StringBuilder q = new StringBuilder("/dashboard/audit?");
        filter.forEach((k, v) -> {
            if (!v.isBlank()) {
                q.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        if (before != null) {
            q.append("before=").append(before);
        }
        String link = q.toString();
        return link.endsWith("&") || link.endsWith("?") ? link.substring(0, link.length() - 1) : link;
    }

    /** htmx: recompute the chain now. */
    @POST
    @Path("audit/verify")
    public Uni<String> verifyChain(@HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = oversight();
        return audit.verify(u.tenant()).map(v -> chainStatus.data("v", v).render());
    }

    @GET
    @Path("lineage")
    public Uni<String> lineage(@QueryParam("dataset") String dataset) {
        DashboardUser u = user();
        return datasets.list(u.tenant()).chain(all -> {
            String chosen = blank(dataset) != null ? dataset : all.isEmpty() ? null : all.getFirst().id();
            if (chosen == null) {
                return Uni.createFrom().item(lineagePage.data("user", u).data("nav", "lineage").data("datasets", all)
                        .data("chosen", "").data("svg", "").render());
            }
            // a dataset uploaded by someone who is not a data owner has no owner yet
            String owner = all.stream().filter(d -> d.id().equals(chosen)).findFirst().map(DatasetPolicyView::owner).orElse(null);
            return lineage.datasetGraph(u.tenant(), chosen).map(g -> lineagePage.data("user", u).data("nav", "lineage")
                    .data("datasets", all).data("chosen", chosen).data("svg", LineageSvg.render(g, owner)).render());
        });
    }

    @GET
    @Path("alerts")
    public Uni<String> alerts() {
        DashboardUser u = oversight();
        return alertRepository.list(u.tenant(), false, 300)
                .map(rows -> alertsPage.data("user", u).data("nav", "alerts").data("alerts", rows).render());
    }

    @POST
    @Path("alerts/{id}/acknowledge")
    public Uni<String> acknowledge(@PathParam("id") String id, @HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins acknowledge alerts");
        }
        return alerts.acknowledge(u.tenant(), NotFound.parseId("alert", id), u.username(), "acknowledged in the dashboard")
                .map(acknowledged -> {
                    if (!acknowledged) {
                        // nothing changed and nothing was audited: not a success
                        throw new NotFound("open alert", id);
                    }
                    return "<span class=\"badge ok\">acknowledged by " + DataCardRenderer.esc(u.username()) + " at " + Instant.now()
                            + "</span>";
                });
    }

    /** One release-gate check as the run page shows it. */
    public record CheckRow(String label, String value, String needs, boolean passed) {
    }

    /** A run with everything governance knows of it: decision, release checks, every score of every evaluation, links. */
    @GET
    @Path("runs/{id}")
    public Uni<String> run(@PathParam("id") String id) {
        DashboardUser u = user();
        UUID gen = NotFound.parseId("generation", id);
        return generations.view(u.tenant(), gen).chain(g -> {
            if (g == null) {
                throw new NotFound("generation", id);
            }
            List<CheckRow> checks = new java.util.ArrayList<>();
            if (g.releaseChecks() != null) {
                g.releaseChecks().forEach(c -> {
                    ScoreSummary.Score sc = ScoreSummary.score(c.path("metric").asText(), c.get("value"));
                    checks.add(new CheckRow(sc.label(), sc.value(), ("max".equals(c.path("comparator").asText()) ? "at most " : "at least ")
                            + DashboardFormat.eps(c.path("threshold").asDouble()), c.path("passed").asBoolean()));
                });
            }
            return queries.evaluationsOf(u.tenant(), gen).map(evals -> runPage.data("user", u).data("nav", "generations").data("g", g)
                    .data("checks", checks).data("evaluations", evals).render());
        });
    }

    /** htmx: the dataset's owner (or a tenant admin) changes its classification, purpose, legal basis or retention. */
    @POST
    @Path("datasets/{id}/policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<String> updatePolicy(@PathParam("id") String id, @FormParam("classification") String classification,
            @FormParam("purpose") String purpose, @FormParam("legalBasis") String legalBasis, @FormParam("retention") String retention,
            @FormParam("justification") String justification, @HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins change a dataset's policy");
        }
        boolean admin = u.roles().contains(io.synthline.service.security.Roles.TENANT_ADMIN);
        return datasetGovernance.updatePolicy(u.tenant(), id, new io.synthline.commons.api.DatasetPolicyUpdate(null, blank(classification),
                        blank(purpose), blank(legalBasis), blank(retention), justification), u.username(), admin)
                .chain(v -> policyFragment(u, id, "saved", null))
                .onFailure(BadInputException.class).recoverWithUni(e -> policyFragment(u, id, null, e.getMessage()));
    }

    /** htmx: the dataset's owner (or a tenant admin) grants a user the right to request generations for a purpose. */
    @POST
    @Path("datasets/{id}/grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<String> grant(@PathParam("id") String id, @FormParam("grantee") String grantee, @FormParam("purpose") String purpose,
            @FormParam("expiresAt") String expiresAt, @HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins grant access");
        }
        boolean admin = u.roles().contains(io.synthline.service.security.Roles.TENANT_ADMIN);
        Instant until;
        try {
            until = blank(expiresAt) == null ? null : java.time.LocalDate.parse(expiresAt.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return policyFragment(u, id, null, "expiry must be a date like 2027-06-30");
        }
        return datasetGovernance.grant(u.tenant(), id, new GrantRequest(blank(grantee),
                        blank(purpose), until), u.username(), admin)
                .chain(gr -> policyFragment(u, id, "access granted to " + gr.grantee(), null))
                .onFailure(BadInputException.class).recoverWithUni(e -> policyFragment(u, id, null, e.getMessage()));
    }

    /** htmx: revoke a grant. */
    @POST
    @Path("datasets/{id}/grants/{grantee}/revoke")
    public Uni<String> revoke(@PathParam("id") String id, @PathParam("grantee") String grantee, @HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins revoke access");
        }
        boolean admin = u.roles().contains(io.synthline.service.security.Roles.TENANT_ADMIN);
        return datasetGovernance.revoke(u.tenant(), id, grantee, "revoked in the dashboard", u.username(), admin)
                .chain(n -> policyFragment(u, id, "access of " + grantee + " revoked", null))
                .onFailure(BadInputException.class).recoverWithUni(e -> policyFragment(u, id, null, e.getMessage()));
    }

    /** The edit panel of a dataset (policy and grants) after a change, with what happened. */
    private Uni<String> policyFragment(DashboardUser u, String id, String done, String error) {
        UUID uuid = NotFound.parseId("dataset", id);
        return datasets.find(u.tenant(), uuid).chain(d -> {
            if (d == null) {
                throw new NotFound("dataset", id);
            }
            return access.list(u.tenant(), uuid).map(grants -> datasetPolicy.data("d", d).data("grants", grants).data("user", u)
                    .data("classifications", List.of("public", "internal", "confidential", "restricted"))
                    .data("done", done).data("error", error).render());
        });
    }

    /** The edit panel of a dataset, opened from the datasets page. */
    @GET
    @Path("datasets/{id}/policy")
    public Uni<String> policyPanel(@PathParam("id") String id) {
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins change a dataset's policy");
        }
        return policyFragment(u, id, null, null);
    }

    /** The evaluator's HTML report of an evaluation, opened in the dashboard session (the API's link needs a bearer token). */
    @GET
    @Path("evaluations/{id}/report")
    public Uni<String> evaluationReport(@PathParam("id") String id) {
        user();
        return evidence.evaluationReport(accessToken.getToken(), id);
    }

    /** The report of a run's evaluation (the newest one governance recorded for it). */
    @GET
    @Path("runs/{id}/report")
    public Uni<jakarta.ws.rs.core.Response> runReport(@PathParam("id") String id) {
        DashboardUser u = user();
        return generations.view(u.tenant(), NotFound.parseId("generation", id)).map(g -> {
            if (g == null) {
                throw new NotFound("generation", id);
            }
            if (g.evaluationId() == null) {
                throw new BadInputException("not-evaluated", 404, "run " + id + " has no evaluation yet: the platform evaluates a run once it completes");
            }
            return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/dashboard/evaluations/" + g.evaluationId() + "/report")).build();
        });
    }

    /** The profiler's HTML profile of a dataset, opened in the dashboard session. */
    @GET
    @Path("datasets/{id}/profile")
    public Uni<String> datasetProfile(@PathParam("id") String id) {
        user();
        return evidence.profile(accessToken.getToken(), id);
    }

    /** The data card of a release, for everyone who sees the runs (the API's link needs a bearer token). */
    @GET
    @Path("releases/{id}/datacard")
    public Uni<String> dataCard(@PathParam("id") String id) {
        DashboardUser u = user();
        return lineage.dataCard(u.tenant(), id).map(DataCardRenderer::html);
    }

    /** htmx: the dataset's owner or a tenant admin asks for a released output to be re-evaluated now. */
    @POST
    @Path("releases/{id}/reevaluate")
    public Uni<String> reevaluate(@PathParam("id") String id, @HeaderParam("HX-Request") String htmx) {
        requireHtmx(htmx);
        DashboardUser u = user();
        if (!u.canDecide()) {
            throw new ForbiddenException("only data owners and tenant admins ask for re-evaluations");
        }
        boolean admin = u.roles().contains(io.synthline.service.security.Roles.TENANT_ADMIN);
        return monitoring.requestReevaluation(u.tenant(), NotFound.parseId("generation", id), u.username(), admin)
                .map(requestId -> "<span class=\"badge ok\">re-evaluation requested</span>");
    }

    /**
     * Errors of dashboard requests are HTML with their real status (htmx swaps 4xx answers in as
     * errors, see layout.html), not a success page carrying an error text and not a problem
     * document a browser would show raw.
     */
    @ServerExceptionMapper
    public Response badInput(BadInputException e) {
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, e.getMessage() == null || e.getMessage().isBlank() ? "your roles do not allow this" : e.getMessage());
    }

    static Response error(int status, String message) {
        return html(status, "<span class=\"badge bad\" role=\"alert\">" + DataCardRenderer.esc(message) + "</span>");
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    @GET
    @Path("signed-out")
    @jakarta.annotation.security.PermitAll
    public String signedOut() {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Signed out</title><link rel=\"stylesheet\" "
                + "href=\"/dashboard/assets/dashboard.css\"></head><body><main><h1>Signed out</h1><p><a href=\"/dashboard\">Sign in again</a></p>"
                + "</main></body></html>";
    }

    private DashboardUser oversight() {
        DashboardUser u = user();
        if (!u.canSeeOversight()) {
            throw new ForbiddenException("this page is for data owners, tenant admins and auditors");
        }
        return u;
    }

    private static void requireHtmx(String header) {
        if (!"true".equals(header)) {
            throw new BadInputException("htmx-required", 403, "state-changing dashboard requests must come from the dashboard page");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
