package io.synthline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiClient;
import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.cli.platform.PlatformLauncher.Service;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.events.Topics;
import io.synthline.fixtures.JsonFields;
import io.synthline.stack.Component;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.LocalStack;
import io.synthline.stack.StackEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing doubled, with the packaged governance service as a process on the real
 * stack: governance is killed (SIGKILL) in the middle of a stream of events and started again, and
 * Kafka is stopped and restarted while events are produced and while governance writes its own
 * events to its outbox. Each time the audit trail ends up with exactly one entry per event, in an
 * intact chain.
 */
class GovernanceResilienceIT {
    static RunningPlatform running;
    static LocalStack stack;
    static PlatformLauncher platform;
    static StackEndpoints endpoints;

    @BeforeAll
    static void start() throws Exception {
        running = RunningPlatform.start(EnumSet.of(Service.GOVERNANCE));
        stack = running.stack;
        platform = running.platform;
        endpoints = running.endpoints;
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void killingGovernanceMidStreamLosesAndDoublesNothing() throws Exception {
        String tenant = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 600;
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                EventEnvelope e = registered(tenant, i);
                sent.add(producer.send(new ProducerRecord<>(Topics.DATASETS, e.subject(), e.toJson())));
                if (i == 200) {
                    producer.flush();
                    awaitCount(tenant, 50, Duration.ofSeconds(90));
                    long before = count(tenant);
                    platform.kill(Service.GOVERNANCE);
                    System.out.println("resilience: killed governance with " + before + " of " + (i + 1) + " events audited");
                }
                if (i == 400) {
                    producer.flush();
                    platform.relaunch(Service.GOVERNANCE);
                    System.out.println("resilience: governance restarted");
                }
                if (i % 50 == 0) {
                    Thread.sleep(100);
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        awaitCount(tenant, total, Duration.ofMinutes(3));
        Thread.sleep(3000); // redeliveries after the crash would show up late: they must not
        assertExactlyOncePerEvent(tenant, total);
        assertChainIntact(tenant);
    }

    @Test
    void restartingKafkaMidStreamLosesAndDoublesNothing() throws Exception {
        String tenant = "kafka-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 300;
        String adminToken = KeycloakTokens.clientCredentials(endpoints.issuerUrl(), StackEndpoints.SERVICE_CLIENT_ID,
                StackEndpoints.SERVICE_CLIENT_SECRET).token();
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            int governanceActions = 0;
            for (int i = 0; i < total; i++) {
                EventEnvelope e = registered(tenant, i);
                sent.add(producer.send(new ProducerRecord<>(Topics.DATASETS, e.subject(), e.toJson())));
                if (i == 100) {
                    producer.flush();
                    awaitCount(tenant, 20, Duration.ofSeconds(90));
                    stack.down(Set.of(Component.KAFKA));
                    System.out.println("resilience: Kafka stopped at event " + (i + 1) + ", " + count(tenant) + " audited");
                    // governance keeps working: its own audited actions wait in its outbox until Kafka is back
                    for (int k = 0; k < 3; k++) {
                        setTenantCap(adminToken, tenant, k);
                        governanceActions++;
                    }
                    Thread.sleep(2000);
                    stack.up();
                    System.out.println("resilience: Kafka started again");
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
            awaitCount(tenant, total + governanceActions, Duration.ofMinutes(3));
            Thread.sleep(3000);
            assertExactlyOncePerEvent(tenant, total + governanceActions);
            assertThat(countOfType(tenant, "budget.cap-changed")).isEqualTo(governanceActions);
        }
        assertChainIntact(tenant);
    }

    // ---------------------------------------------------------------------------------------------

    /** A governance action that writes an audited event to governance's outbox: a platform admin sets the tenant's budget cap. */
    static void setTenantCap(String adminToken, String tenant, int k) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(platform.endpoints().governance() + "/api/v1/budget?tenant=" + tenant))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"epsilonCap\": " + (10 + k) + ", \"justification\": \"resilience test cap " + k + "\"}"))
                .build();
        HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    static EventEnvelope registered(String tenant, int i) {
        String id = UUID.randomUUID().toString();
        return EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, "datasets/" + id, tenant, tenant + "-owner",
                new Payloads.DatasetRegistered(id, "stream-" + i, tenant + "/datasets/" + id + "/data.csv", "ab".repeat(32), i,
                        tenant + "-owner", "internal"));
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", endpoints.kafkaBootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        // ride out a Kafka restart: keep retrying instead of failing the sends
        p.put("delivery.timeout.ms", "180000");
        p.put("max.block.ms", "180000");
        return new KafkaProducer<>(p);
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(endpoints.jdbcUrl("governance"), endpoints.dbUser(), endpoints.dbPassword());
    }

    static long count(String tenant) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE tenant = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long countOfType(String tenant, String type) throws Exception {
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE tenant = ? AND event_type = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void awaitCount(String tenant, long expected, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long seen = count(tenant);
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            seen = count(tenant);
        }
        assertThat(seen).as("audit entries of " + tenant).isGreaterThanOrEqualTo(expected);
    }

    static void assertExactlyOncePerEvent(String tenant, long expected) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*), count(DISTINCT event_id), min(chain_index), max(chain_index) FROM audit_entry WHERE tenant = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.printf("resilience: tenant %s: %d entries, %d distinct events, chain %d..%d%n", tenant, rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4));
                assertThat(rs.getLong(1)).as("entries").isEqualTo(expected);
                assertThat(rs.getLong(2)).as("distinct events").isEqualTo(expected);
                assertThat(rs.getLong(3)).isEqualTo(1);
                assertThat(rs.getLong(4)).as("no gap in the chain").isEqualTo(expected);
            }
        }
    }

    static void assertChainIntact(String tenant) {
        String token = KeycloakTokens.clientCredentials(endpoints.issuerUrl(), StackEndpoints.SERVICE_CLIENT_ID,
                StackEndpoints.SERVICE_CLIENT_SECRET).token();
        JsonNode v = new ApiClient(platform.endpoints(), () -> token).get(platform.endpoints().governance(),
                "/api/v1/audit/verify?tenant=" + tenant);
        assertThat(JsonFields.bool(v, "chain", "valid")).as(v.toString()).isTrue();
    }
}
