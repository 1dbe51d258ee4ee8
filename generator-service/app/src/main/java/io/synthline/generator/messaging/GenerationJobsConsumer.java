package io.synthline.generator.messaging;

import io.smallrye.common.annotation.Blocking;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.generator.service.GenerationJobRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts jobs from the generation topic. Without the governance protocol a job runs on its own
 * generation.requested; with it ({@code synthline.generator.require-approval=true}) only on
 * governance's approval. Other generation events are ignored.
 */
@ApplicationScoped
public class GenerationJobsConsumer {
    @Inject
    GenerationJobRunner runner;

    @ConfigProperty(name = "synthline.generator.require-approval")
    boolean requireApproval;

    @Incoming("generation-jobs")
    @Blocking
    public void consume(String json) {
        EventEnvelope event = EventEnvelope.fromJson(json);
        if (event.is(EventType.GENERATION_REQUESTED) && !requireApproval) {
            runner.run(event, UUID.fromString(event.dataAs(Payloads.GenerationRequested.class).generationId()));
        }
    }
}
