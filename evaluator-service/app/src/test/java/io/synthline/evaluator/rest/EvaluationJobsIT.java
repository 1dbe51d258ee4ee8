package io.synthline.evaluator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.fixtures.Datasets;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Evaluations run as leased jobs: a job whose worker died is taken over once its lease expires, and
 * one whose workers keep dying is given up with the reason, published as evaluation.failed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "evaluator"))
class EvaluationJobsIT {

    @Test
    void aJobWhoseWorkerDiedIsTakenOverWhenItsLeaseExpires() throws Exception {
        String generationId = deadWorkersJob(1);
        JsonPath done = EvaluationResourceIT.await(generationId);
        assertThat(done.getString("[0].status")).as(done.prettify()).isEqualTo("COMPLETED");
        try (Connection db = db(); ResultSet job = db.createStatement().executeQuery(
                "SELECT status, attempts, last_error FROM job WHERE job_key = '" + done.getString("[0].id") + "'")) {
            job.next();
            assertThat(job.getString("status")).isEqualTo("DONE");
            assertThat(job.getInt("attempts")).isEqualTo(2);
            assertThat(job.getString("last_error")).contains("the worker replica-gone stopped while running it");
        }
    }

    @Test
    void aJobWhoseWorkersKeepDyingIsGivenUpWithTheReason() throws Exception {
        String generationId = deadWorkersJob(3);
        JsonPath failed = EvaluationResourceIT.await(generationId);
        assertThat(failed.getString("[0].status")).as(failed.prettify()).isEqualTo("FAILED");
        assertThat(failed.getString("[0].error")).isEqualTo("evaluation gave up after 3 attempts; the last one: the worker "
                + "replica-gone stopped while running it (killed, out of memory or restarted)");
        EventEnvelope event = EventEnvelope.fromJson(TestKafka.awaitRecord(EventType.EVALUATION_FAILED.topic(), "evaluations/" + failed.getString("[0].id"),
                json -> EventEnvelope.fromJson(json).is(EventType.EVALUATION_FAILED), Duration.ofSeconds(60)));
        assertThat(event.dataAs(Payloads.EvaluationFailed.class).reason()).isEqualTo(failed.getString("[0].error"));
    }

    /**
     * A pending evaluation whose job another replica claimed {@code attempts} times and then died
     * with (lease expired a minute ago), as the database holds it after SIGKILLs.
     */
    private static String deadWorkersJob(int attempts) throws Exception {
        FileSystemDatasetStore store = new FileSystemDatasetStore(Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class)));
        String real = EvaluationResourceIT.put(store, Datasets.path("reference/dcr/train.csv"), "acme/datasets/" + UUID.randomUUID() + "/data.csv");
        String synthetic = EvaluationResourceIT.put(store, Datasets.path("reference/dcr/synthetic.csv"),
                "acme/generations/" + UUID.randomUUID() + "/synthetic.csv");
        UUID generationId = UUID.randomUUID();
        UUID evaluationId = UUID.randomUUID();
        EventEnvelope completed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_COMPLETED, "generations/" + generationId,
                "acme", "acme-scientist", new Payloads.GenerationCompleted(generationId.toString(), UUID.randomUUID().toString(),
                        "independent", 3000, 1, real, synthetic, "x", 10));
        try (Connection db = db()) {
            try (PreparedStatement e = db.prepareStatement("INSERT INTO evaluation (id, tenant, generation_id, dataset_id, status, "
                    + "source_key, output_key, seed, created_at) VALUES (?, 'acme', ?, ?, 'PENDING', ?, ?, 1, now())")) {
                e.setObject(1, evaluationId);
                e.setObject(2, generationId);
                e.setObject(3, UUID.randomUUID());
                e.setString(4, real);
                e.setString(5, synthetic);
                e.executeUpdate();
            }
            try (PreparedStatement j = db.prepareStatement("INSERT INTO job (id, kind, job_key, tenant, payload, status, attempts, "
                    + "lease_token, owner, lease_until, not_before, created_at, started_at) VALUES (?, 'evaluation', ?, 'acme', ?, "
                    + "'RUNNING', ?, ?, 'replica-gone', now() - interval '1 minute', now(), now(), now())")) {
                j.setObject(1, UUID.randomUUID());
                j.setString(2, evaluationId.toString());
                j.setString(3, completed.toJson());
                j.setInt(4, attempts);
                j.setLong(5, attempts);
                j.executeUpdate();
            }
        }
        return generationId.toString();
    }

    private static Connection db() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }
}
