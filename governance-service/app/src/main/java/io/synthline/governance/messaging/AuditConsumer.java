package io.synthline.governance.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.governance.service.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records every event of every topic. The Kafka offset is committed only after the insert
 * commits (the message is acknowledged when the returned Uni completes), and the unique event id
 * turns redeliveries into no-ops: nothing lost, nothing doubled.
 */
@ApplicationScoped
public class AuditConsumer {
    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);

    @Inject
    AuditService audit;

    @Incoming("all-events")
    public Uni<Void> consume(String json) {
        EventEnvelope event = EventEnvelope.fromJson(json);
        return Panache.withTransaction(() -> audit.append(event))
                .invoke(added -> {
                    if (!added) {
                        LOG.debugf("event %s already audited", event.id());
                    }
                })
                .replaceWithVoid();
    }
}
