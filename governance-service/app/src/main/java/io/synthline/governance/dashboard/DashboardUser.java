package io.synthline.governance.dashboard;

import io.synthline.service.security.Roles;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in user and what the dashboard lets them see and do. An auditor sees everything of
 * the tenant and changes nothing; data owners and tenant admins decide; data scientists see the
 * datasets, runs, evaluations and lineage they work with, but not the audit log, approvals or alerts.
 */
public record DashboardUser(String username, String tenant, Set<String> roles) {
    public DashboardUser {
        roles = new TreeSet<>(roles.stream().filter(r -> Set.of(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.DATA_OWNER,
                Roles.DATA_SCIENTIST, Roles.AUDITOR).contains(r)).toList());
    }

    public boolean canDecide() {
        return roles.contains(Roles.DATA_OWNER) || roles.contains(Roles.TENANT_ADMIN);
    }

    public boolean canSeeOversight() {
        return canDecide() || roles.contains(Roles.AUDITOR) || roles.contains(Roles.PLATFORM_ADMIN);
    }

    public boolean readOnly() {
        return !canDecide();
    }

    public String roleList() {
        return String.join(", ", roles);
    }
}
