package io.synthline.profiler.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.events.Topics;
import io.synthline.commons.store.DatasetStore;
import io.synthline.profiler.rest.DatasetResourceIT;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Governance's {@code dataset.deletion-requested} reaches the bytes: the profiler deletes the stored
 * data, the profile document and its row, and announces {@code dataset.deleted} once, however often
 * the request is delivered; a request naming another tenant's dataset deletes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "profiler"))
class DatasetDeletionIT {
    static final Path SAMPLE = Path.of("../../samples/adult-sample.csv");

    @Inject
    DatasetStore store;

    @Test
    void aDeletionRequestDeletesTheDataOnceAndOnlyForItsTenant() throws Exception {
        deletesTheDataOnceAndOnlyForItsTenant(store);
    }

    /** The whole check, on whichever store the profiler runs (also {@link DatasetDeletionS3IT}). */
    static void deletesTheDataOnceAndOnlyForItsTenant(DatasetStore store) throws Exception {
        String id = given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .contentType("text/csv").body(Files.readAllBytes(SAMPLE)).queryParam("name", "to be deleted")
                .when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
        String subject = "datasets/" + id;
        List<String> keys = List.of("acme/datasets/" + id + "/data.csv", "acme/datasets/" + id + "/profile.json");
        assertThat(keys).allSatisfy(k -> assertThat(store.exists(k)).as(k).isTrue());

        // another tenant's request for this dataset (a forged or misrouted event) changes nothing
        EventEnvelope foreign = request("globex", id);
        TestKafka.publish(Topics.DATASETS, subject, foreign.toJson());

        // governance's request, delivered twice (a redelivery after a crash)
        EventEnvelope request = request("acme", id);
        TestKafka.publish(Topics.DATASETS, subject, request.toJson(), request.toJson());

        EventEnvelope deleted = EventEnvelope.fromJson(awaitDeleted(subject));
        assertThat(deleted.tenant()).isEqualTo("acme");
        assertThat(deleted.actor()).isEqualTo("governance");
        assertThat(deleted.source()).isEqualTo("/synthline/profiler");
        Payloads.DatasetDeleted payload = deleted.dataAs(Payloads.DatasetDeleted.class);
        assertThat(payload.datasetId()).isEqualTo(id);
        assertThat(payload.reason()).isEqualTo("retention-expired");

        given().auth().oauth2(LocalStackTestResource.token("acme-owner"))
                .when().get("/api/v1/datasets/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(keys).allSatisfy(k -> assertThat(store.exists(k)).as(k).isFalse());
        // both deliveries of the request were handled (inbox marker) and exactly one announcement was written
        awaitProcessed(request.id());
        assertThat(count("SELECT count(*) FROM outbox_event WHERE message_key = '" + subject + "' AND payload LIKE '%\"dataset.deleted\"%'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + foreign.id() + "'")).isEqualTo(1);
    }

    private static EventEnvelope request(String tenant, String datasetId) {
        return EventEnvelope.create("/synthline/governance", EventType.DATASET_DELETION_REQUESTED, "datasets/" + datasetId,
                tenant, "system", new Payloads.DatasetDeletionRequested(datasetId, "retention-expired",
                        Instant.parse("2026-01-01T00:00:00Z"), "governance"));
    }

    /** Reads the dataset topic from its start until the announcement for this subject arrives. */
    private static String awaitDeleted(String subject) {
        try (KafkaConsumer<String, String> c = DatasetResourceIT.consumer()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    if (subject.equals(r.key()) && EventEnvelope.fromJson(r.value()).is(EventType.DATASET_DELETED)) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no dataset.deleted for " + subject + " within 90 s");
    }

    private static void awaitProcessed(String eventId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static long count(String sql) throws Exception {
        var e = LocalStackTestResource.endpoints();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("profiler"), e.dbUser(), e.dbPassword());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
