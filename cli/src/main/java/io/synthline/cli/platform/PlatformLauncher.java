package io.synthline.cli.platform;

import io.synthline.cli.SynthCommand;
import io.synthline.cli.client.ApiEndpoints;
import io.synthline.stack.StackEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the four packaged services as JVM processes wired to a running local stack, waits until
 * each reports ready, and stops them on close. Used by {@code synth demo} and the end-to-end tests.
 */
public final class PlatformLauncher implements AutoCloseable {
    public enum Service {
        PROFILER("profiler-service", "SYNTHLINE_PROFILER_PORT", "512m"),
        GENERATOR("generator-service", "SYNTHLINE_GENERATOR_PORT", "1g"),
        EVALUATOR("evaluator-service", "SYNTHLINE_EVALUATOR_PORT", "1g"),
        GOVERNANCE("governance-service", "SYNTHLINE_GOVERNANCE_PORT", "384m");

        final String module;
        final String portVariable;
        final String heap;

        Service(String module, String portVariable, String heap) {
            this.module = module;
            this.portVariable = portVariable;
            this.heap = heap;
        }

        /** Where Quarkus' management interface (the Prometheus metrics) of the service listens. */
        String managementPortVariable() {
            return portVariable.replace("_PORT", "_MANAGEMENT_PORT");
        }

        /** The module, which is also the service's name in Kubernetes ({@code k8s/base}). */
        public String serviceName() {
            return module;
        }

        public Path runnableJar(Path repoRoot) {
            return repoRoot.resolve(module).resolve("app/target/quarkus-app/quarkus-run.jar");
        }
    }

    /**
     * Ports of the four services and of the gateway in front of them; the defaults are what the
     * README lists, each overridable by its environment variable.
     */
    public record Ports(int profiler, int generator, int evaluator, int governance, int gateway) {
        public static final String GATEWAY_PORT_VARIABLE = "SYNTHLINE_GATEWAY_PORT";

        public static Ports defaults() {
            return fromEnvironment(System.getenv());
        }

        /** 18090 (gateway) and 18091-18094, or what {@code SYNTHLINE_GATEWAY_PORT}, {@code SYNTHLINE_PROFILER_PORT}, ... say. */
        public static Ports fromEnvironment(Map<String, String> env) {
            return new Ports(port(env, Service.PROFILER.portVariable, 18091), port(env, Service.GENERATOR.portVariable, 18092),
                    port(env, Service.EVALUATOR.portVariable, 18093), port(env, Service.GOVERNANCE.portVariable, 18094),
                    port(env, GATEWAY_PORT_VARIABLE, 18090));
        }

        /** The gateway on {@code base}, the services on base+1 .. base+4. */
        public static Ports fromBase(int base) {
            return new Ports(base + 1, base + 2, base + 3, base + 4, base);
        }

        public int of(Replica r) {
            return of(r.service()) + 10 * r.index();
        }

        /** The replica's management interface (metrics): its port + 100, never routed by the gateway. */
        public int managementOf(Replica r) {
            return of(r) + 100;
        }

        public int of(Service s) {
            return switch (s) {
                case PROFILER -> profiler;
                case GENERATOR -> generator;
                case EVALUATOR -> evaluator;
                case GOVERNANCE -> governance;
            };
        }

