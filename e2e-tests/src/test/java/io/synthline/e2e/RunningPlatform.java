package io.synthline.e2e;

import io.synthline.cli.client.ApiClient;
import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.stack.Component;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.LocalStack;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The real stack of this test JVM's port base plus packaged services as processes (services on
 * port base + 101..104), for one test class; closing stops the services and what this JVM started.
 */
final class RunningPlatform implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final int PORT_BASE = Integer.getInteger("synthline.it.portBase", 25000);

    final LocalStack stack;
    final StackEndpoints endpoints;
    final PlatformLauncher platform;
    /** The dataset store the services share (a file-system store). */
    final Path store;
    private final Set<Component> startedHere;

    private RunningPlatform(LocalStack stack, Set<Component> startedHere, PlatformLauncher platform, Path store) {
        this.stack = stack;
        this.startedHere = startedHere;
        this.endpoints = stack.endpoints();
        this.platform = platform;
        this.store = store;
    }

    static RunningPlatform start(Set<PlatformLauncher.Service> services) throws IOException {
        Map<PlatformLauncher.Service, Integer> one = new EnumMap<>(PlatformLauncher.Service.class);
        services.forEach(s -> one.put(s, 1));
        return start(one);
    }

    /** With {@code replicas.get(s)} processes of each service. */
    static RunningPlatform start(Map<PlatformLauncher.Service, Integer> replicas) throws IOException {
        StackConfig config = StackConfig.forPortBase(PORT_BASE, Path.of(System.getProperty("java.io.tmpdir"), "synthline-it-" + PORT_BASE));
        LocalStack stack = new LocalStack(config, msg -> System.out.println("stack: " + msg));
        Set<Component> started = stack.upWaitingForPorts(Duration.ofSeconds(Long.getLong("synthline.it.portWait", 90))).started();
        Path work = Files.createTempDirectory("synthline-e2e");
        PlatformLauncher platform = PlatformLauncher.start(REPO, stack.endpoints(), work.resolve("store"), work.resolve("logs"),
                PlatformLauncher.Ports.fromBase(PORT_BASE + 100), replicas, msg -> System.out.println("platform: " + msg));
        return new RunningPlatform(stack, started, platform, work.resolve("store"));
    }

    /** A client of the platform as a demo user, whose token is renewed every few minutes (long tests outlast one). */
    ApiClient client(String user) {
        return client(user, platform.endpoints());
    }

    /** {@link #client(String)} on other addresses (e.g. a surviving replica's). */
    ApiClient client(String user, io.synthline.cli.client.ApiEndpoints addresses) {
        Supplier<String> token = new Supplier<>() {
            private String value;
            private long fetched;

            @Override
            public synchronized String get() {
                if (value == null || System.nanoTime() - fetched > Duration.ofMinutes(5).toNanos()) {
                    value = KeycloakTokens.passwordGrant(endpoints.issuerUrl(), StackEndpoints.CLI_CLIENT_ID, user,
                            StackEndpoints.DEMO_PASSWORD).token();
                    fetched = System.nanoTime();
                }
                return value;
            }
        };
        return new ApiClient(addresses, token);
    }

    @Override
    public void close() {
        platform.close();
        if (!startedHere.isEmpty()) {
            stack.down(startedHere);
        }
    }
}
