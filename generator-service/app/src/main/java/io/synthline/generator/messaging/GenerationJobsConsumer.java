package io.synthline.generator.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.generator.config.GeneratorConfig;
import io.synthline.generator.service.GenerationDecisions;
import io.synthline.generator.service.GenerationJobRunner;
import io.synthline.service.jobs.JobQueue;
import io.synthline.service.jobs.JobWorkers;
import io.synthline.service.messaging.EventHandling;
import io.synthline.service.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The generator's half of the generation protocol (docs/governance-protocol.md), on the
 * generation topic. Without approval ({@code synthline.generator.require-approval=false}) a job
 * runs on its own generation.requested; with it only on governance's generation.approved, a
 * refusal marks it REFUSED and a pending approval PENDING_APPROVAL. A differentially private
 * request always waits for the approval, which carries the reservation of its (epsilon, delta)
 * from the dataset's budget; the run then fits with exactly that amount. Release decisions are
 * recorded either way; downloads honour them when approval is required.
 */
@ApplicationScoped
public class GenerationJobsConsumer {
    @Inject
    GenerationDecisions decisions;

    @Inject
    GeneratorConfig config;

    @Inject
    EventHandling handling;

    @Inject
    JobQueue jobs;

    @Inject
    JobWorkers workers;

    /**
     * Runs on the event loop like every consumer whose handling is database work only (ADR 0005);
     * retries of a transient failure (the database being unavailable) too. A job is only queued
     * here, in one short transaction with the inbox marker: it runs on a job worker
     * ({@link GenerationJobRunner}), so a long run never holds the partition.
     */
    @Incoming("generation-jobs")
    public Uni<Void> consume(String json) {
        return handling.handle(GenerationJobRunner.CONSUMER, json, this::handle);
    }

    private Uni<Void> queue(EventEnvelope trigger, String generationId) {
        return Panache.withTransaction(() -> Inbox.firstDelivery(GenerationJobRunner.CONSUMER, trigger.id())
                        .chain(first -> first ? jobs.enqueue(GenerationJobRunner.KIND, generationId, trigger.tenant(), trigger.toJson())
                                : Uni.createFrom().item(false)))
                .invoke(queued -> {
                    if (queued) {
                        workers.wake(GenerationJobRunner.KIND);
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> handle(EventEnvelope event) {
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case GENERATION_REQUESTED -> {
                Payloads.GenerationRequested r = event.dataAs(Payloads.GenerationRequested.class);
                // a differentially private run always waits for governance's reservation of its budget
                yield !config.requireApproval() && r.privacy() == null ? queue(event, r.generationId()) : Uni.createFrom().voidItem();
            }
            case GENERATION_APPROVED -> {
                Payloads.GenerationApproved a = event.dataAs(Payloads.GenerationApproved.class);
                yield config.requireApproval() || a.reservation() != null ? queue(event, a.generationId()) : Uni.createFrom().voidItem();
            }
            case GENERATION_REFUSED -> {
                Payloads.GenerationRefused r = event.dataAs(Payloads.GenerationRefused.class);
                yield decisions.refused(event.id(), UUID.fromString(r.generationId()), r.reason(), r.violations());
            }
            case GENERATION_APPROVAL_PENDING ->
                    decisions.pending(event.id(), UUID.fromString(event.dataAs(Payloads.GenerationApprovalPending.class).generationId()));
            case RELEASE_APPROVED -> decisions.release(event.id(),
                    UUID.fromString(event.dataAs(Payloads.ReleaseApproved.class).generationId()), "RELEASED");
            case RELEASE_QUARANTINED -> decisions.release(event.id(),
                    UUID.fromString(event.dataAs(Payloads.ReleaseQuarantined.class).generationId()), "QUARANTINED");
            case RELEASE_OVERRIDDEN -> decisions.release(event.id(),
                    UUID.fromString(event.dataAs(Payloads.ReleaseOverridden.class).generationId()), "OVERRIDDEN");
            default -> Uni.createFrom().voidItem();
        };
    }
}
