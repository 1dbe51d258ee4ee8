package io.synthline.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One daemon of the stack: how to prepare, launch, recognise, probe and stop it. */
abstract class ManagedServer {

    /** Marks a daemon JVM's command line so it can be recognised after our JVM (and its pids) are gone. */
    static final String COMPONENT_MARKER = "-Dsynthline.stack.component=";
    static final String DIR_MARKER = "-Dsynthline.stack.dir=";

    final StackConfig config;
    final Component component;
    final Consumer<String> progress;

    ManagedServer(StackConfig config, Component component, Consumer<String> progress) {
        this.config = config;
        this.component = component;
        this.progress = progress;
    }

    Path logFile() {
        return config.logFile(component);
    }

    Path workDir() {
        return config.dataDir().resolve(component.id());
    }

    Map<String, Integer> configuredPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (StackPort p : config.ports(component)) {
            ports.put(p.name().toLowerCase(java.util.Locale.ROOT), config.port(p));
        }
        return ports;
    }

    int mainPort() {
        return config.port(config.ports(component).getFirst());
    }

    /** True if this argv belongs to this component of this stack (exact data dir, not a prefix). */
    abstract boolean isOurs(List<String> commandLine);

    /** Cheap protocol check against the configured main port. */
    abstract boolean healthy();

    abstract String endpoint();

    /** One-time, possibly slow work (unpacking, building); runs in parallel with other components. */
    void prepare() throws IOException, InterruptedException {
    }

    /** Starts the daemon; must not block until it is ready. */
    abstract Process launch() throws IOException, InterruptedException;

    /** Launch-time readiness; may be stricter than {@link #healthy()} (e.g. topics created). */
    boolean ready(ProcessHandle process) {
        return healthy();
    }

    abstract Duration startupTimeout();

    /** Signal for a graceful stop; TERM unless the server wants another one. */
    String stopSignal() {
        return "TERM";
    }

    Duration stopTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Matches the markers every daemon JVM of this stack carries. */
    boolean isOurJvm(List<String> commandLine) {
        return commandLine.contains(COMPONENT_MARKER + component.id())
                && commandLine.contains(DIR_MARKER + config.dataDir());
    }

    List<String> jvmMarkers() {
        return List.of(COMPONENT_MARKER + component.id(), DIR_MARKER + config.dataDir());
    }

    StackException failure(String what) {
        return new StackException(component.displayName() + " " + what + Processes.tailSection(logFile()));
    }
}
