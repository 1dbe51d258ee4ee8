package io.synthline.evaluator.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.EvaluationSummary;
import io.synthline.evaluator.repository.DatasetProfileEntity;
import io.synthline.evaluator.repository.EvaluationEntity;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import io.synthline.service.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Evaluates a completed generation: quality, accuracy, detection, utility, privacy and fairness,
 * with label and sensitive columns from the dataset profile. Idempotent: one evaluation per
 * generation, whatever the redeliveries. The documents go to the store first; the database row and
 * the outbox event are written in one transaction only after that, so a crash leaves at most an
 * unreferenced file, never a row without its report.
 */
@ApplicationScoped
public class EvaluationService {
    public static final String CONSUMER = "evaluator-generations";
    public static final String REQUESTS_CONSUMER = "evaluator-requests";
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);

    @Inject
    DatasetStore store;

    @ConfigProperty(name = "synthline.service.source")
    String source;

    @ConfigProperty(name = "synthline.evaluator.sections")
    List<String> sections;

    /** Blocking. Evaluates a completed generation, once whatever the redeliveries. */
    public void evaluate(EventEnvelope completedEvent) {
        Payloads.GenerationCompleted done = completedEvent.dataAs(Payloads.GenerationCompleted.class);
        run(completedEvent, CONSUMER, done.generationId(), done.datasetId(), null, previous -> EvaluationRun.Job.of(done));
    }

    /**
     * Blocking. Answers governance's evaluation.requested (scheduled or manual re-evaluation) with
     * evaluation.completed or evaluation.failed carrying the request id, once per request. The output
     * is measured as its first evaluation measured it (same holdout, same seed) with today's metrics
     * and attacks, so a change in the scores is a change in what we measure, not in the sampling.
     */
    public void reevaluate(EventEnvelope requestEvent) {
        Payloads.EvaluationRequested r = requestEvent.dataAs(Payloads.EvaluationRequested.class);
        if (r.requestId() == null || r.requestId().isBlank()) {
            throw new BadInputException("missing-request-id", "evaluation.requested " + requestEvent.id() + " carries no requestId");
        }
        run(requestEvent, REQUESTS_CONSUMER, r.generationId(), r.datasetId(), r.requestId(), previous -> new EvaluationRun.Job(
                r.sourceStorageKey() != null ? r.sourceStorageKey() : previous == null ? null : previous.sourceKey,
                r.outputStorageKey() != null ? r.outputStorageKey() : previous == null ? null : previous.outputKey,
                previous == null ? null : previous.holdoutKey,
                previous == null || previous.seed == null ? 0 : previous.seed));
    }

    private void run(EventEnvelope trigger, String consumer, String generationIdText, String datasetIdText, String requestId,
            Function<EvaluationEntity, EvaluationRun.Job> jobOf) {
        UUID generationId = UUID.fromString(generationIdText);
        String tenant = trigger.tenant();
        boolean known = BlockingTx.inTransaction(() -> EvaluationEntity.exists(tenant, generationId, requestId));
        if (known) {
            BlockingTx.inTransaction(() -> Inbox.firstDelivery(consumer, trigger.id()));
            return;
        }
        EvaluationEntity previous = requestId == null ? null
                : BlockingTx.inTransaction(() -> EvaluationEntity.latestOf(tenant, generationId));
        EvaluationRun.Job job = jobOf.apply(previous);
        DatasetProfileEntity profile = BlockingTx.inTransaction(() -> DatasetProfileEntity.<DatasetProfileEntity>findById(
                UUID.fromString(datasetIdText)).map(p -> p != null && p.tenant.equals(tenant) ? p : null));
        UUID evaluationId = UUID.randomUUID();
        EvaluationEntity e = new EvaluationEntity();
        e.id = evaluationId;
        e.tenant = tenant;
        e.generationId = generationId;
        e.datasetId = UUID.fromString(datasetIdText);
        e.requestId = requestId;
        e.sourceKey = job.sourceKey();
        e.outputKey = job.outputKey();
        e.holdoutKey = job.holdoutKey();
        e.seed = job.seed();
        e.createdAt = Instant.now();
        EventEnvelope outcome;
        long started = System.nanoTime();
        try {
            if (job.sourceKey() == null || job.outputKey() == null) {
                throw new BadInputException("nothing-to-evaluate", "generation " + generationIdText + ": no source or synthetic file to evaluate"
                        + " (the request names none and the generation was never evaluated)");
            }
            EvaluationRun.Outcome result = EvaluationRun.evaluate(store, job, profile == null ? null : profile.schemaJson,
                    profile == null ? null : profile.profileJson, sectionSet());
            EvaluationDocument doc = result.document();
            Map<String, Double> summary = EvaluationSummary.of(doc);
            e.reportKey = EvaluationRun.store(store, e.tenant,
                    new io.synthline.evaluator.engine.report.Html.Subject(evaluationId.toString(), generationIdText, datasetIdText), doc);
            e.status = "COMPLETED";
            e.overallScore = doc.quality() == null ? null : doc.quality().score();
            e.resultJson = Json.write(doc);
            e.summaryJson = Json.write(summary);
            e.optionsJson = Json.write(result.settings());
            outcome = EventEnvelope.create(source, EventType.EVALUATION_COMPLETED, "evaluations/" + evaluationId,
                    e.tenant, trigger.actor(), new Payloads.EvaluationCompleted(evaluationId.toString(),
                            generationIdText, datasetIdText, summary, e.reportKey, requestId,
                            EvaluationSummary.notMeasured(doc, summary)));
        } catch (BadInputException | IOException | UncheckedIOException ex) {
            e.status = "FAILED";
            e.error = ex.getMessage();
            outcome = EventEnvelope.create(source, EventType.EVALUATION_FAILED, "evaluations/" + evaluationId,
                    e.tenant, trigger.actor(), new Payloads.EvaluationFailed(evaluationId.toString(),
                            generationIdText, ex.getMessage(), requestId));
        }
        EventEnvelope event = outcome;
        boolean stored = BlockingTx.inTransaction(() -> Inbox.firstDelivery(consumer, trigger.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return EvaluationEntity.exists(tenant, generationId, requestId).chain(existing -> existing
                    ? Uni.createFrom().item(false)
                    : e.persist().call(() -> Outbox.enqueue(event)).replaceWith(true));
        }));
        if (stored) {
            LOG.infof("evaluation %s of generation %s%s: %s, quality %s, %d ms", evaluationId, generationIdText,
                    requestId == null ? "" : " (request " + requestId + ")", e.status, e.overallScore,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Set<EvaluationOptions.Section> sectionSet() {
        Set<EvaluationOptions.Section> set = EnumSet.noneOf(EvaluationOptions.Section.class);
        for (String s : sections) {
            set.add(EvaluationOptions.Section.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        }
        return set;
    }

    public Uni<EvaluationResult> get(String tenant, String id) {
        return find(tenant, id).map(e -> toResult(e, true));
    }

    /** The stored HTML report of an evaluation (a local file of a few hundred kB, read in place). */
    public Uni<String> report(String tenant, String id) {
        return find(tenant, id).map(e -> {
            if (e.reportKey == null) {
                throw new NotFound("report of evaluation", id);
            }
            String key = e.reportKey.substring(0, e.reportKey.lastIndexOf('/') + 1) + "report.html";
            try (var in = store.open(key)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private Uni<EvaluationEntity> find(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("evaluation", id))
                .chain(uuid -> EvaluationEntity.findForTenant(tenant, uuid)).onItem().ifNull().failWith(() -> new NotFound("evaluation", id));
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
        return EvaluationEntity.listForTenant(tenant, gen).map(l -> l.stream().map(e -> toResult(e, false)).toList());
    }

    static EvaluationResult toResult(EvaluationEntity e, boolean withDocument) {
        EvaluationDocument doc = e.resultJson == null ? null : Json.read(e.resultJson, EvaluationDocument.class);
        Map<String, Double> summary = e.summaryJson == null ? null
                : Json.mapper().convertValue(Json.read(e.summaryJson, Map.class), new TypeReference<Map<String, Double>>() { });
        EvaluationRun.Settings settings = e.optionsJson == null ? null : Json.read(e.optionsJson, EvaluationRun.Settings.class);
        return new EvaluationResult(e.id.toString(), e.generationId.toString(), e.datasetId.toString(), e.requestId, e.status,
                e.overallScore, doc == null || doc.quality() == null ? null : doc.quality().properties(), summary, settings,
                e.error, e.createdAt, withDocument ? doc : null);
    }
}
