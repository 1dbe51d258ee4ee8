package io.synthline.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A single-node KRaft Kafka (broker and controller in one JVM), run by
 * {@code io.synthline.stack.daemon.KafkaDaemon}, which also formats the storage on first start
 * and creates the platform topics before it reports ready.
 */
final class KafkaServer extends ManagedServer {

    static final String DAEMON_MAIN = "io.synthline.stack.daemon.KafkaDaemon";

    KafkaServer(StackConfig config, Consumer<String> progress) {
        super(config, Component.KAFKA, progress);
    }

    Path readyFile() {
        return workDir().resolve("ready");
    }

    @Override
    boolean isOurs(List<String> commandLine) {
        return isOurJvm(commandLine);
    }

    @Override
    boolean healthy() {
        return Probes.kafkaReady(config.host(), config.kafkaPort());
    }

    @Override
    boolean ready(ProcessHandle process) {
        // The daemon writes its pid into the ready file after the topics exist; a file left over from
        // an earlier run carries another pid.
        try {
            return Files.exists(readyFile())
                    && Files.readString(readyFile()).trim().equals(Long.toString(process.pid()))
                    && healthy();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    String endpoint() {
        return config.host() + ":" + config.kafkaPort();
    }

    @Override
    Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    Duration stopTimeout() {
        return Duration.ofSeconds(45);
    }

    @Override
    Process launch() throws IOException {
        Files.createDirectories(workDir());
        Processes.rotate(logFile());
        Files.deleteIfExists(readyFile());
        Path props = workDir().resolve("server.properties");
        Files.writeString(props, serverProperties());
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.javaExecutable().toString());
        cmd.addAll(jvmMarkers());
        cmd.addAll(List.of(
                "-Xms128m", "-Xmx512m",
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                // Kafka logs through SLF4J; slf4j-simple writes to stderr, which goes to the log file.
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss,SSS",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.utils.AppInfoParser=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.log=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage=warn",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
                DAEMON_MAIN,
                props.toString(), clusterId(), readyFile().toString(), String.join(",", StackEndpoints.TOPICS)));
        // The classpath goes through the environment: on the command line it would be kilobytes of
        // jar paths in every `ps` listing.
        return Processes.launchDetached(cmd, workDir(), Map.of("CLASSPATH", Distributions.daemonClasspath()), logFile());
    }

    String serverProperties() {
        String host = config.host();
        return String.join("\n",
                "# Written by synthline local-stack at every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + config.kafkaControllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + config.kafkaPort() + ",CONTROLLER://" + host + ":" + config.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://" + host + ":" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + workDir().resolve("data"),
                "auto.create.topics.enable=true",
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                // Fewer internal partitions than the production default of 50: much faster first start.
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Consumers in tests should get their partitions at once, not after 3 s.
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                "")
                + "\n";
    }

    /**
     * Generated once and persisted: the storage is formatted with it, and a broker refuses to start
     * on storage formatted for another cluster id.
     */
    private String clusterId() throws IOException {
        Path file = workDir().resolve("cluster.id");
        if (Files.exists(file)) {
            String id = Files.readString(file).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id;
        do {
            // Kafka's Uuid format: 16 random bytes, URL-safe base64 without padding, never starting with '-'.
            UUID uuid = UUID.randomUUID();
            ByteBuffer bb = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bb.array());
        } while (id.startsWith("-"));
        Files.writeString(file, id + "\n");
        return id;
    }
}
