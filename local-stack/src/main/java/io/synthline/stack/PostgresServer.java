package io.synthline.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PostgreSQL from the zonky binaries, driven directly (initdb, single-user mode, postgres) rather
 * than through zonky's EmbeddedPostgres, whose server lives and dies with the JVM that created it.
 *
 * <p>PostgreSQL refuses to run as root. Like zonky, we then wrap every binary in {@code unshare -U}:
 * in a fresh user namespace without uid mapping the process sees itself as the overflow uid
 * (nobody), which satisfies PostgreSQL's root check and its "data dir owned by me" check (the
 * root-owned files also show up as the overflow uid), while the kernel still performs file access
 * as the real root user.
 */
final class PostgresServer extends ManagedServer {

    private static final String TXZ_RESOURCE = "postgres-linux-x86_64.txz";

    PostgresServer(StackConfig config, Consumer<String> progress) {
        super(config, Component.POSTGRES, progress);
    }

    Path pgHome() {
        return config.cacheDir().resolve("postgres-" + Distributions.postgresVersion() + "-linux-x86_64");
    }

    Path dataPath() {
        return workDir().resolve("data");
    }

    @Override
    boolean isOurs(List<String> cmd) {
        if (cmd.isEmpty() || !cmd.getFirst().endsWith("postgres") || cmd.contains("--single")) {
            return false;
        }
        int d = cmd.indexOf("-D");
        return d >= 0 && d + 1 < cmd.size() && Path.of(cmd.get(d + 1)).equals(dataPath());
    }

    @Override
    boolean healthy() {
        return Probes.postgresReady(config.host(), config.postgresPort(), StackEndpoints.DB_USER);
    }

    @Override
    String endpoint() {
        return "postgresql://" + config.host() + ":" + config.postgresPort() + "/{" + String.join(",", StackEndpoints.DATABASES) + "}";
    }

