package io.synthline.stack;

/**
 * Every TCP port the stack binds, with the knobs a user can turn when one is taken. Keeping the
 * env var and CLI option next to the port lets every error message tell the user exactly what to
 * change.
 */
public enum StackPort {
    POSTGRES(Component.POSTGRES, "PostgreSQL", "SYNTHLINE_PG_PORT", "--pg-port", 15432, 432),
    KAFKA(Component.KAFKA, "Kafka broker", "SYNTHLINE_KAFKA_PORT", "--kafka-port", 19092, 92),
    KAFKA_CONTROLLER(Component.KAFKA, "Kafka KRaft controller", "SYNTHLINE_KAFKA_CONTROLLER_PORT", "--kafka-controller-port", 19093, 93),
    KEYCLOAK(Component.KEYCLOAK, "Keycloak HTTP", "SYNTHLINE_KEYCLOAK_PORT", "--keycloak-port", 18080, 80),
    // Keycloak 25+ serves /health only on a separate management interface; it needs its own port.
    KEYCLOAK_MANAGEMENT(Component.KEYCLOAK, "Keycloak management (health)", "SYNTHLINE_KEYCLOAK_MANAGEMENT_PORT",
            "--keycloak-management-port", 18081, 81),
    S3(Component.S3, "S3 API", "SYNTHLINE_S3_PORT", "--s3-port", 19000, 96);

    private final Component component;
    private final String description;
    private final String envVar;
    private final String option;
    private final int defaultPort;
    private final int baseOffset;

    StackPort(Component component, String description, String envVar, String option, int defaultPort, int baseOffset) {
        this.component = component;
        this.description = description;
        this.envVar = envVar;
        this.option = option;
        this.defaultPort = defaultPort;
        this.baseOffset = baseOffset;
    }

    public Component component() {
        return component;
    }

    public String description() {
        return description;
    }

    /** Environment variable read by {@link StackConfig#defaults()}. */
    public String envVar() {
        return envVar;
    }

    /** Option understood by {@link StackMain} (and the {@code synth stack} CLI). */
    public String option() {
        return option;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Offset added to the base in {@link StackConfig#forPortBase(int, java.nio.file.Path)}. */
    public int baseOffset() {
        return baseOffset;
    }
}
