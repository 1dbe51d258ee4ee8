package io.synthline.governance.dashboard;

import io.quarkus.oidc.SecurityEvent;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.governance.service.GovernanceEvents;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Every sign-in to the compliance dashboard (a privileged tool: it approves, overrides and reads
 * the audit trail) becomes an access.login event, and so an audit entry with the user's roles.
 */
@ApplicationScoped
public class LoginAudit {
    static final String APPLICATION = "compliance-dashboard";
    private static final Logger LOG = Logger.getLogger(LoginAudit.class);

    @Inject
    Pool pool;

    @Inject
    GovernanceEvents events;

    void onLogin(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN || event.getSecurityIdentity() == null) {
            return;
        }
        var identity = event.getSecurityIdentity();
        String username = identity.getPrincipal().getName();
        String tenant = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("tenant") != null
                ? jwt.getClaim("tenant").toString() : null;
        if (tenant == null) {
            LOG.warnf("dashboard sign-in of %s without a tenant claim is not audited", username);
            return;
        }
        DashboardUser user = new DashboardUser(username, tenant, identity.getRoles());
        pool.withTransaction(conn -> events.publish(conn, EventType.ACCESS_LOGIN, "users/" + username, tenant, username,
                        user.roles(), new Payloads.AccessLogin(username, List.copyOf(user.roles()), APPLICATION)))
                .subscribe().with(ok -> LOG.debugf("dashboard sign-in of %s audited", username),
                        e -> LOG.errorf("could not record the dashboard sign-in of %s: %s", username, e.getMessage()));
    }
}