    @Override
    Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }

    /** SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client to disconnect. */
    @Override
    String stopSignal() {
        return "INT";
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        String arch = System.getProperty("os.arch", "");
        if (!Processes.isLinux() || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new StackException("The local stack bundles PostgreSQL binaries for linux-amd64 only (this is "
                    + System.getProperty("os.name") + "/" + arch + ")");
        }
        Path home = pgHome();
        Path marker = home.resolve(".synthline-extracted");
        if (Files.exists(marker)) {
            return;
        }
        Distributions.withFileLock(config.cacheDir().resolve(".locks").resolve(home.getFileName() + ".lock"),
                Duration.ofMinutes(5), "unpacking PostgreSQL", () -> {
                    if (Files.exists(marker)) {
                        return null;
                    }
                    progress.accept("Unpacking PostgreSQL " + Distributions.postgresVersion() + " binaries to " + home + " (once)");
                    Path tmp = home.resolveSibling(home.getFileName() + ".tmp-" + ProcessHandle.current().pid());
                    FileTrees.deleteRecursively(tmp);
                    FileTrees.deleteRecursively(home);
                    // commons-compress/xz are daemon-only dependencies, so unpacking runs in a helper JVM.
                    int rc = Processes.runToCompletion(List.of(Processes.javaExecutable().toString(),
                                    "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                                    "io.synthline.stack.daemon.ExtractPostgres", TXZ_RESOURCE, tmp.toString()),
                            config.cacheDir(), Map.of("CLASSPATH", Distributions.daemonClasspath()), logFile(), null,
                            Duration.ofMinutes(3));
                    if (rc != 0) {
                        throw failure("binaries could not be unpacked (exit " + rc + ")");
                    }
                    Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(marker, Distributions.postgresVersion());
                    return null;
                });
    }

    @Override
    Process launch() throws IOException, InterruptedException {
        Files.createDirectories(workDir());
        Processes.rotate(logFile());
        List<String> prefix = userNamespacePrefix();
        if (!Files.exists(dataPath().resolve("PG_VERSION"))) {
            progress.accept("Initialising PostgreSQL data directory " + dataPath());
            initdb(prefix);
        }
        createDatabases(prefix);
        // A postmaster.pid left by a killed server makes PostgreSQL refuse to start when the recorded
        // pid was reused; in the user namespace it cannot even tell (kill(pid, 0) gives EPERM). The
        // caller has verified that no server of this stack is running, so the file is stale.
        Files.deleteIfExists(dataPath().resolve("postmaster.pid"));
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(pgHome().resolve("bin/postgres").toString(),
                "-D", dataPath().toString(),
                "-p", Integer.toString(config.postgresPort()),
                "-c", "listen_addresses=" + config.host(),
                // No unix socket: nothing here uses it, and its default /tmp location would be shared between stacks.
                "-c", "unix_socket_directories=",
                // Four services with connection pools plus tests; the default 100 is tight.
                "-c", "max_connections=200",
                // Dev data: trade the last few ms of commits on power loss for much faster tests.
                "-c", "synchronous_commit=off"));
        return Processes.launchDetached(cmd, workDir(), Map.of(), logFile());
    }

    private void initdb(List<String> prefix) throws IOException {
        Path pwFile = workDir().resolve(".initdb-pw");
        Files.writeString(pwFile, StackEndpoints.DB_PASSWORD + "\n");
        try {
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of(pgHome().resolve("bin/initdb").toString(),
                    "-D", dataPath().toString(),
                    "-U", StackEndpoints.DB_USER, "--pwfile=" + pwFile,
                    // Password auth over TCP (what the services use); trust only on the disabled unix socket.
                    "--auth-host=scram-sha-256", "--auth-local=trust",
                    "-E", "UTF8", "--locale=C", "--no-instructions"));
            int rc = Processes.runToCompletion(cmd, workDir(), Map.of(), logFile(), null, Duration.ofMinutes(2));
            if (rc != 0) {
                throw failure("initdb failed (exit " + rc + ")");
            }
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    /**
     * Creates the service databases in single-user mode before the server starts: no JDBC driver is
     * needed in this JVM and no server has to be up yet. Single-user mode reports "already exists"
     * and carries on, which makes this idempotent; the marker only saves the half second.
     */
    private void createDatabases(List<String> prefix) throws IOException {
        Path marker = workDir().resolve(".databases");
        String wanted = String.join(",", StackEndpoints.DATABASES);
        if (Files.exists(marker) && Files.readString(marker).trim().equals(wanted)) {
            return;
        }
        progress.accept("Creating databases " + wanted);
        Path sql = workDir().resolve(".create-databases.sql");
        StringBuilder sb = new StringBuilder();
        for (String db : StackEndpoints.DATABASES) {
            sb.append("CREATE DATABASE ").append(db).append(" OWNER ").append(StackEndpoints.DB_USER).append(";\n");
        }
        Files.writeString(sql, sb.toString());
        Path out = workDir().resolve(".create-databases.out");
        Files.deleteIfExists(out);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(pgHome().resolve("bin/postgres").toString(), "--single",
                "-D", dataPath().toString(), "-c", "unix_socket_directories=", "-c", "listen_addresses=", "postgres"));
        int rc = Processes.runToCompletion(cmd, workDir(), Map.of(), out, sql.toFile(), Duration.ofMinutes(2));
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.writeString(logFile(), output, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        boolean realError = output.lines().anyMatch(l -> (l.contains("ERROR:") || l.contains("FATAL:")) && !l.contains("already exists"));
        if (rc != 0 || realError) {
            throw failure("could not create the databases (exit " + rc + ")");
        }
        Files.deleteIfExists(sql);
        Files.deleteIfExists(out);
        Files.writeString(marker, wanted);
    }

    private static volatile Boolean unshareWorks;

    private List<String> userNamespacePrefix() throws IOException, InterruptedException {
        if (!Processes.isRoot()) {
            return List.of();
        }
        if (unshareWorks == null) {
            Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            unshareWorks = p.waitFor() == 0;
        }
        if (!unshareWorks) {
            throw new StackException("PostgreSQL refuses to run as root, and user namespaces ('unshare -U') are not"
                    + " available here to work around it. Run the stack as a non-root user.");
        }
        return List.of("unshare", "-U");
    }
}
