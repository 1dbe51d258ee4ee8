package io.synthline.governance.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.service.security.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * What operating the platform allows in a tenant that is not the operator's own
 * (docs/security.md): reading or exporting that tenant's audit trail needs a written reason, and
 * every such access becomes an entry of that tenant's own audit trail, so the tenant sees who
 * looked and why.
 */
@ApplicationScoped
public class PlatformAccess {
    static final int MIN_REASON = 10;

    @Inject
    Pool pool;

    @Inject
    GovernanceEvents events;

    /**
     * Runs {@code action} in {@code tenant}; when that is not the caller's own tenant (a platform
     * admin), only with a reason, and the access is then recorded in that tenant's trail. It is
     * recorded after the action, so an export's bundle ends before its own access entry.
     */
    public <T> Uni<T> inTenant(Caller caller, String tenant, String operation, String reason, Supplier<Uni<T>> action) {
        if (!caller.crossesTenant(tenant)) {
            return action.get();
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new BadInputException("reason-required", "a platform admin reading tenant " + tenant
                    + "'s audit trail gives a reason of at least " + MIN_REASON + " characters (?reason=); it is recorded in "
                    + "that tenant's audit trail").detail("parameter", "reason");
        }
        String own = ownTenantOrNull(caller);
        return action.get().call(() -> pool.withTransaction(conn -> events.publish(conn, EventType.PLATFORM_TENANT_ACCESSED,
                "tenants/" + tenant, tenant, caller.username(), new Payloads.TenantAccessed(operation, reason.strip(), own))));
    }

    private static String ownTenantOrNull(Caller caller) {
        try {
            return caller.tenant();
        } catch (RuntimeException noTenant) {
            return null;
        }
    }
}
