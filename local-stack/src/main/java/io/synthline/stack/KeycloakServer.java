package io.synthline.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keycloak from the official Quarkus distribution zip.
 *
 * <p>The zip is unpacked once into the shared cache and {@code kc.sh build} runs there once, so
 * every later start is {@code start --optimized} (no 30 s re-augmentation). Keycloak keeps its
 * runtime state under {@code <kc.home.dir>/data} (H2 database, import dir, transaction logs), so each
 * stack gets its own small home under its data dir whose {@code lib}, {@code providers},
 * {@code themes} and {@code bin} are symlinks into the built cache, and whose {@code conf} and
 * {@code data} are private.
 *
 * <p>The server JVM is started directly (same flags as kc.sh) rather than through kc.sh: kc.sh
 * stays alive as a parent shell, so its pid would not be the server's.
 */
final class KeycloakServer extends ManagedServer {

    static final String REALM_RESOURCE = "io/synthline/stack/keycloak/synthline-realm.json";
    /** Build-time options; a change here triggers one rebuild of the cached distribution. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final List<String> LINKED = List.of("lib", "providers", "themes", "bin");

    KeycloakServer(StackConfig config, Consumer<String> progress) {
        super(config, Component.KEYCLOAK, progress);
    }

    Path distribution() {
        return config.cacheDir().resolve("keycloak-" + Distributions.keycloakVersion());
    }

    Path home() {
        return workDir().resolve("home");
    }

    String issuerUrl() {
        return StackEndpoints.of(config).issuerUrl();
    }

    @Override
    boolean isOurs(List<String> commandLine) {
        return isOurJvm(commandLine);
    }

    /** The realm's discovery document: only served once Keycloak is up and the realm is imported. */
    @Override
    boolean healthy() {
        return Probes.httpOk(issuerUrl() + "/.well-known/openid-configuration");
    }

    @Override
    String endpoint() {
        return issuerUrl();
    }

    @Override
    Duration startupTimeout() {
        return Duration.ofSeconds(240);
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        if (Runtime.version().feature() < 21) {
            throw new StackException("Keycloak " + Distributions.keycloakVersion() + " needs Java 21 or newer; the stack runs it"
                    + " with the JVM it is called from (" + System.getProperty("java.home") + ", Java "
                    + Runtime.version().feature() + ")");
        }
        Path dist = distribution();
        Path marker = dist.resolve(".synthline-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (Files.exists(marker) && Files.readString(marker).trim().equals(wanted)) {
            return;
        }
        Distributions.withFileLock(config.cacheDir().resolve(".locks").resolve(dist.getFileName() + ".lock"),
                Duration.ofMinutes(15), "building Keycloak", () -> {
                    if (Files.exists(marker) && Files.readString(marker).trim().equals(wanted)) {
                        return null;
                    }
                    if (!Files.isRegularFile(dist.resolve("lib/quarkus-run.jar"))) {
                        Path zip = Distributions.keycloakZip();
                        progress.accept("Unpacking Keycloak " + Distributions.keycloakVersion() + " to " + dist + " (once)");
                        Path tmp = config.cacheDir().resolve(dist.getFileName() + ".tmp-" + ProcessHandle.current().pid());
                        FileTrees.deleteRecursively(tmp);
                        FileTrees.unzip(zip, tmp);
                        FileTrees.deleteRecursively(dist);
                        Files.move(tmp.resolve("keycloak-" + Distributions.keycloakVersion()), dist, StandardCopyOption.ATOMIC_MOVE);
                        FileTrees.deleteRecursively(tmp);
                    }
                    progress.accept("Building Keycloak (kc.sh build, once; takes about 30-60 s)");
                    Path buildLog = config.logsDir().resolve("keycloak-build.log");
                    Processes.rotate(buildLog);
                    List<String> cmd = new ArrayList<>(List.of("sh", dist.resolve("bin/kc.sh").toString(), "build"));
                    cmd.addAll(BUILD_OPTIONS);
                    int rc = Processes.runToCompletion(cmd, dist,
                            Map.of("JAVA_HOME", Processes.javaHome().toString()), buildLog, null, Duration.ofMinutes(10));
                    if (rc != 0) {
                        throw new StackException("Keycloak build (kc.sh build) failed with exit " + rc + Processes.tailSection(buildLog));
                    }
                    Files.writeString(marker, wanted + "\n");
                    return null;
                });
    }

    @Override
    Process launch() throws IOException {
        prepareHome();
        Processes.rotate(logFile());
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.javaExecutable().toString());
        cmd.addAll(jvmMarkers());
        Path home = home();
        // Mirrors the JVM options of kc.sh for this version, with a smaller heap.
        cmd.addAll(List.of(
                "-Xms64m", "-Xmx768m",
                "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m",
                "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Djava.security.egd=file:/dev/urandom",
                "-Duser.language=en", "-Duser.country=US",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + home,
                "-Djboss.server.config.dir=" + home.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dpicocli.disable.closures=true",
                "-Dquarkus-log-max-startup-records=10000",
                "-cp", home.resolve("lib/quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                "start", "--optimized",
                "--http-enabled=true",
                "--http-host=" + config.host(),
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--hostname-strict=false",
                // The default ("ispn") clusters over JGroups on a public interface and port 7800.
                "--cache=local",
                "--import-realm",
                "--log-console-color=false"));
        return Processes.launchDetached(cmd, home, Map.of(
                // Dev-only master-realm admin, created on the first start of a data dir.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"), logFile());
    }

    /**
     * Per-stack Keycloak home. Keycloak's default import strategy skips realms that already exist,
     * so when the realm definition differs from the one a data dir was started with, the realm's
     * database is dropped and the realm imported afresh (its users and clients are all defined in
     * the file; sessions are lost, nothing else).
     */
    private void prepareHome() throws IOException {
        Path home = home();
        Path dist = distribution();
        Files.createDirectories(home.resolve("data/import"));
        for (String name : LINKED) {
            Path link = home.resolve(name);
            Path target = dist.resolve(name);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                continue;
            }
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.deleteRecursively(link);
            }
            Files.createSymbolicLink(link, target);
        }
        if (!Files.isDirectory(home.resolve("conf"))) {
            FileTrees.copyRecursively(dist.resolve("conf"), home.resolve("conf"));
        }
        Files.copy(dist.resolve("version.txt"), home.resolve("version.txt"), StandardCopyOption.REPLACE_EXISTING);
        try (InputStream realm = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new StackException("Realm resource " + REALM_RESOURCE + " is missing from the local-stack jar");
            }
            byte[] definition = realm.readAllBytes();
            // the definition the database was imported from, recorded beside it (a data dir without the record is imported again)
            Path record = home.resolve("data/realm-imported.json");
            boolean current = Files.exists(record) && java.util.Arrays.equals(Files.readAllBytes(record), definition);
            if (!current && Files.exists(home.resolve("data/h2"))) {
                FileTrees.deleteRecursively(home.resolve("data/h2"));
            }
            Files.write(home.resolve("data/import/synthline-realm.json"), definition);
            Files.write(record, definition);
        }
    }
}
