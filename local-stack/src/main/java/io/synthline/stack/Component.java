package io.synthline.stack;

/** The servers of the local stack, in start order. */
public enum Component {
    POSTGRES("postgres", "PostgreSQL"),
    KAFKA("kafka", "Kafka"),
    KEYCLOAK("keycloak", "Keycloak"),
    /** Started only when asked for ({@code synth stack up --store s3}, an IT with the S3 store): the filesystem store needs none. */
    S3("s3", "S3 (S3Mock)");

    private final String id;
    private final String displayName;

    Component(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Lower-case id used in stack.json, log file names and the status table. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Component fromId(String id) {
        for (Component c : values()) {
            if (c.id.equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown stack component '" + id + "' (expected postgres, kafka, keycloak or s3)");
    }
}
