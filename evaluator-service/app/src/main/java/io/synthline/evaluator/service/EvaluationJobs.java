package io.synthline.evaluator.service;

import io.synthline.commons.concurrent.Parallel;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.EvaluationView;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.evaluator.config.EvaluatorConfig;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.EvaluationSummary;
import io.synthline.evaluator.engine.report.Html;
import io.synthline.evaluator.repository.DatasetProfileEntity;
import io.synthline.evaluator.repository.EvaluationEntity;
import io.synthline.service.config.ServiceConfig;
import io.synthline.service.jobs.Job;
import io.synthline.service.jobs.JobHandler;
import io.synthline.service.jobs.JobLease;
import io.synthline.service.jobs.JobQueue;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.persistence.BlockingTx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs a PENDING evaluation on a job worker: quality, accuracy, detection, utility, privacy and
 * fairness, with label and sensitive columns from the dataset profile, on at most
 * {@code synthline.evaluator.max-rows} rows per table. The documents go to the store first; the
 * evaluation's row and its event are written in one transaction with the job's completion only after
 * that, so a crash leaves at most an unreferenced file, never a row without its report, and a job
 * taken over by another replica is recorded once.
 */
@ApplicationScoped
public class EvaluationJobs implements JobHandler {
    public static final String KIND = "evaluation";
    private static final Logger LOG = Logger.getLogger(EvaluationJobs.class);

    @Inject
    DatasetStore store;

    @Inject
    ServiceConfig service;

    @Inject
    EvaluatorConfig config;

    /** Worker threads per evaluation: all cores unless set. */
    private int workers() {
        return config.threads() > 0 ? config.threads() : Parallel.defaultThreads();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobLease lease) {
        UUID evaluationId = UUID.fromString(job.key());
        EvaluationEntity e = BlockingTx.inSession(() -> EvaluationEntity.<EvaluationEntity>findById(evaluationId));
        if (e == null || !EvaluationService.PENDING.equals(e.status)) {
            return;
        }
        EventEnvelope trigger = EventEnvelope.fromJson(job.payload());
        DatasetProfileEntity profile = BlockingTx.inSession(() -> DatasetProfileEntity.<DatasetProfileEntity>findById(e.datasetId)
                .map(p -> p != null && p.tenant.equals(e.tenant) ? p : null));
        long started = System.nanoTime();
        Outcome outcome;
        try {
            if (e.sourceKey == null || e.outputKey == null) {
                throw new BadInputException("nothing-to-evaluate", "generation " + e.generationId + ": no source or synthetic file to evaluate"
                        + " (the request names none and the generation was never evaluated)");
            }
            EvaluationRun.Job what = new EvaluationRun.Job(e.sourceKey, e.outputKey, e.holdoutKey, e.seed == null ? 0 : e.seed);
            EvaluationRun.Outcome result = io.synthline.commons.relational.StoredRelational.isRelational(e.sourceKey)
                    ? EvaluationRun.evaluateTables(store, what, workers())
                    : EvaluationRun.evaluate(store, what, profile == null ? null : profile.schemaJson,
                            profile == null ? null : profile.profileJson, sectionSet(), config.maxRows(), workers());
            EvaluationDocument doc = result.document();
            String reportKey = EvaluationRun.store(store, e.tenant,
                    new Html.Subject(evaluationId.toString(), e.generationId.toString(), e.datasetId.toString()), doc);
            outcome = new Outcome(doc, EvaluationSummary.of(doc), result.settings(), reportKey, null);
        } catch (BadInputException | IOException | UncheckedIOException ex) {
            outcome = new Outcome(null, null, null, null, ex.getMessage());
        }
        Outcome done = outcome;
        BlockingTx.inTransaction(() -> lease.finish().chain(() -> EvaluationEntity.<EvaluationEntity>findById(evaluationId))
                .chain(row -> record(row, trigger.actor(), done)));
        LOG.infof("evaluation %s of generation %s%s: %s, quality %s, %d ms", evaluationId, e.generationId,
                e.requestId == null ? "" : " (request " + e.requestId + ")", done.error() == null ? "COMPLETED" : "FAILED",
                done.document() == null ? null : done.summary().get(io.synthline.commons.events.ScoreNames.FIDELITY),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public Uni<Void> giveUp(Job job, String reason) {
        String actor = EventEnvelope.fromJson(job.payload()).actor();
        return EvaluationEntity.<EvaluationEntity>findById(UUID.fromString(job.key())).chain(row -> row == null
                || !EvaluationService.PENDING.equals(row.status) ? Uni.createFrom().voidItem()
                : record(row, actor, new Outcome(null, null, null, null, "evaluation " + reason)));
    }

    /** What one run produced: a document (completed) or an error (failed). */
    private record Outcome(EvaluationDocument document, Map<String, Double> summary, EvaluationView.Settings settings, String reportKey,
            String error) {
    }

    private Uni<Void> record(EvaluationEntity e, String actor, Outcome o) {
        EventEnvelope event;
        String subject = "evaluations/" + e.id;
        if (o.error() == null) {
            e.status = "COMPLETED";
            e.reportKey = o.reportKey();
            var tables = o.document().relational() == null ? null : o.document().relational().quality();
            e.overallScore = o.document().quality() != null ? o.document().quality().score() : tables != null ? tables.score() : null;
            e.resultJson = Json.write(o.document());
            e.propertiesJson = o.document().quality() != null ? Json.write(o.document().quality().properties())
                    : tables != null ? Json.write(tables.properties()) : null;
            e.summaryJson = Json.write(o.summary());
            e.optionsJson = Json.write(o.settings());
            event = EventEnvelope.create(service.source(), EventType.EVALUATION_COMPLETED, subject, e.tenant, actor,
                    new Payloads.EvaluationCompleted(e.id.toString(), e.generationId.toString(), e.datasetId.toString(), o.summary(),
                            e.reportKey, e.requestId, EvaluationSummary.notMeasured(o.document(), o.summary())));
        } else {
            e.status = "FAILED";
            e.error = o.error();
            event = EventEnvelope.create(service.source(), EventType.EVALUATION_FAILED, subject, e.tenant, actor,
                    new Payloads.EvaluationFailed(e.id.toString(), e.generationId.toString(), o.error(), e.requestId));
        }
        return Outbox.enqueue(event).replaceWithVoid();
    }

    /** Why a pending evaluation has no result yet, from its job's state. */
    static String waiting(JobQueue.State job) {
        return "evaluation " + (job == null ? "pending" : job.explain("evaluations"));
    }

    private Set<EvaluationOptions.Section> sectionSet() {
        Set<EvaluationOptions.Section> set = EnumSet.noneOf(EvaluationOptions.Section.class);
        for (String s : config.sections()) {
            set.add(EvaluationOptions.Section.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        }
        return set;
    }
}
