package io.synthline.governance.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.DatasetPolicyView;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.api.PrivacyBudgetView;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.events.ScoreNames;
import io.synthline.governance.engine.datacard.DataCard;
import io.synthline.governance.engine.lineage.LineageFacts;
import io.synthline.governance.engine.lineage.LineageGraph;
import io.synthline.governance.engine.lineage.OpenLineageExport;
import io.synthline.governance.repository.GenerationRepository;
import io.synthline.service.problem.NotFound;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lineage graphs, their OpenLineage export, and data cards of releases, from governance's records. */
@ApplicationScoped
public class LineageService {
    @Inject
    Pool pool;

    @Inject
    DatasetGovernance datasets;

    @Inject
    GenerationRepository generations;

    @Inject
    io.synthline.governance.repository.DatasetRepository tables;

    public Uni<LineageFacts.Snapshot> snapshot(String tenant, String datasetId) {
        return datasets.get(tenant, datasetId).chain(d -> {
            UUID id = UUID.fromString(d.id());
            return generations.list(tenant, null, null, id, 1000).chain(gens -> evaluations(tenant, id)
                    .chain(evals -> tables.tables(tenant, id)
                    .chain(inputs -> generations.outputTables(tenant, id)
                    .map(outputs -> new LineageFacts.Snapshot(new LineageFacts.Dataset(tenant, d.id(), d.name(), d.sha256(), d.rowCount(),
                            d.columnCount(), null, d.classification(), d.registeredAt(), d.profiledAt(), d.status(), inputs),
                            gens.reversed().stream().map(g -> fact(g, outputs.get(g.id()))).toList(), evals)))));
        });
    }

    public Uni<LineageGraph> datasetGraph(String tenant, String datasetId) {
        return snapshot(tenant, datasetId).map(LineageGraph::of);
    }

    /** The lineage of one generation: its dataset's graph restricted to that generation's branch. */
    public Uni<LineageGraph> generationGraph(String tenant, String generationId) {
        return generation(tenant, generationId).chain(g -> snapshot(tenant, g.datasetId()).map(s -> LineageGraph.of(
                new LineageFacts.Snapshot(s.dataset(), s.generations().stream().filter(x -> x.id().equals(g.id())).toList(),
                        s.evaluations().stream().filter(e -> e.generationId().equals(g.id())).toList()))));
    }

    public Uni<ArrayNode> openLineage(String tenant, String datasetId) {
        return snapshot(tenant, datasetId).map(OpenLineageExport::runEvents);
    }

    public Uni<DataCard> dataCard(String tenant, String generationId) {
        return generation(tenant, generationId).chain(g -> datasets.get(tenant, g.datasetId())
                .chain(d -> datasets.budget(tenant, g.datasetId()).chain(b -> tables.tables(tenant, UUID.fromString(d.id()))
                        .chain(t -> generations.outputTables(tenant, UUID.fromString(d.id())).map(o -> card(g, d, b, t, o.get(g.id())))))));
    }

    Uni<GovernedGenerationView> generation(String tenant, String generationId) {
        return generations.view(tenant, NotFound.parseId("generation", generationId))
                .onItem().ifNull().failWith(() -> new NotFound("generation", generationId));
    }

    static DataCard card(GovernedGenerationView g, DatasetPolicyView d, PrivacyBudgetView b) {
        return card(g, d, b, List.of(), null);
    }

    /**
     * @param tables  the source's tables when it is made of several (empty for one table)
     * @param outputs the tables the run wrote when it wrote several (null for one table)
     */
    static DataCard card(GovernedGenerationView g, DatasetPolicyView d, PrivacyBudgetView b,
            List<Payloads.TableSummary> tables, List<Payloads.GeneratedTable> outputs) {
        Map<String, Double> scores = GenerationRepository.scores(g.scores());
        boolean dp = g.epsilon() != null;
        // boxed on purpose: a conditional mixing double and Double unboxes, and null would throw
        Double epsilonSpent = g.privacySpent() != null ? Double.valueOf(g.privacySpent().path("epsilon").asDouble()) : dp ? g.epsilon() : null;
        Double deltaSpent = g.privacySpent() != null ? Double.valueOf(g.privacySpent().path("delta").asDouble()) : dp ? g.delta() : null;
        Double rho = g.privacySpent() != null && g.privacySpent().hasNonNull("rho") ? g.privacySpent().get("rho").asDouble() : null;
        List<String> mechanisms = new ArrayList<>();
        if (g.privacySpent() != null) {
            g.privacySpent().path("mechanisms").forEach(m -> mechanisms.add(m.asText()));
        }
        DataCard.Method method = new DataCard.Method(g.model(), g.rows(), g.seed(), g.requestedBy(), g.completedAt(), g.outputSha256(),
                outputs);
        DataCard.Privacy privacy = new DataCard.Privacy(dp, epsilonSpent, deltaSpent, rho, mechanisms.isEmpty() ? null : mechanisms,
                b.epsilonSpent(), b.epsilonRemaining(), Boolean.TRUE.equals(g.piiReplaced()));
        DataCard.Release release = new DataCard.Release(g.releaseStatus(), g.releaseReason(), g.releasedBy(), g.releasedAt());
        List<String> fairness = new ArrayList<>();
        Double gap = scores.get(ScoreNames.FAIRNESS_GAP);
        if (gap == null) {
            fairness.add("Fairness across protected groups was not measured.");
        } else {
            fairness.add(String.format(java.util.Locale.ROOT, "Largest fairness gap between protected groups: %.4f", gap));
        }
        String intended = g.purpose() != null ? g.purpose() : d.purpose();
        return new DataCard("Data card: synthetic " + (d.name() == null ? d.id() : d.name()), g.id(),
                new DataCard.Source(d.id(), d.name(), d.sha256(), d.rowCount(), d.classification(), d.owner(), d.legalBasis(), tables),
                method, privacy, scores, fairness, release, intended, DataCard.limitationsOf(method, privacy, scores, release),
                new DataCard.Retention(d.retention(), d.retainUntil()), Instant.now());
    }

    /** @param outputs the tables a run on several tables wrote, null for one table */
    static LineageFacts.Generation fact(GovernedGenerationView g, List<Payloads.GeneratedTable> outputs) {
        return new LineageFacts.Generation(g.id(), g.model(), g.rows(), g.seed(), g.epsilon(), g.delta(), g.status(), g.requestedBy(),
                g.requestedAt(), g.completedAt(), g.outputSha256(), g.releaseStatus(), g.releasedBy(), g.releasedAt(), g.releaseReason(),
                outputs);
    }

    Uni<List<LineageFacts.Evaluation>> evaluations(String tenant, UUID datasetId) {
        return pool.preparedQuery("SELECT evaluation_id, generation_id, status, scores, request_id, completed_at FROM governed_evaluation "
                        + "WHERE tenant = $1 AND dataset_id = $2 ORDER BY completed_at")
                .execute(Tuple.of(tenant, datasetId))
                .map(rows -> {
                    List<LineageFacts.Evaluation> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new LineageFacts.Evaluation(r.getString("evaluation_id"), r.getUUID("generation_id").toString(),
                            r.getString("status"), r.getString("scores") == null ? Map.of()
                                    : GenerationRepository.scores(io.synthline.commons.json.Json.read(r.getString("scores"),
                                            com.fasterxml.jackson.databind.JsonNode.class)),
                            r.getString("request_id"), r.getOffsetDateTime("completed_at").toInstant())));
                    return out;
                });
    }
}
