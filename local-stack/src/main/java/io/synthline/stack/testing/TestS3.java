package io.synthline.stack.testing;

import io.synthline.stack.Component;
import io.synthline.stack.LocalStack;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import io.synthline.stack.UpResult;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stack's S3 server for tests, without Quarkus: started alone on first use (no PostgreSQL,
 * Kafka or Keycloak), or reused when the test JVM's stack already runs it; stopped at JVM exit if
 * this JVM started it. Same port base and data dir as {@link LocalStackTestResource}.
 */
public final class TestS3 {

    /** Keeps the objects of one test JVM apart from those of earlier runs on a reused server. */
    public static final String RUN_PREFIX = "it-" + Long.toString(System.currentTimeMillis(), 36) + "-" + ProcessHandle.current().pid() + "/";

    private static LocalStack stack;

    private TestS3() {
    }

    public static synchronized StackEndpoints endpoints() {
        if (stack == null) {
            int base = Integer.getInteger(LocalStackTestResource.PORT_BASE_PROPERTY, LocalStackTestResource.DEFAULT_PORT_BASE);
            StackConfig config = StackConfig.forPortBase(base, Path.of(System.getProperty("java.io.tmpdir"), "synthline-it-" + base));
            LocalStack s = new LocalStack(config, msg -> System.out.println("[local-stack] " + msg), EnumSet.of(Component.S3));
            UpResult result = s.upWaitingForPorts(java.time.Duration.ofSeconds(Long.getLong("synthline.it.portWait", 90)));
            Set<Component> started = result.started();
            if (!started.isEmpty() && !Boolean.getBoolean(LocalStackTestResource.KEEP_STACK_PROPERTY)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> s.down(started), "synthline-s3-down"));
            }
            stack = s;
        }
        return stack.endpoints();
    }

    /** The S3 server's process id (empty when the status cannot tell), e.g. to check what it listens on. */
    public static synchronized java.util.OptionalLong serverPid() {
        endpoints();
        return stack.status().get(Component.S3).pid();
    }

    /** The {@code synthline.store.*} settings of the S3 dataset store on this server, under {@link #RUN_PREFIX}. */
    public static Map<String, String> storeSettings() {
        Map<String, String> cfg = new LinkedHashMap<>(endpoints().s3StoreSettings());
        cfg.put("synthline.store.s3.prefix", RUN_PREFIX);
        cfg.put("synthline.store.s3.cache-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "synthline-it-s3-cache", RUN_PREFIX).toString());
        return cfg;
    }
}
