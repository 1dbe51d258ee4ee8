package io.synthline.evaluator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.ColumnShapeScore;
import io.synthline.evaluator.engine.ColumnShapes;
import io.synthline.evaluator.repository.EvaluationEntity;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import io.synthline.service.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Evaluates a completed generation. Idempotent: one evaluation per generation, whatever the redeliveries. */
@ApplicationScoped
public class EvaluationService {
    static final String CONSUMER = "evaluator-generations";
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);

    @Inject
    DatasetStore store;

    @ConfigProperty(name = "synthline.service.source")
    String source;

    /** Blocking. */
    public void evaluate(EventEnvelope completedEvent) {
        Payloads.GenerationCompleted done = completedEvent.dataAs(Payloads.GenerationCompleted.class);
        UUID evaluationId = UUID.randomUUID();
        EvaluationEntity e = new EvaluationEntity();
        e.id = evaluationId;
        e.tenant = completedEvent.tenant();
        e.generationId = UUID.fromString(done.generationId());
        e.datasetId = UUID.fromString(done.datasetId());
        e.createdAt = Instant.now();
        EventEnvelope outcome;
        try {
            Table real = CsvTableReader.read(store.localPath(done.sourceStorageKey()));
            Table synthetic = CsvTableReader.read(store.localPath(done.outputStorageKey()), CsvOptions.defaults(), real.schema());
            List<ColumnShapeScore> shapes = ColumnShapes.evaluate(real, synthetic);
            double columnShapes = ColumnShapes.average(shapes);
            Map<String, Double> properties = new LinkedHashMap<>();
            properties.put("Column Shapes", columnShapes);
            e.status = "COMPLETED";
            e.overallScore = columnShapes;
            e.resultJson = Json.write(Map.of("properties", properties, "columnShapes", shapes));
            outcome = EventEnvelope.create(source, EventType.EVALUATION_COMPLETED, "evaluations/" + evaluationId,
                    e.tenant, completedEvent.actor(), new Payloads.EvaluationCompleted(evaluationId.toString(),
                            done.generationId(), done.datasetId(), properties, null));
        } catch (BadInputException | IOException ex) {
            e.status = "FAILED";
            e.error = ex.getMessage();
            outcome = EventEnvelope.create(source, EventType.EVALUATION_FAILED, "evaluations/" + evaluationId,
                    e.tenant, completedEvent.actor(), new Payloads.EvaluationFailed(evaluationId.toString(),
                            done.generationId(), ex.getMessage()));
        }
        EventEnvelope event = outcome;
        boolean stored = BlockingTx.inTransaction(() -> Inbox.firstDelivery(CONSUMER, completedEvent.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return EvaluationEntity.count("generationId", e.generationId).chain(existing -> existing > 0
                    ? Uni.createFrom().item(false)
                    : e.persist().call(() -> Outbox.enqueue(event)).replaceWith(true));
        }));
        if (stored) {
            LOG.infof("evaluation %s of generation %s: %s, score %s", evaluationId, done.generationId(), e.status, e.overallScore);
        }
    }

    public Uni<EvaluationResult> get(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("evaluation", id))
                .chain(uuid -> EvaluationEntity.findForTenant(tenant, uuid)).onItem().ifNull().failWith(() -> new NotFound("evaluation", id))
                .map(EvaluationService::toResult);
    }

    public Uni<List<EvaluationResult>> list(String tenant, String generationId) {
        UUID gen = null;
        if (generationId != null) {
            try {
                gen = UUID.fromString(generationId);
            } catch (IllegalArgumentException ex) {
                return Uni.createFrom().item(List.of());
            }
        }
        return EvaluationEntity.listForTenant(tenant, gen).map(l -> l.stream().map(EvaluationService::toResult).toList());
    }

    static EvaluationResult toResult(EvaluationEntity e) {
        Map<String, Double> properties = null;
        List<ColumnShapeScore> shapes = null;
        if (e.resultJson != null) {
            Stored stored = Json.read(e.resultJson, Stored.class);
            properties = stored.properties();
            shapes = stored.columnShapes();
        }
        return new EvaluationResult(e.id.toString(), e.generationId.toString(), e.datasetId.toString(), e.status,
                e.overallScore, properties, shapes, e.error, e.createdAt);
    }

    record Stored(Map<String, Double> properties, List<ColumnShapeScore> columnShapes) {
    }
}
