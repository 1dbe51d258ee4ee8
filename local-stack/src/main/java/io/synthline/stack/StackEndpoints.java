package io.synthline.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to reach the servers of a stack. Derived from the {@link StackConfig} alone, so it can be
 * computed without the stack running (e.g. to print a config before {@code up}).
 *
 * <p>All credentials here are fixed dev-only values baked into the stack; the stack only binds to
 * loopback for that reason.
 */
public record StackEndpoints(
        String host,
        int postgresPort,
        List<String> databases,
        String dbUser,
        String dbPassword,
        String kafkaBootstrapServers,
        String keycloakUrl,
        String realm,
        String issuerUrl,
        String serviceClientId,
        String serviceClientSecret,
        String cliClientId,
        String dashboardClientId,
        String keycloakAdminUser,
        String keycloakAdminPassword,
        String demoUserPassword,
        List<String> topics,
        String s3Url) {

    /** One database per service; created on first start of PostgreSQL. */
    public static final List<String> DATABASES = List.of("profiler", "generator", "evaluator", "governance");
    /** Created (3 partitions, RF 1) when Kafka starts. */
    public static final List<String> TOPICS = List.of(
            "synthline.dataset.events", "synthline.generation.events",
            "synthline.evaluation.events", "synthline.governance.events");
    public static final String DB_USER = "synthline";
    public static final String DB_PASSWORD = "synthline";
    public static final String REALM = "synthline";
    public static final String SERVICE_CLIENT_ID = "synthline-services";
    public static final String SERVICE_CLIENT_SECRET = "synthline-services-secret";
    public static final String CLI_CLIENT_ID = "synthline-cli";
    public static final String DASHBOARD_CLIENT_ID = "synthline-dashboard";
    public static final String DEMO_PASSWORD = "demo";
    public static final List<String> TENANTS = List.of("acme", "globex");
    /** Username suffix per realm role: {@code <tenant>-<suffix>}, e.g. {@code acme-owner}. */
    public static final List<String> DEMO_USER_SUFFIXES = List.of("platform-admin", "admin", "owner", "scientist", "auditor");
    /** The bucket of the stack's S3 server, created when it starts; path-style addressing. */
    public static final String S3_BUCKET = "synthline";
    public static final String S3_REGION = "us-east-1";
    /** The S3 server checks no signature; the SDK still signs, with these. */
    public static final String S3_ACCESS_KEY_ID = "synthline";
    public static final String S3_SECRET_ACCESS_KEY = "synthline-secret";
    /** The one SSE-KMS key the stack's S3 server knows (the server is configured with its ARN, clients send the id). */
    public static final String S3_KMS_KEY_ID = "synthline-local-key";
    public static final String S3_KMS_KEY_ARN = "arn:aws:kms:" + S3_REGION + ":000000000000:key/" + S3_KMS_KEY_ID;

    public StackEndpoints {
        databases = List.copyOf(databases);
        topics = List.copyOf(topics);
    }

    public static StackEndpoints of(StackConfig config) {
        String keycloakUrl = "http://" + config.host() + ":" + config.keycloakPort();
        return new StackEndpoints(config.host(), config.postgresPort(), DATABASES, DB_USER, DB_PASSWORD,
                config.host() + ":" + config.kafkaPort(),
                keycloakUrl, REALM, keycloakUrl + "/realms/" + REALM,
                SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET, CLI_CLIENT_ID, DASHBOARD_CLIENT_ID,
                "admin", "admin", DEMO_PASSWORD, TOPICS, "http://" + config.host() + ":" + config.port(StackPort.S3));
    }

    /**
     * The settings ({@code synthline.store.*}, MicroProfile Config names) that put a service's
     * dataset store on this stack's S3 server; {@link #asEnvironment} gives their environment form.
     */
    public Map<String, String> s3StoreSettings() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("synthline.store.kind", "s3");
        cfg.put("synthline.store.s3.endpoint", s3Url);
        cfg.put("synthline.store.s3.bucket", S3_BUCKET);
        cfg.put("synthline.store.s3.region", S3_REGION);
        cfg.put("synthline.store.s3.path-style", "true");
        cfg.put("synthline.store.s3.access-key-id", S3_ACCESS_KEY_ID);
        cfg.put("synthline.store.s3.secret-access-key", S3_SECRET_ACCESS_KEY);
        return cfg;
    }

    /** MicroProfile Config's environment names: {@code synthline.store.s3.access-key-id} becomes {@code SYNTHLINE_STORE_S3_ACCESS_KEY_ID}. */
    public static Map<String, String> asEnvironment(Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>();
        settings.forEach((k, v) -> env.put(k.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), v));
        return env;
    }

    /** {@code jdbc:postgresql://127.0.0.1:P/db}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + checkDatabase(database);
    }

    /** {@code postgresql://127.0.0.1:P/db}, the form the Quarkus reactive PostgreSQL client expects. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + postgresPort + "/" + checkDatabase(database);
    }

    public String tokenUrl() {
        return issuerUrl + "/protocol/openid-connect/token";
    }

    /** All demo usernames, e.g. {@code acme-owner}. */
    public List<String> demoUsers() {
        return TENANTS.stream().flatMap(t -> DEMO_USER_SUFFIXES.stream().map(s -> t + "-" + s)).toList();
    }

    private String checkDatabase(String database) {
        // Fail on typos here rather than with a confusing "database does not exist" at first query.
        if (!databases.contains(database) && !"postgres".equals(database)) {
            throw new IllegalArgumentException("Unknown database '" + database + "': the local stack has " + databases);
        }
        return database;
    }
}
