package io.synthline.stack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.synthline.stack.AccessToken;
import io.synthline.stack.Component;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.LocalStack;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import io.synthline.stack.UpResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarkus test resource that points a service at the real local stack instead of Dev Services.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(value = LocalStackTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = "profiler"))
 * class ProfilerIT { ... LocalStackTestResource.token("acme-owner") ... }
 * </pre>
 *
 * ({@code @WithTestResource} works the same way.)
 *
 * <p>The stack is shared by the whole test JVM: it is started once (or reused if a healthy one
 * already runs for the same data dir), Quarkus restarts between test classes do not touch it, and
 * at JVM exit only the components this JVM started are stopped. Port base: system property
 * {@code synthline.it.portBase} (default 25000); data dir {@code <java.io.tmpdir>/synthline-it-<base>}.
 * Set {@code -Dsynthline.it.keepStack=true} to leave a stack this JVM started running for the
 * next test run (a reused stack starts in under a second).
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the database of the stack the service uses (profiler, generator, evaluator, governance). */
    public static final String DATABASE_ARG = "database";
    /** Init arg: {@code s3} runs the service on the S3 dataset store of the stack's S3 server (default: a directory). */
    public static final String STORE_ARG = "store";
    public static final String PORT_BASE_PROPERTY = "synthline.it.portBase";
    public static final String KEEP_STACK_PROPERTY = "synthline.it.keepStack";
    public static final int DEFAULT_PORT_BASE = 25000;

    private static final Object LOCK = new Object();
    private static final Map<String, AccessToken> TOKENS = new ConcurrentHashMap<>();
    private static LocalStack stack;

    private String database;
    private boolean withS3;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        withS3 = "s3".equals(initArgs.get(STORE_ARG));
        if (database != null) {
            // Fails fast on a typo in the annotation instead of at the first query.
            StackEndpoints.of(config()).jdbcUrl(database);
        }
    }

    @Override
    public Map<String, String> start() {
        StackEndpoints e = ensureStarted().endpoints();
        Map<String, String> cfg = new LinkedHashMap<>();
        if (database != null) {
            cfg.put("quarkus.datasource.jdbc.url", e.jdbcUrl(database));
            cfg.put("quarkus.datasource.reactive.url", e.reactiveUrl(database));
        }
        cfg.put("quarkus.datasource.username", e.dbUser());
        cfg.put("quarkus.datasource.password", e.dbPassword());
        cfg.put("kafka.bootstrap.servers", e.kafkaBootstrapServers());
        cfg.put("quarkus.oidc.auth-server-url", e.issuerUrl());
        cfg.put("quarkus.oidc.client-id", e.serviceClientId());
        cfg.put("quarkus.oidc.credentials.secret", e.serviceClientSecret());
        // The stack replaces every Dev Service; leaving them on would start containers (or fail without Docker).
        cfg.put("quarkus.devservices.enabled", "false");
        if (withS3) {
            cfg.putAll(TestS3.storeSettings());
            // a deletion through another replica reaches this one's local copies within a second
            cfg.put("synthline.store.s3.cache-sweep-interval", "1s");
        }
        return cfg;
    }

    /** The stack outlives each Quarkus application restart; it is stopped at JVM exit (see class doc). */
    @Override
    public void stop() {
        // intentionally empty
    }

    /** The config every test in this JVM uses. */
    public static StackConfig config() {
        int base = Integer.getInteger(PORT_BASE_PROPERTY, DEFAULT_PORT_BASE);
        return StackConfig.forPortBase(base, Path.of(System.getProperty("java.io.tmpdir"), "synthline-it-" + base));
    }

    /** The running stack, started on first use. */
    public static LocalStack stack() {
        return ensureStarted();
    }

    public static StackEndpoints endpoints() {
        return ensureStarted().endpoints();
    }

    /**
     * Access token of a demo user ({@code acme-owner}, {@code globex-auditor}, ...) via the
     * {@code synthline-cli} client; cached until a minute before expiry.
     */
    public static String token(String username) {
        return accessToken(username).token();
    }

    public static AccessToken accessToken(String username) {
        return TOKENS.compute("user:" + username, (k, cached) -> {
            if (cached != null && !cached.expiresWithin(Duration.ofMinutes(1))) {
                return cached;
            }
            StackEndpoints e = endpoints();
            return KeycloakTokens.passwordGrant(e.issuerUrl(), e.cliClientId(), username, e.demoUserPassword());
        });
    }

    /** Client-credentials token of {@code synthline-services} (role platform-admin, no tenant). */
    public static String serviceToken() {
        return TOKENS.compute("service", (k, cached) -> {
            if (cached != null && !cached.expiresWithin(Duration.ofMinutes(1))) {
                return cached;
            }
            StackEndpoints e = endpoints();
            return KeycloakTokens.clientCredentials(e.issuerUrl(), e.serviceClientId(), e.serviceClientSecret());
        }).token();
    }

    /*
     * Quarkus may load this class in more than one class loader (the test resource and the test
     * class can see different copies), each with its own static state. That is harmless: up() of a
     * second copy finds the healthy stack and reuses it, starting nothing, so only the copy that
     * actually started components registers the shutdown hook.
     */
    /** How long a test run waits for a stack port another process holds for a moment (see LocalStack#upWaitingForPorts). */
    public static Duration portWait() {
        return Duration.ofSeconds(Long.getLong("synthline.it.portWait", 90));
    }

    private static LocalStack ensureStarted() {
        synchronized (LOCK) {
            if (stack == null) {
                stack = up(LocalStack.CORE);
            }
            return stack;
        }
    }

    private static LocalStack up(Set<Component> components) {
        LocalStack s = new LocalStack(config(), msg -> System.getLogger(LocalStackTestResource.class.getName())
                .log(System.Logger.Level.INFO, msg), components);
        UpResult result = s.upWaitingForPorts(portWait());
        Set<Component> started = result.started();
        if (!started.isEmpty() && !Boolean.getBoolean(KEEP_STACK_PROPERTY)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> s.down(started), "synthline-local-stack-down"));
        }
        return s;
    }
}
