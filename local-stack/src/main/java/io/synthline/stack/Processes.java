package io.synthline.stack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Launching, finding and stopping the daemon processes; Linux-specific where it has to be. */
final class Processes {

    private static final Path DEV_NULL = Path.of("/dev/null");
    private static final List<Path> SETSID_CANDIDATES = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    /** Env vars that would silently change how a daemon JVM or Keycloak behaves if inherited from the caller. */
    private static final List<String> SCRUBBED_ENV = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS",
            "CLASSPATH", "JAVA_OPTS", "JAVA_OPTS_APPEND", "PGDATA", "PGPORT", "PGHOST");

    private Processes() {
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }

    /** Effective uid from /proc: the JDK has no portable way and PostgreSQL cares about uid 0 only. */
    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] parts = line.substring(4).trim().split("\\s+");
                    return parts.length > 1 && "0".equals(parts[1]);
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return false;
    }

    /** Environment for a child: the caller's, minus variables that would reconfigure the daemon behind our back. */
    static void scrubEnvironment(Map<String, String> env) {
        SCRUBBED_ENV.forEach(env::remove);
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_") || k.startsWith("QUARKUS_"));
    }

    /**
     * Starts a process that outlives this JVM. setsid puts it in its own session so that a Ctrl-C or
     * a closed terminal of the shell that ran {@code synth stack up} does not reach it; setsid execs
     * (the child of a JVM is never a process-group leader), so the pid we get is the daemon's own.
     */
    static Process launchDetached(List<String> command, Path workDir, Map<String, String> extraEnv, Path logFile)
            throws IOException {
        List<String> full = new ArrayList<>();
        setsid().ifPresent(p -> full.add(p.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toFile());
        scrubEnvironment(pb.environment());
        pb.environment().putAll(extraEnv);
        Files.createDirectories(logFile.getParent());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.redirectInput(DEV_NULL.toFile());
        return pb.start();
    }

    /** Runs a helper to completion, output appended to logFile; returns the exit code. */
    static int runToCompletion(List<String> command, Path workDir, Map<String, String> extraEnv, Path logFile,
                               File stdin, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        scrubEnvironment(pb.environment());
        pb.environment().putAll(extraEnv);
        Files.createDirectories(logFile.getParent());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.redirectInput(stdin == null ? DEV_NULL.toFile() : stdin);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new StackException("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + " s" + tailSection(logFile));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            // kc.sh runs the build JVM as its child: kill the whole family, not just the shell.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command.getFirst(), e);
        }
    }

    private static Optional<Path> setsid() {
        return SETSID_CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Keeps exactly one previous log, so a failure report shows only the current attempt. */
    static void rotate(Path logFile) throws IOException {
        if (Files.exists(logFile) && Files.size(logFile) > 0) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** argv of a live process, or empty if it is gone or not ours to inspect. */
    static List<String> commandLine(ProcessHandle ph) {
        ProcessHandle.Info info = ph.info();
        List<String> result = new ArrayList<>();
        info.command().ifPresent(result::add);
        info.arguments().ifPresent(a -> result.addAll(Arrays.asList(a)));
        return result;
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Graceful stop with the given signal, then SIGKILL of the process and everything it spawned.
     * Descendants are collected before the kill because once the parent is gone they are reparented
     * and can no longer be found (PostgreSQL backends would then keep the shared memory busy).
     *
     * @return true if the process went away on the graceful signal
     */
    static boolean stop(ProcessHandle ph, String signal, Duration graceful) {
        if (!ph.isAlive()) {
            return true;
        }
        List<ProcessHandle> family = ph.descendants().toList();
        if ("TERM".equals(signal)) {
            ph.destroy();
        } else {
            signal(ph.pid(), signal);
        }
        if (awaitExit(ph, graceful)) {
            return true;
        }
        family = new ArrayList<>(family);
        family.addAll(ph.descendants().toList());
        ph.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        awaitExit(ph, Duration.ofSeconds(10));
        return false;
    }

    static boolean awaitExit(ProcessHandle ph, Duration timeout) {
        try {
            ph.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !ph.isAlive();
        } catch (ExecutionException e) {
            return !ph.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !ph.isAlive();
        }
    }

    /** Last lines of a log, read from the end so a huge log costs nothing. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            raf.seek(start);
            byte[] buf = new byte[(int) (length - start)];
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\\R")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A "--- last lines of X ---" block for error messages, or "" if there is no log yet. */
    static String tailSection(Path logFile) {
        String tail = tail(logFile, 25);
        if (tail.isBlank()) {
            return System.lineSeparator() + "(no output in " + logFile + ")";
        }
        return System.lineSeparator() + "--- last lines of " + logFile + " ---" + System.lineSeparator() + tail
                + System.lineSeparator() + "---";
    }
}
