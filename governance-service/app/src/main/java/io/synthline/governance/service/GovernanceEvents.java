package io.synthline.governance.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.service.config.ServiceConfig;
import io.synthline.service.outbox.Outbox;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Governance's own events, written to the outbox in the caller's transaction (and audited when consumed back). */
@ApplicationScoped
public class GovernanceEvents {
    @Inject
    ServiceConfig service;

    public Uni<EventEnvelope> publish(SqlConnection conn, EventType type, String subject, String tenant, String actor, Object data) {
        return Outbox.enqueue(conn, EventEnvelope.create(service.source(), type, subject, tenant, actor, data));
    }

    /** With the actor's roles stated explicitly (outside a request, where the outbox cannot find them). */
    public Uni<EventEnvelope> publish(SqlConnection conn, EventType type, String subject, String tenant, String actor,
            java.util.Collection<String> actorRoles, Object data) {
        return Outbox.enqueue(conn, EventEnvelope.create(service.source(), type, subject, tenant, actor, data).withActorRoles(actorRoles));
    }
}
