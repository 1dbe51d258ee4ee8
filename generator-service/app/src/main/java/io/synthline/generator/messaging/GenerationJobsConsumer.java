package io.synthline.generator.messaging;

import io.smallrye.common.annotation.Blocking;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.generator.service.GenerationDecisions;
import io.synthline.generator.service.GenerationJobRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The generator's half of the generation protocol (docs/governance-protocol.md), on the
 * generation topic. Without approval ({@code synthline.generator.require-approval=false}) a job
 * runs on its own generation.requested; with it only on governance's generation.approved, a
 * refusal marks it REFUSED and a pending approval PENDING_APPROVAL. Release decisions are
 * recorded either way; downloads honour them when approval is required.
 */
@ApplicationScoped
public class GenerationJobsConsumer {
    @Inject
    GenerationJobRunner runner;

    @Inject
    GenerationDecisions decisions;

    @ConfigProperty(name = "synthline.generator.require-approval")
    boolean requireApproval;

    @Incoming("generation-jobs")
    @Blocking
    public void consume(String json) {
        EventEnvelope event = EventEnvelope.fromJson(json);
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case GENERATION_REQUESTED -> {
                if (!requireApproval) {
                    runner.run(event, UUID.fromString(event.dataAs(Payloads.GenerationRequested.class).generationId()));
                }
            }
            case GENERATION_APPROVED -> {
                if (requireApproval) {
                    runner.run(event, UUID.fromString(event.dataAs(Payloads.GenerationApproved.class).generationId()));
                }
            }
            case GENERATION_REFUSED -> {
                Payloads.GenerationRefused r = event.dataAs(Payloads.GenerationRefused.class);
                decisions.refused(event.id(), UUID.fromString(r.generationId()), r.reason(), r.violations());
            }
            case GENERATION_APPROVAL_PENDING ->
                    decisions.pending(event.id(), UUID.fromString(event.dataAs(Payloads.GenerationApprovalPending.class).generationId()));
            case RELEASE_APPROVED -> decisions.release(event.id(),
                    UUID.fromString(event.dataAs(Payloads.ReleaseApproved.class).generationId()), "RELEASED");
            case RELEASE_QUARANTINED -> decisions.release(event.id(),
                    UUID.fromString(event.dataAs(Payloads.ReleaseQuarantined.class).generationId()), "QUARANTINED");
            case RELEASE_OVERRIDDEN -> decisions.release(event.id(),
                    UUID.fromString(event.dataAs(Payloads.ReleaseOverridden.class).generationId()), "OVERRIDDEN");
            default -> {
            }
        }
    }
}
