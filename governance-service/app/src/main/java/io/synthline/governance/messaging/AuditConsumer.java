package io.synthline.governance.messaging;

import io.smallrye.mutiny.Uni;
import io.synthline.governance.service.AuditService;
import io.synthline.service.messaging.EventHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records every event of every topic. The record is acknowledged (and its offset later committed)
 * only after the entry's transaction committed; failures are retried rather than dead-lettered; the
 * unique event id turns redeliveries into no-ops: nothing lost, nothing doubled. Events of different
 * topics arrive in no guaranteed order; one whose cause is not in the chain yet waits for it
 * (AuditService#append), so the chain reads in the order things happened.
 */
@ApplicationScoped
public class AuditConsumer {
    static final String CONSUMER = "governance-audit";
    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);

    @Inject
    AuditService audit;

    @Inject
    EventHandling handling;

    @Incoming("all-events")
    public Uni<Void> consume(String json) {
        return handling.handle(CONSUMER, json, event -> audit.append(event).invoke(added -> {
            if (!added) {
                LOG.debugf("event %s already audited, or waits for its cause", event.id());
            }
        }));
    }
}