        private static int port(Map<String, String> env, String variable, int fallback) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new SynthCommand.UserError(variable + " must be a port (1-65535), got '" + value + "'");
        }
    }

    /** One running process of a service: replica 0 answers on the service's port, replica r on port + 10 r. */
    public record Replica(Service service, int index) {
    }

    private final Map<Replica, Process> processes = new LinkedHashMap<>();
    private PlatformGateway gateway;
    private final Ports ports;
    private final Path logsDir;
    private Path repoRoot;
    private StackEndpoints stack;
    private Path storeRoot;
    /** Extra environment of every service choosing its dataset store (e.g. the S3 settings); empty for the directory at storeRoot. */
    private Map<String, String> storeEnvironment = Map.of();

    private PlatformLauncher(Ports ports, Path logsDir) {
        this.ports = ports;
        this.logsDir = logsDir;
    }

    public static PlatformLauncher start(Path repoRoot, StackEndpoints stack, Path storeRoot, Path logsDir, Ports ports,
            Consumer<String> progress) {
        return start(repoRoot, stack, storeRoot, logsDir, ports, java.util.EnumSet.allOf(Service.class), progress);
    }

    /** Starts only {@code services} (e.g. governance alone for its restart tests). */
    public static PlatformLauncher start(Path repoRoot, StackEndpoints stack, Path storeRoot, Path logsDir, Ports ports,
            java.util.Set<Service> services, Consumer<String> progress) {
        Map<Service, Integer> one = new LinkedHashMap<>();
        services.forEach(s -> one.put(s, 1));
        return start(repoRoot, stack, storeRoot, logsDir, ports, one, progress);
    }

    /** Starts {@code replicas.get(s)} processes of each service (they share the stack, the store and the Kafka consumer groups). */
    public static PlatformLauncher start(Path repoRoot, StackEndpoints stack, Path storeRoot, Path logsDir, Ports ports,
            Map<Service, Integer> replicas, Consumer<String> progress) {
        return start(repoRoot, stack, storeRoot, Map.of(), logsDir, ports, replicas, progress);
    }

    /**
     * As above, with the services' dataset store set by {@code storeEnvironment} (the
     * {@code SYNTHLINE_STORE_*} variables, e.g. of the stack's S3 server); {@code storeRoot} then only
     * holds each service's local copies of stored objects.
     */
    public static PlatformLauncher start(Path repoRoot, StackEndpoints stack, Path storeRoot, Map<String, String> storeEnvironment,
            Path logsDir, Ports ports, Map<Service, Integer> replicas, Consumer<String> progress) {
        List<Replica> all = new ArrayList<>();
        replicas.forEach((s, n) -> {
            for (int r = 0; r < n; r++) {
                all.add(new Replica(s, r));
            }
        });
        for (Replica replica : all) {
            Service s = replica.service();
            if (!Files.isRegularFile(s.runnableJar(repoRoot))) {
                throw new SynthCommand.UserError(s.module + " is not built (" + repoRoot.relativize(s.runnableJar(repoRoot))
                        + " missing); run ./mvnw package -DskipTests, or ./synth demo which builds it");
            }
            int port = ports.of(replica);
            if (portInUse(port)) {
                throw new SynthCommand.UserError("port " + port + " for " + s.module
                        + " is already in use (another demo running?); stop it or choose other ports");
            }
        }
        if (portInUse(ports.gateway())) {
            throw new SynthCommand.UserError("port " + ports.gateway() + " for the platform gateway is already in use (another demo running?); "
                    + "stop it or choose another with " + Ports.GATEWAY_PORT_VARIABLE);
        }
        PlatformLauncher launcher = new PlatformLauncher(ports, logsDir);
        launcher.repoRoot = repoRoot;
        launcher.stack = stack;
        launcher.storeRoot = storeRoot;
        launcher.storeEnvironment = Map.copyOf(storeEnvironment);
        try {
            Files.createDirectories(logsDir);
            Files.createDirectories(storeRoot);
            for (Replica r : all) {
                launcher.launch(repoRoot, r, stack, storeRoot);
            }
            long t0 = System.nanoTime();
            for (Replica r : all) {
                launcher.awaitReady(r, Duration.ofSeconds(180));
                progress.accept(r.service().module + (r.index() == 0 ? "" : " replica " + r.index()) + " ready on http://127.0.0.1:"
                        + ports.of(r) + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            }
            launcher.gateway = PlatformGateway.start(ports.gateway(), ports::of);
            progress.accept("platform gateway ready on " + launcher.gateway.url());
            return launcher;
        } catch (IOException e) {
            launcher.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    /**
     * Kills a service the hard way (SIGKILL: no shutdown hook, no graceful Kafka or database close),
     * as a crash would, and waits until the process is gone.
     */
    public void kill(Service s) throws InterruptedException {
        kill(new Replica(s, 0));
    }

    /** Kills one replica the hard way (SIGKILL), as a crash would, and waits until the process is gone. */
    public void kill(Replica replica) throws InterruptedException {
        Process p = processes.remove(replica);
        if (p != null) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
    }

    /** Starts a service again (after {@link #kill}) with the same configuration, and waits until it is ready. */
    public void relaunch(Service s) throws IOException {
        Replica replica = new Replica(s, 0);
        if (processes.containsKey(replica)) {
            throw new IllegalStateException(s.module + " is still running");
        }
        launch(repoRoot, replica, stack, storeRoot);
        awaitReady(replica, Duration.ofSeconds(180));
    }

    /** The process id of a running replica (to tell a restart from the same process). */
    public long pid(Replica replica) {
        Process p = processes.get(replica);
        if (p == null) {
            throw new IllegalStateException(replica + " is not running");
        }
        return p.pid();
    }

    private void launch(Path repoRoot, Replica replica, StackEndpoints stack, Path storeRoot) throws IOException {
        Service s = replica.service();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + s.heap, "-XX:+UseSerialGC",
                "-jar", s.runnableJar(repoRoot).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(replica).toFile()));
        Map<String, String> env = pb.environment();
        env.put(s.portVariable, Integer.toString(ports.of(replica)));
        env.put(s.managementPortVariable(), Integer.toString(ports.managementOf(replica)));
        env.put("SYNTHLINE_DB_HOST", stack.host());
        env.put("SYNTHLINE_PG_PORT", Integer.toString(stack.postgresPort()));
        env.put("SYNTHLINE_KAFKA_BOOTSTRAP", stack.kafkaBootstrapServers());
        env.put("SYNTHLINE_OIDC_URL", stack.issuerUrl());
        env.put("SYNTHLINE_STORE_ROOT", storeRoot.toAbsolutePath().toString());
        if (!storeEnvironment.isEmpty()) {
            env.putAll(storeEnvironment);
            // Each process its own cache of local copies: one process never drops a copy another is reading.
            env.put("SYNTHLINE_STORE_S3_CACHE_DIR", storeRoot.resolve("cache").resolve(replica.service().module + "-" + replica.index())
                    .toAbsolutePath().toString());
        }
        // the dashboard (governance) shows the evaluator's reports and the profiler's profiles in its session
        env.put("SYNTHLINE_EVALUATOR_URL", "http://127.0.0.1:" + ports.evaluator());
        env.put("SYNTHLINE_PROFILER_URL", "http://127.0.0.1:" + ports.profiler());
        env.put("SYNTHLINE_PUBLIC_HTTPS", "false"); // the local gateway speaks plain http
        processes.put(replica, pb.start());
    }

    private void awaitReady(Replica replica, Duration timeout) {
        Service s = replica.service();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + ports.of(replica) + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = processes.get(replica);
            if (!p.isAlive()) {
                throw new IllegalStateException(s.module + " exited with code " + p.exitValue() + "; last log lines:\n" + tail(replica));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(s.module + " not ready after " + timeout.toSeconds() + " s; last log lines:\n" + tail(replica));
    }

    public ApiEndpoints endpoints() {
        return ApiEndpoints.local(ports.profiler(), ports.generator(), ports.evaluator(), ports.governance());
    }

    /** The platform's one address: the gateway routing /api/v1/*, /dashboard and the reports to the services. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    public Path logFile(Service s) {
        return logFile(new Replica(s, 0));
    }

    public Path logFile(Replica replica) {
        return logsDir.resolve(replica.service().module + (replica.index() == 0 ? "" : "-" + replica.index()) + ".log");
    }

    /** The base URL of one replica. */
    public URI uri(Replica replica) {
        return URI.create("http://127.0.0.1:" + ports.of(replica));
    }

    private String tail(Replica replica) {
        try {
            List<String> lines = Files.readAllLines(logFile(replica));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops all services: SIGTERM first so Quarkus shuts down cleanly, then forcibly. */
    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
