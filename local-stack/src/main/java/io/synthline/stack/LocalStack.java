package io.synthline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Starts, inspects and stops a local Synthline infrastructure stack: PostgreSQL, a single-node
 * KRaft Kafka and Keycloak, and on request an S3-compatible server, each a detached process bound to 127.0.0.1 that outlives the JVM which
 * started it. All state lives under {@link StackConfig#dataDir()}; two stacks with different data
 * dirs and ports can run side by side.
 *
 * <p>Thread-safe and safe across processes: {@link #up()} and {@link #down()} serialise on a lock
 * file in the data dir.
 */
public final class LocalStack {

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
    /** How long up() waits for an already running but not yet answering server (e.g. started by a parallel up). */
    private static final Duration REUSE_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> OWNED_ENTRIES = List.of("postgres", "kafka", "keycloak", "s3", "logs", "stack.json", ".stack.lock");

    private final StackConfig config;
    private final Consumer<String> progress;
    /** What every stack runs; the S3 server is added on request. */
    public static final Set<Component> CORE = Collections.unmodifiableSet(EnumSet.of(Component.POSTGRES, Component.KAFKA, Component.KEYCLOAK));

    private final Map<Component, ManagedServer> servers = new EnumMap<>(Component.class);
    /** The components {@link #up()} makes run; {@link #down()} and {@link #status()} also see the others when they run. */
    private final Set<Component> wanted;

    public LocalStack(StackConfig config) {
        this(config, message -> LOG.log(System.Logger.Level.INFO, message));
    }

    /** @param progress receives one-line progress messages (what is being started, how long it took) */
    public LocalStack(StackConfig config, Consumer<String> progress) {
        this(config, progress, false);
    }

    /** @param withS3 whether {@link #up()} also starts the S3 server (for the S3 dataset store) */
    public LocalStack(StackConfig config, Consumer<String> progress, boolean withS3) {
        this(config, progress, withS3 ? EnumSet.of(Component.POSTGRES, Component.KAFKA, Component.KEYCLOAK, Component.S3) : CORE);
    }

    /** @param components what {@link #up()} starts, e.g. only {@link Component#S3} for a test of the S3 store */
    public LocalStack(StackConfig config, Consumer<String> progress, Set<Component> components) {
        this.config = config;
        this.progress = progress;
        servers.put(Component.POSTGRES, new PostgresServer(config, progress));
        servers.put(Component.KAFKA, new KafkaServer(config, progress));
        servers.put(Component.KEYCLOAK, new KeycloakServer(config, progress));
        servers.put(Component.S3, new S3Server(config, progress));
        this.wanted = Collections.unmodifiableSet(EnumSet.copyOf(components));
    }

    /** The components {@link #up()} starts. */
    public Set<Component> components() {
        return wanted;
    }

    /** A stack with {@link StackConfig#defaults()}: what {@code synth stack up} manages. */
    public static LocalStack withDefaults() {
        return new LocalStack(StackConfig.defaults());
    }

    public StackConfig config() {
        return config;
    }

    public StackEndpoints endpoints() {
        return StackEndpoints.of(config);
    }

    /**
     * {@link #up()}, but a port conflict is retried every 3 s until {@code patience} has passed. For
     * test runs: the test port bases lie in Linux's ephemeral range (32768-60999), so on a busy
     * shared machine another process's short-lived client connection can hold one of the stack's
     * ports for a moment. A port held longer is reported as the conflict it is.
     */
    public UpResult upWaitingForPorts(java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return up();
            } catch (PortConflictException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                progress.accept(e.getMessage() + " -- waiting for the port to be free");
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Makes every component run. Components of this data dir that already run and answer are
     * reused; only missing ones are started, in parallel. All ports needed are checked before
     * anything starts. If a component fails to start, the components started by this call are
     * stopped again and the exception carries the tail of the failed component's log.
     *
     * @throws PortConflictException if a needed port is held by a process that is not ours
     * @throws StackException        if a component fails to start (message includes its log tail)
     */
    public UpResult up() {
        long t0 = System.nanoTime();
        return withStackLock("starting the local stack", () -> {
            Files.createDirectories(config.logsDir());
            StackState state = StackState.read(config.stateFile(), config.dataDir());
            Snapshot snapshot = new Snapshot();

            Map<Component, ProcessHandle> running = new EnumMap<>(Component.class);
            List<Component> toStart = new ArrayList<>();
            for (ManagedServer s : servers.values()) {
                if (!wanted.contains(s.component)) {
                    continue;
                }
                Optional<ProcessHandle> ph = find(s, state, snapshot);
                if (ph.isPresent()) {
                    StackState.Entry e = state.entry(s.component);
                    if (e != null && e.ports() != null && !e.ports().equals(s.configuredPorts())) {
                        throw new StackException(s.component.displayName() + " of this stack (" + config.dataDir()
                                + ") is already running with ports " + e.ports() + ", but the configuration asks for "
                                + s.configuredPorts() + ". Stop the stack first (synth stack down).");
                    }
                    running.put(s.component, ph.get());
                } else {
                    toStart.add(s.component);
                }
            }

            List<PortConflictException.Conflict> conflicts = new ArrayList<>();
            for (Component c : toStart) {
                for (StackPort p : config.ports(c)) {
                    EphemeralPorts.risk(config.port(p)).ifPresent(r -> progress.accept("warning: " + p.description() + ": " + r));
                    if (Probes.portInUse(config.host(), config.port(p))) {
                        conflicts.add(new PortConflictException.Conflict(p, config.port(p)));
                    }
                }
            }
            if (!conflicts.isEmpty()) {
                throw new PortConflictException(conflicts);
            }

            for (Map.Entry<Component, ProcessHandle> e : running.entrySet()) {
                ManagedServer s = servers.get(e.getKey());
                if (!s.healthy()) {
                    progress.accept(s.component.displayName() + " (pid " + e.getValue().pid() + ") is running but not answering yet; waiting");
                    awaitReady(s, e.getValue(), null, REUSE_TIMEOUT, " is running (pid " + e.getValue().pid()
                            + ") but does not answer on port " + s.mainPort() + "; stop the stack (synth stack down) and retry", null);
                }
                progress.accept(s.component.displayName() + " already running (pid " + e.getValue().pid() + "), reusing it");
                if (state.entry(s.component) == null) {
                    state = state.with(s.component, StackState.Entry.of(e.getValue().pid(), s.configuredPorts(), s.logFile()));
                }
            }
            state.write(config.stateFile());

            Map<Component, Duration> times = startAll(toStart, state);
            Set<Component> started = EnumSet.noneOf(Component.class);
            started.addAll(toStart);
            UpResult result = new UpResult(status(), started, running.keySet(), times,
                    Duration.ofNanos(System.nanoTime() - t0));
            if (!toStart.isEmpty()) {
                progress.accept("Local stack is up in " + seconds(result.elapsed()) + " (data: " + config.dataDir() + ")");
            }
            return result;
        });
    }

    /** Stops every component of this stack. Works with a stale or missing stack.json. */
    public Set<Component> down() {
        return down(EnumSet.allOf(Component.class));
    }

    /**
     * Stops the given components: the graceful signal first, SIGKILL after a per-component timeout.
     * Processes are found through stack.json and, if its pids are stale or it is missing, by
     * scanning for processes that carry this data dir on their command line.
     *
     * @return the components that had a process to stop
     */
    public Set<Component> down(Set<Component> components) {
        return withStackLock("stopping the local stack", () -> {
            StackState state = StackState.read(config.stateFile(), config.dataDir());
            Snapshot snapshot = new Snapshot();
            Map<Component, List<ProcessHandle>> victims = new EnumMap<>(Component.class);
            for (Component c : components) {
                List<ProcessHandle> found = findAll(servers.get(c), state, snapshot);
                if (!found.isEmpty()) {
                    victims.put(c, found);
                }
            }
            // Keycloak and Kafka first (reverse start order), all in parallel: each waits on its own timeout.
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                List<Component> order = new ArrayList<>(victims.keySet());
                Collections.reverse(order);
                for (Component c : order) {
                    ManagedServer s = servers.get(c);
                    for (ProcessHandle ph : victims.get(c)) {
                        futures.add(pool.submit(() -> {
                            long t = System.nanoTime();
                            boolean graceful = Processes.stop(ph, s.stopSignal(), s.stopTimeout());
                            progress.accept("Stopped " + c.displayName() + " (pid " + ph.pid() + ") in "
                                    + seconds(Duration.ofNanos(System.nanoTime() - t)) + (graceful ? "" : " (killed after timeout)"));
                        }));
                    }
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw new StackException("Stopping the stack failed: " + e.getCause().getMessage(), e.getCause());
            }
            for (Component c : components) {
                state = state.with(c, null);
            }
            if (Files.isDirectory(config.dataDir())) {
                state.write(config.stateFile());
            }
            return victims.keySet().isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(victims.keySet());
        });
    }

    /**
     * {@link #down()}, then deletes the stack's data (databases, topics, Keycloak state, logs). Only
     * entries the stack creates are removed, so a data dir pointed at a non-empty directory by
     * mistake keeps its other content.
     */
    public void purge() {
        down();
        withStackLock("purging the local stack", () -> {
            for (String name : OWNED_ENTRIES) {
                if (!".stack.lock".equals(name)) {
                    FileTrees.deleteRecursively(config.dataDir().resolve(name));
                }
            }
            return null;
        });
        try {
            Files.deleteIfExists(config.dataDir().resolve(".stack.lock"));
            try (var rest = Files.list(config.dataDir())) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(config.dataDir());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not remove " + config.dataDir() + ": " + e.getMessage());
        }
        progress.accept("Purged " + config.dataDir());
    }

    /** Per component: process alive? answering? pid, port, endpoint, log file. Takes no lock. */
    public StackStatus status() {
        StackState state = StackState.read(config.stateFile(), config.dataDir());
        Snapshot snapshot = new Snapshot();
        List<ComponentStatus> result = new ArrayList<>();
        for (ManagedServer s : servers.values()) {
            Optional<ProcessHandle> ph = find(s, state, snapshot);
            if (ph.isEmpty() && !wanted.contains(s.component)) {
                continue;
            }
            ComponentStatus.State st = ph.isEmpty() ? ComponentStatus.State.STOPPED
                    : s.healthy() ? ComponentStatus.State.RUNNING : ComponentStatus.State.UNHEALTHY;
            result.add(new ComponentStatus(s.component, st,
                    ph.map(h -> OptionalLong.of(h.pid())).orElse(OptionalLong.empty()),
                    s.mainPort(), s.endpoint(), s.logFile()));
        }
        return new StackStatus(config, result);
    }

    // ---------------------------------------------------------------------------------------------

    private Map<Component, Duration> startAll(List<Component> toStart, StackState initial) throws InterruptedException {
        Map<Component, Duration> times = Collections.synchronizedMap(new EnumMap<>(Component.class));
        if (toStart.isEmpty()) {
            return times;
        }
        Object stateLock = new Object();
        StackState[] state = {initial};
        Map<Component, Process> launched = Collections.synchronizedMap(new EnumMap<>(Component.class));
        // Set on the first failure: the others stop waiting and launch nothing more. No thread
        // interrupts, so a one-time Keycloak build in progress still completes for the next attempt.
        AtomicBoolean aborted = new AtomicBoolean();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component c : toStart) {
                ManagedServer s = servers.get(c);
                pool.submit(() -> {
                    try {
                        long t = System.nanoTime();
                        s.prepare();
                        if (aborted.get()) {
                            return;
                        }
                        progress.accept("Starting " + c.displayName() + " on " + config.host() + ":" + s.mainPort());
                        Process p = s.launch();
                        launched.put(c, p);
                        synchronized (stateLock) {
                            // Recorded before readiness so that a crash of this JVM still leaves down() a pid to stop.
                            state[0] = state[0].with(c, StackState.Entry.of(p.pid(), s.configuredPorts(), s.logFile()));
                            state[0].write(config.stateFile());
                        }
                        if (awaitReady(s, p.toHandle(), p, s.startupTimeout(), null, aborted)) {
                            Duration took = Duration.ofNanos(System.nanoTime() - t);
                            times.put(c, took);
                            progress.accept(c.displayName() + " ready in " + seconds(took) + " (pid " + p.pid() + ")");
                        }
                    } catch (StackException e) {
                        failures.add(e.getMessage());
                        aborted.set(true);
                    } catch (Exception | Error e) {
                        failures.add(c.displayName() + " failed to start: " + e);
                        aborted.set(true);
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            // All or nothing: a half-started stack would be reused by the next up() as if it were fine.
            for (Map.Entry<Component, Process> e : launched.entrySet()) {
                Processes.stop(e.getValue().toHandle(), servers.get(e.getKey()).stopSignal(), Duration.ofSeconds(15));
            }
            synchronized (stateLock) {
                for (Component c : launched.keySet()) {
                    state[0] = state[0].with(c, null);
                }
                state[0].write(config.stateFile());
            }
            String stopped = launched.isEmpty() ? "" : System.lineSeparator() + "(stopped again what this attempt had started: "
                    + launched.keySet().stream().map(Component::id).sorted().toList() + ")";
            throw new StackException(String.join(System.lineSeparator(), failures) + stopped);
        }
        return times;
    }

    /** @return true when ready, false when {@code abort} was raised first */
    private boolean awaitReady(ManagedServer s, ProcessHandle ph, Process process, Duration timeout, String notReadyMessage,
                               AtomicBoolean abort) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (s.ready(ph)) {
                return true;
            }
            if (abort != null && abort.get()) {
                return false;
            }
            if (!ph.isAlive()) {
                String code = process != null ? " with exit code " + process.exitValue() : "";
                throw s.failure("exited during startup" + code);
            }
            if (System.nanoTime() > deadline) {
                throw s.failure(notReadyMessage != null ? notReadyMessage
                        : "did not become ready within " + timeout.toSeconds() + " s (pid " + ph.pid() + ")");
            }
            Thread.sleep(200);
        }
    }

    private Optional<ProcessHandle> find(ManagedServer s, StackState state, Snapshot snapshot) {
        List<ProcessHandle> all = findAll(s, state, snapshot);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The recorded pid if it still is our process, plus any other live process carrying our markers. */
    private List<ProcessHandle> findAll(ManagedServer s, StackState state, Snapshot snapshot) {
        List<ProcessHandle> result = new ArrayList<>();
        StackState.Entry e = state.entry(s.component);
        if (e != null) {
            ProcessHandle.of(e.pid()).filter(ProcessHandle::isAlive)
                    .filter(h -> s.isOurs(Processes.commandLine(h)))
                    .ifPresent(result::add);
        }
        for (Map.Entry<ProcessHandle, List<String>> p : snapshot.processes().entrySet()) {
            if (s.isOurs(p.getValue()) && result.stream().noneMatch(r -> r.pid() == p.getKey().pid()) && p.getKey().isAlive()) {
                result.add(p.getKey());
            }
        }
        return result;
    }

    /** Command lines of all processes, read once per operation (the scan reads /proc for every pid). */
    private static final class Snapshot {
        private Map<ProcessHandle, List<String>> processes;

        Map<ProcessHandle, List<String>> processes() {
            if (processes == null) {
                long self = ProcessHandle.current().pid();
                Map<ProcessHandle, List<String>> map = new LinkedHashMap<>();
                ProcessHandle.allProcesses().filter(h -> h.pid() != self).forEach(h -> map.put(h, Processes.commandLine(h)));
                processes = map;
            }
            return processes;
        }
    }

    private <T> T withStackLock(String what, Distributions.IoCallable<T> action) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StackException("Cannot create the stack data dir " + config.dataDir() + ": " + e.getMessage(), e);
        }
        return Distributions.withFileLock(config.dataDir().resolve(".stack.lock"), Duration.ofMinutes(20), what, action);
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return "LocalStack[" + config.dataDir() + "]";
    }

    /** Path of the stack's state file, for messages. */
    Path stateFile() {
        return config.stateFile();
    }
}
