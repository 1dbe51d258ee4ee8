package io.synthline.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the local stack; {@code synth stack up|down|status} delegates here.
 *
 * <pre>
 * StackMain up|down|status|purge [--data-dir DIR] [--port-base N] [--pg-port N] [--kafka-port N]
 *                                [--kafka-controller-port N] [--keycloak-port N] [--keycloak-management-port N]
 * </pre>
 *
 * Exit codes: 0 success, 1 a component failed (message with log tail), 2 bad input or port conflict
 * (one-line message).
 */
public final class StackMain {

    static final String USAGE = """
            Usage: synth stack <up|down|status|purge> [options]
              up       start PostgreSQL, Kafka and Keycloak (reuses what already runs); --store s3 adds the S3 server
              down     stop them (data is kept)
              status   show what runs where
              purge    stop and delete all stack data (databases, topics, Keycloak state, logs)
            Options:
              --data-dir DIR                 stack data dir (env SYNTHLINE_STACK_DIR, default ~/.synthline/stack)
              --port-base N                  all ports from N: pg N+432, kafka N+92/N+93, keycloak N+80/N+81
              --pg-port N                    (env SYNTHLINE_PG_PORT, default 15432)
              --kafka-port N                 (env SYNTHLINE_KAFKA_PORT, default 19092)
              --kafka-controller-port N      (env SYNTHLINE_KAFKA_CONTROLLER_PORT, default 19093)
              --keycloak-port N              (env SYNTHLINE_KEYCLOAK_PORT, default 18080)
              --keycloak-management-port N   (env SYNTHLINE_KEYCLOAK_MANAGEMENT_PORT, default keycloak port + 1)
              --store filesystem|s3          s3: also run the S3-compatible server for the S3 dataset store
              --s3-port N                    (env SYNTHLINE_S3_PORT, default 19000; port base N+96)
            """;

    private StackMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Entry point for embedding (the synth CLI): never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command;
        StackConfig config;
        boolean withS3;
        try {
            if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
                out.print(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            command = args[0];
            if (!List.of("up", "down", "status", "purge").contains(command)) {
                throw new IllegalArgumentException("Unknown command '" + command + "' (expected up, down, status or purge)");
            }
            List<String> options = new ArrayList<>(List.of(args).subList(1, args.length));
            withS3 = "s3".equals(takeStore(options));
            config = parseConfig(options);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }

        LocalStack stack = new LocalStack(config, msg -> out.println("  " + msg), withS3);
        try {
            switch (command) {
                case "up" -> {
                    UpResult result = stack.up();
                    out.println();
                    out.print(result.status().toTable());
                    out.println();
                    out.print(describe(stack.endpoints(), config));
                    if (withS3) {
                        out.print(describeS3(stack.endpoints()));
                    }
                }
                case "down" -> {
                    Set<Component> stopped = stack.down();
                    out.println(stopped.isEmpty() ? "Nothing was running for " + config.dataDir() : "Stack stopped (data kept in " + config.dataDir() + ")");
                }
                case "status" -> {
                    StackStatus status = stack.status();
                    out.print(status.toTable());
                    out.println("data: " + config.dataDir() + "   logs: " + config.logsDir());
                }
                case "purge" -> stack.purge();
                default -> throw new IllegalStateException(command);
            }
            return 0;
        } catch (PortConflictException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (StackException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static StackConfig parseConfig(List<String> options) {
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        Path dataDir = null;
        Integer base = null;
        for (int i = 0; i < options.size(); i++) {
            String opt = options.get(i);
            String value;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            } else {
                if (i + 1 >= options.size()) {
                    throw new IllegalArgumentException("Option " + opt + " needs a value");
                }
                value = options.get(++i);
            }
            if (opt.equals("--data-dir")) {
                dataDir = Path.of(value);
                continue;
            }
            if (opt.equals("--port-base")) {
                try {
                    base = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid --port-base '" + value + "': expected a number");
                }
                continue;
            }
            StackPort port = null;
            for (StackPort p : StackPort.values()) {
                if (p.option().equals(opt)) {
                    port = p;
                }
            }
            if (port == null) {
                throw new IllegalArgumentException("Unknown option " + opt);
            }
            ports.put(port, StackConfig.parsePort(value, opt));
        }
        StackConfig defaults = StackConfig.defaults();
        StackConfig.Builder b = base != null
                ? StackConfig.forPortBase(base, dataDir != null ? dataDir : defaults.dataDir()).toBuilder().cacheDir(defaults.cacheDir())
                : defaults.toBuilder();
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        if (ports.containsKey(StackPort.KEYCLOAK) && !ports.containsKey(StackPort.KEYCLOAK_MANAGEMENT)) {
            ports.put(StackPort.KEYCLOAK_MANAGEMENT, ports.get(StackPort.KEYCLOAK) + StackConfig.MANAGEMENT_PORT_DISTANCE);
        }
        ports.forEach(b::port);
        return b.build();
    }

    /** Removes {@code --store KIND} from the options and returns KIND (filesystem when absent). */
    static String takeStore(List<String> options) {
        String store = "filesystem";
        for (int i = 0; i < options.size(); i++) {
            String opt = options.get(i);
            if (opt.equals("--store") || opt.startsWith("--store=")) {
                String value;
                if (opt.contains("=")) {
                    value = opt.substring(opt.indexOf('=') + 1);
                    options.remove(i);
                } else {
                    if (i + 1 >= options.size()) {
                        throw new IllegalArgumentException("Option --store needs a value (filesystem or s3)");
                    }
                    value = options.get(i + 1);
                    options.remove(i + 1);
                    options.remove(i);
                }
                if (!value.equals("filesystem") && !value.equals("s3")) {
                    throw new IllegalArgumentException("Invalid --store '" + value + "': expected filesystem or s3");
                }
                store = value;
                i--;
            }
        }
        return store;
    }

    static String describeS3(StackEndpoints e) {
        return String.join(System.lineSeparator(),
                "S3           " + e.s3Url() + "  bucket " + StackEndpoints.S3_BUCKET + " (path-style, region " + StackEndpoints.S3_REGION
                        + ", SSE-KMS key " + StackEndpoints.S3_KMS_KEY_ID + ")",
                "             services: " + String.join(" ", StackEndpoints.asEnvironment(e.s3StoreSettings()).entrySet().stream()
                        .map(v -> v.getKey() + "=" + v.getValue()).toList())) + System.lineSeparator();
    }

    static String describe(StackEndpoints e, StackConfig config) {
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL   user " + e.dbUser() + " / password " + e.dbPassword());
        for (String db : e.databases()) {
            lines.add("             " + e.jdbcUrl(db));
        }
        lines.add("Kafka        bootstrap.servers=" + e.kafkaBootstrapServers() + "  topics: " + String.join(", ", e.topics()));
        lines.add("Keycloak     " + e.keycloakUrl() + "  (admin console: " + e.keycloakAdminUser() + " / " + e.keycloakAdminPassword() + ")");
        lines.add("             issuer " + e.issuerUrl());
        lines.add("             clients: " + e.serviceClientId() + " (secret " + e.serviceClientSecret() + "), "
                + e.cliClientId() + " (public, password grant + PKCE), " + e.dashboardClientId() + " (public, PKCE)");
        lines.add("             users (password '" + e.demoUserPassword() + "'): " + String.join(", ", e.demoUsers()));
        lines.add("Data         " + config.dataDir() + "   logs: " + config.logsDir());
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
