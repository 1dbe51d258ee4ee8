package io.synthline.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Build-time facts about the server artifacts: versions and locations recorded by the Maven build
 * of this module (resource filtering and dependency:build-classpath). Nothing is downloaded at run
 * time; the Maven local repository is the download cache.
 */
final class Distributions {

    static final String CLASSPATH_RESOURCE = "io/synthline/stack/daemon-classpath.txt";
    static final String PROPERTIES_RESOURCE = "io/synthline/stack/stack-distributions.properties";
    static final String ENV_KEYCLOAK_ZIP = "SYNTHLINE_KEYCLOAK_ZIP";
    private static final String REBUILD_HINT = "Rebuild the module so Maven resolves it again: ./mvnw -pl local-stack -am package -DskipTests";

    private static volatile Properties properties;

    private Distributions() {
    }

    static String keycloakVersion() {
        return property("keycloak.version");
    }

    static String postgresVersion() {
        return property("postgres.version");
    }

    static String kafkaVersion() {
        return property("kafka.version");
    }

    static String s3mockVersion() {
        return property("s3mock.version");
    }

    /** S3Mock's executable Spring Boot jar: run as its own JVM, never on a classpath of ours. */
    static Path s3mockJar() {
        Path jar = Path.of(property("s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new StackException("The S3Mock " + s3mockVersion() + " server jar is missing: " + jar + ". " + REBUILD_HINT);
        }
        return jar;
    }

    static Path keycloakZip() {
        String override = System.getenv(ENV_KEYCLOAK_ZIP);
        Path zip = Path.of(override != null && !override.isBlank() ? override.trim() : property("keycloak.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new StackException("The Keycloak " + keycloakVersion() + " distribution is missing: " + zip
                    + ". " + REBUILD_HINT + " (or point " + ENV_KEYCLOAK_ZIP + " at keycloak-" + keycloakVersion() + ".zip)");
        }
        return zip;
    }

    /**
     * Classpath of the daemon JVMs: this module's own classes (the daemon mains live here) followed
     * by the optional server dependencies recorded at build time. The consumer's classpath never sees
     * those jars.
     */
    static String daemonClasspath() {
        String recorded;
        try (InputStream in = resource(CLASSPATH_RESOURCE)) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> entries = new ArrayList<>();
        entries.add(ownCodeLocation().toString());
        List<String> missing = new ArrayList<>();
        for (String entry : recorded.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (!Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
            entries.add(entry);
        }
        if (!missing.isEmpty()) {
            throw new StackException("The local stack's server jars are missing from the Maven repository ("
                    + missing.size() + " of them, e.g. " + missing.getFirst() + "). " + REBUILD_HINT);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or classes directory this class was loaded from. */
    static Path ownCodeLocation() {
        try {
            CodeSource cs = Distributions.class.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null && "file".equals(cs.getLocation().getProtocol())) {
                return Path.of(cs.getLocation().toURI());
            }
            // Some class loaders (Quarkus tests) give no CodeSource: derive it from the class file's URL.
            java.net.URL self = Distributions.class.getResource("Distributions.class");
            if (self != null) {
                String url = self.toString();
                if (url.startsWith("jar:file:")) {
                    return Path.of(java.net.URI.create(url.substring(4, url.indexOf("!/"))));
                }
                if (url.startsWith("file:")) {
                    Path classFile = Path.of(self.toURI());
                    // .../classes/io/synthline/stack/Distributions.class -> .../classes
                    return classFile.getParent().getParent().getParent().getParent();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StackException("Cannot locate the local-stack classes: " + e.getMessage(), e);
        }
        throw new StackException("Cannot locate the local-stack classes (loaded by "
                + Distributions.class.getClassLoader() + ") to put them on the daemon classpath");
    }

    private static String property(String key) {
        Properties p = properties;
        if (p == null) {
            p = new Properties();
            try (InputStream in = resource(PROPERTIES_RESOURCE)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties = p;
        }
        String value = p.getProperty(key);
        if (value == null || value.contains("${")) {
            throw new StackException(PROPERTIES_RESOURCE + " was not filtered by the build (" + key + "=" + value + "). " + REBUILD_HINT);
        }
        return value;
    }

    private static InputStream resource(String name) {
        InputStream in = Distributions.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new StackException("Resource " + name + " is missing: the local-stack module was not built by Maven. " + REBUILD_HINT);
        }
        return in;
    }

    /** Runs {@code action} holding an exclusive lock shared by all JVMs on this machine. */
    static <T> T withFileLock(Path lockFile, Duration timeout, String what, IoCallable<T> action) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = null;
                while (lock == null) {
                    try {
                        lock = ch.tryLock();
                    } catch (OverlappingFileLockException sameJvm) {
                        // Held by another thread or class loader of this JVM: wait like for another process.
                        lock = null;
                    }
                    if (lock == null) {
                        if (System.nanoTime() > deadline) {
                            throw new StackException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                                    + " (lock " + lockFile + " held by another process)");
                        }
                        Thread.sleep(200);
                    }
                }
                try {
                    return action.call();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new StackException("I/O error during " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for " + what, e);
        }
    }

    @FunctionalInterface
    interface IoCallable<T> {
        T call() throws IOException, InterruptedException;
    }
}
