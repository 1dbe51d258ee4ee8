package io.synthline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.stack.testing.ListeningSockets;
import io.synthline.stack.testing.LocalStackTestResource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real thing: starts PostgreSQL, Kafka and Keycloak from a purged data dir and talks to each
 * with its own client. Uses the test resource's config with its own port base (the
 * {@code synthline.it.portBase} property plus 300), so it neither clashes with the default test
 * stack of the service modules nor with a developer's {@code synth stack up}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final int BASE = Integer.getInteger(LocalStackTestResource.PORT_BASE_PROPERTY, LocalStackTestResource.DEFAULT_PORT_BASE) + 300;

    private static LocalStack stack;
    private static StackEndpoints endpoints;
    private static UpResult first;

    @BeforeAll
    static void startFromScratch() {
        // Point the test resource at this test's stack, so its reuse path is exercised too.
        System.setProperty(LocalStackTestResource.PORT_BASE_PROPERTY, Integer.toString(BASE));
        StackConfig config = LocalStackTestResource.config();
        stack = new LocalStack(config, m -> System.out.println("[local-stack] " + m));
        stack.purge();
        first = stack.up();
        endpoints = stack.endpoints();
        System.out.println("[local-stack] first start " + LocalStack.seconds(first.elapsed()) + " " + first.startupTimes());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    @Order(1)
    void everythingStartedAndRunning() {
        assertThat(first.started()).containsExactlyInAnyOrderElementsOf(LocalStack.CORE);
        assertThat(first.status().allRunning()).isTrue();
        System.out.print(first.status().toTable());
    }

    /**
     * Fixed dev credentials: no port of the stack may be reachable from another machine. Every socket
     * the servers listen on is on loopback, and the ports the stack configures are below the ephemeral
     * range (Keycloak also listens on one port the system picks, on loopback).
     */
    @Test
    @Order(1)
    void everyPortTheStackOpensIsOnLoopback() throws Exception {
        for (ComponentStatus c : stack.status().components()) {
            if (c.pid().isEmpty()) {
                continue;
            }
            var listeners = ListeningSockets.of(c.pid().getAsLong());
            Assumptions.assumeTrue(listeners.isPresent(), "no /proc/net/tcp: not Linux");
            assertThat(listeners.get()).as(c.component() + " listens").isNotEmpty()
                    .allSatisfy(l -> assertThat(l.address().isLoopbackAddress()).as(c.component() + " on " + l).isTrue());
            for (StackPort port : StackPort.values()) {
                if (port.component() == c.component()) {
                    assertThat(listeners.get()).extracting(ListeningSockets.Listener::port).as(c.component() + " listens")
                            .contains(stack.config().port(port));
                    assertThat(stack.config().port(port)).as(port + " below the ephemeral range").isLessThan(32768);
                }
            }
            System.out.println("[local-stack] " + c.component() + " listens on " + listeners.get());
        }
    }

    @Test
    @Order(2)
    void jdbcQueryOnEachDatabase() throws Exception {
        for (String db : endpoints.databases()) {
            try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(db), endpoints.dbUser(), endpoints.dbPassword());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_database(), current_user, inet_server_addr()::text")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(db);
                assertThat(rs.getString(2)).isEqualTo("synthline");
                assertThat(rs.getString(3)).startsWith("127.0.0.1");
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(endpoints.jdbcUrl("profiler"), "synthline", "wrong"))
                .hasMessageContaining("password authentication failed");
    }

    @Test
    @Order(3)
    void kafkaProduceAndConsume() throws Exception {
        String topic = "synthline.dataset.events";
        String key = "it-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        RecordMetadata meta;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            meta = producer.send(new ProducerRecord<>(topic, key, "{\"event\":\"dataset.uploaded\"}")).get();
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.stream().noneMatch(r -> key.equals(r.key())) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertThat(consumer.partitionsFor(topic)).as("platform topics have 3 partitions").hasSize(3);
            for (String t : endpoints.topics()) {
                assertThat(consumer.partitionsFor(t)).as(t).hasSize(3);
            }
        }
        assertThat(seen).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(key);
            assertThat(r.partition()).isEqualTo(meta.partition());
            assertThat(r.value()).contains("dataset.uploaded");
        });
    }

    @Test
    @Order(4)
    void passwordGrantCarriesTenantAndRoles() {
        AccessToken token = KeycloakTokens.passwordGrant(endpoints.issuerUrl(), endpoints.cliClientId(), "acme-owner", "demo");
        Map<String, Object> claims = token.claims();
        assertThat(claims.get("iss")).isEqualTo(endpoints.issuerUrl());
        assertThat(claims.get("tenant")).isEqualTo("acme");
        assertThat(token.realmRoles()).contains("data-owner").doesNotContain("platform-admin");
        assertThat(claims.get("preferred_username")).isEqualTo("acme-owner");
        assertThat(claims.get("email")).isEqualTo("acme-owner@acme.example");
        assertThat(claims.get("aud").toString()).contains("synthline-services");
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).isEqualTo(900);

        AccessToken globex = KeycloakTokens.passwordGrant(endpoints.issuerUrl(), endpoints.cliClientId(), "globex-auditor", "demo");
        assertThat(globex.tenant()).isEqualTo("globex");
        assertThat(globex.realmRoles()).contains("auditor");
    }

    @Test
    @Order(5)
    void clientCredentialsAndClearErrors() {
        AccessToken service = KeycloakTokens.clientCredentials(endpoints.issuerUrl(), endpoints.serviceClientId(), endpoints.serviceClientSecret());
        assertThat(service.realmRoles()).contains("platform-admin");
        assertThat(service.claims().get("azp")).isEqualTo("synthline-services");

        assertThatThrownBy(() -> KeycloakTokens.passwordGrant(endpoints.issuerUrl(), endpoints.cliClientId(), "acme-owner", "wrong"))
                .isInstanceOf(KeycloakTokenException.class)
                .hasMessageContaining("wrong username or password");
        assertThatThrownBy(() -> KeycloakTokens.clientCredentials(endpoints.issuerUrl(), endpoints.serviceClientId(), "nope"))
                .isInstanceOf(KeycloakTokenException.class)
                .hasMessageContaining("wrong client secret");
        assertThatThrownBy(() -> KeycloakTokens.passwordGrant(endpoints.issuerUrl(), endpoints.dashboardClientId(), "acme-owner", "demo"))
                .as("the dashboard must use the browser flow")
                .isInstanceOf(KeycloakTokenException.class);
    }

    /** Loopback redirect wildcards with any port, and PKCE S256 enforced. */
    @Test
    @Order(6)
    void dashboardLoginRedirects() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String base = endpoints.issuerUrl() + "/protocol/openid-connect/auth?client_id=synthline-dashboard&response_type=code&scope=openid";
        assertThat(status(http, base + "&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&code_challenge_method=S256&code_challenge=" + challenge))
                .isEqualTo(200);
        assertThat(status(http, base + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A4200%2F&code_challenge_method=S256&code_challenge=" + challenge))
                .isEqualTo(200);
        assertThat(status(http, base + "&redirect_uri=https%3A%2F%2Fevil.example%2F&code_challenge_method=S256&code_challenge=" + challenge))
                .isEqualTo(400);
        assertThat(status(http, base + "&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback"))
                .as("without PKCE the login is refused (Keycloak redirects back with an error)")
                .isNotEqualTo(200);

        // The SPA exchanges its code from the browser: the token endpoint must answer CORS for a dev origin.
        HttpResponse<Void> cors = http.send(HttpRequest.newBuilder(URI.create(endpoints.tokenUrl()))
                .header("Origin", "http://localhost:5173")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=synthline-dashboard&code=x"
                        + "&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2F"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    @Test
    @Order(7)
    void testResourceReusesTheRunningStack() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of(LocalStackTestResource.DATABASE_ARG, "profiler"));
        Map<String, String> cfg = resource.start();
        assertThat(cfg).containsEntry("quarkus.datasource.jdbc.url", endpoints.jdbcUrl("profiler"))
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + (BASE + 432) + "/profiler")
                .containsEntry("quarkus.datasource.username", "synthline")
                .containsEntry("quarkus.datasource.password", "synthline")
                .containsEntry("kafka.bootstrap.servers", "127.0.0.1:" + (BASE + 92))
                .containsEntry("quarkus.oidc.auth-server-url", "http://127.0.0.1:" + (BASE + 80) + "/realms/synthline")
                .containsEntry("quarkus.oidc.client-id", "synthline-services")
                .containsEntry("quarkus.oidc.credentials.secret", "synthline-services-secret")
                .containsEntry("quarkus.devservices.enabled", "false");
        resource.stop();
        assertThat(stack.status().allRunning()).as("stop() of the resource leaves the shared stack alone").isTrue();
        assertThat(LocalStackTestResource.accessToken("globex-scientist").tenant()).isEqualTo("globex");
        assertThat(LocalStackTestResource.token("acme-owner")).isEqualTo(LocalStackTestResource.token("acme-owner"));
        assertThat(LocalStackTestResource.serviceToken()).isNotBlank();
    }

    @Test
    @Order(8)
    void secondUpReusesEverythingQuickly() {
        UpResult again = stack.up();
        System.out.println("[local-stack] second up (reuse) took " + again.elapsed().toMillis() + " ms");
        assertThat(again.started()).isEmpty();
        assertThat(again.reused()).containsExactlyInAnyOrderElementsOf(LocalStack.CORE);
        assertThat(again.status().allRunning()).isTrue();
        assertThat(again.elapsed()).isLessThan(Duration.ofSeconds(5));
        for (Component c : LocalStack.CORE) {
            assertThat(again.status().get(c).pid()).isEqualTo(first.status().get(c).pid());
        }
    }

    @Test
    @Order(9)
    void portHeldByAForeignProcessGivesAClearError() throws Exception {
        Path otherDir = stack.config().dataDir().resolveSibling("synthline-it-conflict-" + (BASE + 100));
        StackConfig other = StackConfig.forPortBase(BASE + 100, otherDir);
        try (ServerSocket foreign = new ServerSocket(other.postgresPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            LocalStack blocked = new LocalStack(other, m -> { });
            assertThatThrownBy(blocked::up)
                    .isInstanceOf(PortConflictException.class)
                    .hasMessageContaining("port " + other.postgresPort())
                    .hasMessageContaining("PostgreSQL")
                    .hasMessageContaining("SYNTHLINE_PG_PORT");
            assertThat(blocked.status().noneRunning()).isTrue();
            blocked.purge();
        }
        // Our own running stack is not "foreign": its ports are busy, yet up() is fine (checked above).
    }

    @Test
    @Order(10)
    void restartKeepsData() throws Exception {
        String url = endpoints.jdbcUrl("governance");
        try (Connection c = DriverManager.getConnection(url, endpoints.dbUser(), endpoints.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("create table it_marker(v text)");
            s.execute("insert into it_marker values ('survives restart')");
        }
        stack.down();
        UpResult second = stack.up();
        System.out.println("[local-stack] second start (existing data) " + LocalStack.seconds(second.elapsed()) + " " + second.startupTimes());
        assertThat(second.started()).containsExactlyInAnyOrderElementsOf(LocalStack.CORE);
        try (Connection c = DriverManager.getConnection(url, endpoints.dbUser(), endpoints.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from it_marker")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives restart");
        }
        assertThat(KeycloakTokens.passwordGrant(endpoints.issuerUrl(), endpoints.cliClientId(), "acme-admin", "demo").realmRoles())
                .contains("tenant-admin");
    }

    @Test
    @Order(11)
    void downLeavesNothingListening() {
        StackStatus before = stack.status();
        assertThat(stack.down()).containsExactlyInAnyOrderElementsOf(LocalStack.CORE);
        for (StackPort p : StackPort.values()) {
            assertThat(Probes.portInUse("127.0.0.1", stack.config().port(p))).as(p + " released").isFalse();
        }
        for (ComponentStatus c : before.components()) {
            assertThat(ProcessHandle.of(c.pid().orElseThrow()).map(ProcessHandle::isAlive).orElse(false)).as(c.component() + " gone").isFalse();
        }
        assertThat(stack.status().noneRunning()).isTrue();
        assertThat(stack.down()).as("down is idempotent").isEmpty();
    }

    private static int status(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
