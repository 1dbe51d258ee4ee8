package io.synthline.service.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is acting, captured so that it survives a hop to another Vert.x context (see
 * {@link io.synthline.service.persistence.BlockingTx}). The outbox uses it to stamp events with the
 * actor's roles, so every service's audit entries say which roles the actor held without each
 * business method passing them along.
 */
public record CallerSnapshot(String username, Set<String> roles) {
    static final String CONTEXT_KEY = CallerSnapshot.class.getName();
    /** Only the platform's roles are worth recording; Keycloak adds default roles to every user. */
    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.DATA_OWNER,
            Roles.DATA_SCIENTIST, Roles.AUDITOR);

    public CallerSnapshot {
        roles = new TreeSet<>(roles.stream().filter(PLATFORM_ROLES::contains).toList());
    }

    /** The caller of the current request or of the work that captured one; empty in background jobs. */
    public static Optional<CallerSnapshot> current() {
        Context ctx = Vertx.currentContext();
        if (ctx != null && ctx.getLocal(CONTEXT_KEY) instanceof CallerSnapshot captured) {
            return Optional.of(captured);
        }
        return fromRequest();
    }

    /** Makes {@code snapshot} the caller of the current Vert.x (duplicated) context. */
    public static void bind(CallerSnapshot snapshot) {
        Context ctx = Vertx.currentContext();
        if (ctx != null && snapshot != null) {
            ctx.putLocal(CONTEXT_KEY, snapshot);
        }
    }

    private static Optional<CallerSnapshot> fromRequest() {
        try {
            if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
                return Optional.empty();
            }
            try (InstanceHandle<SecurityIdentity> handle = Arc.container().instance(SecurityIdentity.class)) {
                SecurityIdentity identity = handle.get();
                if (identity == null || identity.isAnonymous()) {
                    return Optional.empty();
                }
                return Optional.of(new CallerSnapshot(identity.getPrincipal().getName(), identity.getRoles()));
            }
        } catch (RuntimeException e) {
            // identity not resolvable here (e.g. not yet authenticated on an I/O thread): nothing to record
            return Optional.empty();
        }
    }
}
