package io.synthline.profiler.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.Topics;
import io.synthline.stack.testing.LocalStackTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Against the real PostgreSQL, Kafka and Keycloak of the local stack. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "profiler"))
public class DatasetResourceIT {
    static final Path SAMPLE = Path.of("../../samples/adult-sample.csv");

    private static String upload(String user, byte[] csv) {
        return given().auth().oauth2(LocalStackTestResource.token(user))
                .contentType("text/csv").body(csv).queryParam("name", "adult sample")
                .when().post("/api/v1/datasets")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/datasets/"))
                .body("rowCount", equalTo(3257), "columnCount", equalTo(15), "owner", equalTo(user))
                .extract().path("id");
    }

    @Test
    void requestWithoutTokenIs401ProblemJson() {
        given().when().get("/api/v1/datasets")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401), "title", equalTo("Unauthenticated"));
    }

    @Test
    void uploadIsStoredProfiledAndAnnouncedAndIsolatedByTenant() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String id = upload("acme-owner", Files.readAllBytes(SAMPLE));

            given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                    .when().get("/api/v1/datasets/" + id)
                    .then().statusCode(200)
                    .body("columns", hasSize(15), "columns.find { it.name == 'age' }.type", equalTo("INTEGER"),
                            "columns.find { it.name == 'sex' }.distinctEstimate", equalTo(2));

            // another tenant cannot see it, and cannot tell it exists
            given().auth().oauth2(LocalStackTestResource.token("globex-owner"))
                    .when().get("/api/v1/datasets/" + id)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("no dataset with id '" + id + "'"));
            given().auth().oauth2(LocalStackTestResource.token("globex-owner"))
                    .when().get("/api/v1/datasets")
                    .then().statusCode(200).body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

            List<EventEnvelope> events = awaitEvents(consumer, "datasets/" + id, 2);
            assertThat(events).extracting(EventEnvelope::type).containsExactly("dataset.registered", "dataset.profiled");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.tenant()).isEqualTo("acme");
                assertThat(e.actor()).isEqualTo("acme-owner");
                assertThat(e.source()).isEqualTo("/synthline/profiler");
            });
            assertThat(events.get(1).data().get("rowCount").asLong()).isEqualTo(3257);
        }
    }

    @Test
    void auditorMayReadButNotUpload() {
        given().auth().oauth2(LocalStackTestResource.token("acme-auditor"))
                .contentType("text/csv").body("a,b\n1,2\n")
                .when().post("/api/v1/datasets")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unreadableUploadsAre400WithTheLineAndLeaveNothingBehind() throws Exception {
        long before = countDatasets();
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("text/csv").body("a,b\n1,2\n3\n")
                .when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("line 3: the row has 1 fields but the header has 2"), "line", equalTo(3),
                        "type", equalTo("https://synthline.io/problems/ragged-row"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("text/csv").body("")
                .when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("empty"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("text/csv").body("a,a\n1,2\n")
                .when().post("/api/v1/datasets")
                .then().statusCode(400).body("detail", containsString("twice"));
        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .when().get("/api/v1/datasets/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(countDatasets()).isEqualTo(before);
    }

    private static long countDatasets() throws Exception {
        var e = LocalStackTestResource.endpoints();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("profiler"), e.dbUser(), e.dbPassword());
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM dataset")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Subscribed to the dataset topic from its start, partitions assigned. */
    public static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", LocalStackTestResource.endpoints().kafkaBootstrapServers());
        p.put("group.id", "it-" + UUID.randomUUID());
        // from the start of the topic: a busy machine may assign partitions only after the upload's events
        // were published, and the dataset id in the subject singles out this test's events anyway
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topics.DATASETS));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(200));
        }
        return c;
    }

    static List<EventEnvelope> awaitEvents(KafkaConsumer<String, String> c, String subject, int count) {
        List<EventEnvelope> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                EventEnvelope e = EventEnvelope.fromJson(r.value());
                if (subject.equals(e.subject())) {
                    assertThat(r.key()).isEqualTo(subject);
                    found.add(e);
                }
            }
        }
        return found;
    }
}
