package io.synthline.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack listens and keeps its files.
 *
 * <p>Everything binds to {@value #LOOPBACK}: the stack has fixed dev credentials, so it must never be
 * reachable from another machine.
 *
 * @param host                   always {@value #LOOPBACK}
 * @param postgresPort           PostgreSQL
 * @param kafkaPort              Kafka broker (the bootstrap server)
 * @param kafkaControllerPort    KRaft controller listener of the same Kafka process
 * @param keycloakPort           Keycloak HTTP
 * @param keycloakManagementPort Keycloak management interface (health endpoints)
 * @param s3Port                 the S3 API (only when the stack runs the S3 server)
 * @param dataDir                per-stack state: data of every server, logs, stack.json
 * @param cacheDir               shared between stacks: unpacked PostgreSQL binaries, built Keycloak
 */
public record StackConfig(
        String host,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        int s3Port,
        Path dataDir,
        Path cacheDir) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final String ENV_STACK_DIR = "SYNTHLINE_STACK_DIR";
    public static final String ENV_CACHE_DIR = "SYNTHLINE_CACHE_DIR";
    /** Where the Keycloak management port goes when only the Keycloak port is moved. */
    public static final int MANAGEMENT_PORT_DISTANCE = 1;

    public StackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (!LOOPBACK.equals(host)) {
            throw new IllegalArgumentException("The local stack only binds to " + LOOPBACK + ", not " + host);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        cacheDir = cacheDir.toAbsolutePath().normalize();
        Map<Integer, StackPort> seen = new HashMap<>();
        int[] values = {postgresPort, kafkaPort, kafkaControllerPort, keycloakPort, keycloakManagementPort, s3Port};
        StackPort[] kinds = StackPort.values();
        for (int i = 0; i < kinds.length; i++) {
            int port = values[i];
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Invalid " + kinds[i].description() + " port " + port
                        + ": expected 1-65535 (" + kinds[i].envVar() + " / " + kinds[i].option() + ")");
            }
            StackPort previous = seen.putIfAbsent(port, kinds[i]);
            if (previous != null) {
                throw new IllegalArgumentException("Port " + port + " is configured twice: for " + previous.description()
                        + " and for " + kinds[i].description());
            }
        }
    }

    /**
     * The configuration of {@code synth stack up}: data under {@code $SYNTHLINE_STACK_DIR} (else
     * {@code ~/.synthline/stack}), ports 15432 / 19092 / 19093 / 18080 / 18081 (and 19000 for the S3 server), each overridable by
     * its env var (see {@link StackPort#envVar()}).
     *
     * @throws IllegalArgumentException when an env var holds something that is not a port
     */
    public static StackConfig defaults() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@link #defaults()} against an explicit environment, so it can be tested without touching the real one. */
    public static StackConfig fromEnvironment(Map<String, String> env, Path userHome) {
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        for (StackPort p : StackPort.values()) {
            ports.put(p, portFromEnv(env, p));
        }
        // An explicitly moved Keycloak port drags the management port along unless that is set too,
        // so SYNTHLINE_KEYCLOAK_PORT alone never collides with another stack's management port.
        if (blank(env.get(StackPort.KEYCLOAK_MANAGEMENT.envVar())) && !blank(env.get(StackPort.KEYCLOAK.envVar()))) {
            ports.put(StackPort.KEYCLOAK_MANAGEMENT, ports.get(StackPort.KEYCLOAK) + MANAGEMENT_PORT_DISTANCE);
        }
        Path dataDir = blank(env.get(ENV_STACK_DIR))
                ? userHome.resolve(".synthline").resolve("stack")
                : Path.of(env.get(ENV_STACK_DIR).trim());
        return new StackConfig(LOOPBACK,
                ports.get(StackPort.POSTGRES), ports.get(StackPort.KAFKA), ports.get(StackPort.KAFKA_CONTROLLER),
                ports.get(StackPort.KEYCLOAK), ports.get(StackPort.KEYCLOAK_MANAGEMENT),
                ports.get(StackPort.S3),
                dataDir, cacheDirFromEnv(env, userHome));
    }

    /**
     * A stack on its own block of ports, for tests and side-by-side checkouts: PostgreSQL on
     * base+432, Kafka on base+92 (controller base+93), Keycloak on base+80 (management base+81), S3 on base+96.
     */
    public static StackConfig forPortBase(int base, Path dataDir) {
        if (base < 1024 || base + 432 > 65535) {
            throw new IllegalArgumentException("Invalid port base " + base + ": expected 1024-" + (65535 - 432));
        }
        return new StackConfig(LOOPBACK,
                base + StackPort.POSTGRES.baseOffset(), base + StackPort.KAFKA.baseOffset(),
                base + StackPort.KAFKA_CONTROLLER.baseOffset(), base + StackPort.KEYCLOAK.baseOffset(),
                base + StackPort.KEYCLOAK_MANAGEMENT.baseOffset(),
                base + StackPort.S3.baseOffset(), dataDir,
                cacheDirFromEnv(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    public int port(StackPort port) {
        return switch (port) {
            case POSTGRES -> postgresPort;
            case KAFKA -> kafkaPort;
            case KAFKA_CONTROLLER -> kafkaControllerPort;
            case KEYCLOAK -> keycloakPort;
            case KEYCLOAK_MANAGEMENT -> keycloakManagementPort;
            case S3 -> s3Port;
        };
    }

    /** The ports of one component, main port first. */
    public List<StackPort> ports(Component component) {
        List<StackPort> result = new ArrayList<>();
        for (StackPort p : StackPort.values()) {
            if (p.component() == component) {
                result.add(p);
            }
        }
        return result;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(Component component) {
        return logsDir().resolve(component.id() + ".log");
    }

    public Path stateFile() {
        return dataDir.resolve("stack.json");
    }

    public StackConfig withDataDir(Path newDataDir) {
        return toBuilder().dataDir(newDataDir).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    private static Path cacheDirFromEnv(Map<String, String> env, Path userHome) {
        return blank(env.get(ENV_CACHE_DIR))
                ? userHome.resolve(".synthline").resolve("cache")
                : Path.of(env.get(ENV_CACHE_DIR).trim());
    }

    private static int portFromEnv(Map<String, String> env, StackPort port) {
        String raw = env.get(port.envVar());
        if (blank(raw)) {
            return port.defaultPort();
        }
        return parsePort(raw, port.envVar());
    }

    /** Parses a port given by a user, naming the setting in the error. */
    public static int parsePort(String raw, String settingName) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the setting's name
        }
        throw new IllegalArgumentException("Invalid " + settingName + " '" + raw + "': expected a port number 1-65535");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Mutable copy of a config; {@link #build()} validates. */
    public static final class Builder {
        private final Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        private Path dataDir;
        private Path cacheDir;

        private Builder(StackConfig from) {
            for (StackPort p : StackPort.values()) {
                ports.put(p, from.port(p));
            }
            dataDir = from.dataDir;
            cacheDir = from.cacheDir;
        }

        public Builder port(StackPort port, int value) {
            ports.put(port, value);
            return this;
        }

        public Builder postgresPort(int value) {
            return port(StackPort.POSTGRES, value);
        }

        public Builder kafkaPort(int value) {
            return port(StackPort.KAFKA, value);
        }

        public Builder kafkaControllerPort(int value) {
            return port(StackPort.KAFKA_CONTROLLER, value);
        }

        public Builder keycloakPort(int value) {
            return port(StackPort.KEYCLOAK, value);
        }

        public Builder keycloakManagementPort(int value) {
            return port(StackPort.KEYCLOAK_MANAGEMENT, value);
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder cacheDir(Path value) {
            cacheDir = value;
            return this;
        }

        public StackConfig build() {
            return new StackConfig(LOOPBACK, ports.get(StackPort.POSTGRES), ports.get(StackPort.KAFKA),
                    ports.get(StackPort.KAFKA_CONTROLLER), ports.get(StackPort.KEYCLOAK),
                    ports.get(StackPort.KEYCLOAK_MANAGEMENT), ports.get(StackPort.S3),
                    dataDir, cacheDir);
        }
    }
}
