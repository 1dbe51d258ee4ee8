package io.synthline.service.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: tenant, user name and roles, taken only from the verified token. Request
 * bodies never carry a tenant, so a caller cannot act for another tenant by editing JSON.
 */
@RequestScoped
public class Caller {
    public static final String TENANT_CLAIM = "tenant";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public String tenant() {
        Object claim = jwt.getClaim(TENANT_CLAIM);
        String tenant = claim == null ? null : claim.toString();
        if (tenant == null || tenant.isBlank()) {
            throw new ForbiddenException("the token carries no tenant claim; ask an administrator to assign you to a tenant");
        }
        return tenant;
    }

    /**
     * The tenant a request acts in. Only a platform admin may name another tenant with
     * {@code ?tenant=}; anyone else naming one other than their own is refused (403) rather than
     * silently served their own tenant, which would make them believe they changed another's.
     */
    public String actingTenant(String requested) {
        if (requested == null || requested.isBlank()) {
            return tenant();
        }
        String named = requested.strip();
        if (hasRole(Roles.PLATFORM_ADMIN)) {
            return named;
        }
        if (!named.equals(tenant())) {
            throw new ForbiddenException("only a platform admin may act in another tenant; leave out ?tenant= to act in your own");
        }
        return named;
    }

    /** Whether {@link #actingTenant} leaves the caller's own tenant (only platform admins can). */
    public boolean crossesTenant(String actingTenant) {
        Object claim = jwt.getClaim(TENANT_CLAIM);
        return claim == null || !actingTenant.equals(claim.toString());
    }

    public String username() {
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
