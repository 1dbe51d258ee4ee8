package io.synthline.e2e;

import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.stack.Component;
import io.synthline.stack.LocalStack;
import io.synthline.stack.StackConfig;
import io.synthline.stack.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

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
        StackConfig config = StackConfig.forPortBase(PORT_BASE, Path.of(System.getProperty("java.io.tmpdir"), "synthline-it-" + PORT_BASE));
        LocalStack stack = new LocalStack(config, msg -> System.out.println("stack: " + msg));
        Set<Component> started = stack.upWaitingForPorts(java.time.Duration.ofSeconds(Long.getLong("synthline.it.portWait", 90))).started();
        Path work = Files.createTempDirectory("synthline-e2e");
        PlatformLauncher platform = PlatformLauncher.start(REPO, stack.endpoints(), work.resolve("store"), work.resolve("logs"),
                PlatformLauncher.Ports.fromBase(PORT_BASE + 100), services, msg -> System.out.println("platform: " + msg));
        return new RunningPlatform(stack, started, platform, work.resolve("store"));
    }

    @Override
    public void close() {
        platform.close();
        if (!startedHere.isEmpty()) {
            stack.down(startedHere);
        }
    }
}
