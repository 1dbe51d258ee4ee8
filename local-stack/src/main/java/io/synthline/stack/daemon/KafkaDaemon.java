package io.synthline.stack.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Main of the Kafka daemon JVM: formats the KRaft storage on first start, runs the broker, and once
 * it serves requests creates the platform topics and writes its pid to the ready file. Doing all of
 * it in the broker's JVM saves two extra JVM launches (kafka-storage, kafka-topics) per start.
 *
 * <p>Arguments: {@code <server.properties> <cluster-id> <ready-file> <topic,topic,...>}
 */
public final class KafkaDaemon {

    private static final int TOPIC_PARTITIONS = 3;
    private static final short REPLICATION_FACTOR = 1;

    private KafkaDaemon() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: KafkaDaemon <server.properties> <cluster-id> <ready-file> <topics>");
            System.exit(2);
        }
        Path props = Path.of(args[0]);
        String clusterId = args[1];
        Path ready = Path.of(args[2]);
        List<String> topics = List.of(args[3].split(","));

        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(in);
        }
        Path logDir = Path.of(p.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            System.out.println("[synthline] formatting KRaft storage " + logDir + " for cluster " + clusterId);
            int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", props.toString(), "--ignore-formatted"}, System.out);
            if (rc != 0) {
                System.err.println("[synthline] kafka-storage format failed with exit code " + rc);
                System.exit(rc);
            }
        }

        String bootstrap = p.getProperty("advertised.listeners").replace("PLAINTEXT://", "");
        Thread init = new Thread(() -> initTopicsAndSignal(bootstrap, topics, ready), "synthline-topic-init");
        init.setDaemon(true);
        init.start();

        // Blocks until the broker shuts down (SIGTERM runs Kafka's own shutdown hook).
        Kafka.main(new String[] {props.toString()});
    }

    /** The admin client would log a warning per failed connect while the broker boots; wait quietly instead. */
    private static void awaitListener(String bootstrap, Duration timeout) throws InterruptedException {
        int colon = bootstrap.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(bootstrap.substring(0, colon), Integer.parseInt(bootstrap.substring(colon + 1)));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(address, 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
    }

    private static void initTopicsAndSignal(String bootstrap, List<String> topics, Path ready) {
        try {
            awaitListener(bootstrap, Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "synthline-topic-init",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis()))) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String t : topics) {
                wanted.add(new NewTopic(t, TOPIC_PARTITIONS, REPLICATION_FACTOR));
            }
            var results = admin.createTopics(wanted).values();
            for (var e : results.entrySet()) {
                try {
                    e.getValue().get();
                    System.out.println("[synthline] created topic " + e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                }
            }
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
            Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[synthline] Kafka ready, topics " + topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | IOException | RuntimeException e) {
            // Without its topics the stack is not usable: exit so the launcher reports this log.
            System.err.println("[synthline] topic initialisation failed: " + e);
            e.printStackTrace();
            System.exit(3);
        }
    }
}
