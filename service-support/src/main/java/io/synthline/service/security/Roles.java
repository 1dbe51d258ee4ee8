package io.synthline.service.security;

/** Realm roles of the synthline Keycloak realm. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String DATA_OWNER = "data-owner";
    public static final String DATA_SCIENTIST = "data-scientist";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
