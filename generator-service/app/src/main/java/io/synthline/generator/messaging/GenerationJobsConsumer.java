package io.synthline.generator.messaging;

import io.smallrye.common.annotation.Blocking;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.generator.service.GenerationJobRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Picks up generation.requested events and runs the job on a worker thread; other generation events are ignored. */
@ApplicationScoped
public class GenerationJobsConsumer {
    @Inject
    GenerationJobRunner runner;

    @Incoming("generation-jobs")
    @Blocking
    public void consume(String json) {
        EventEnvelope event = EventEnvelope.fromJson(json);
        if (event.is(EventType.GENERATION_REQUESTED)) {
            runner.run(event);
        }
    }
}
