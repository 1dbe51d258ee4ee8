package io.synthline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiClient;
import io.synthline.cli.client.ApiEndpoints;
import io.synthline.cli.platform.PlatformLauncher;
import io.synthline.cli.platform.PlatformLauncher.Replica;
import io.synthline.cli.platform.PlatformLauncher.Service;
import io.synthline.fixtures.JsonFields;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas share the work on the packaged services: two generator and two evaluator processes on one
 * stack (one Kafka consumer group per service, one job table); twenty generation requests; one
 * replica of each killed with SIGKILL in the middle of the work: the one holding a RUNNING job (found in
 * the service's job table), so that the survivors' takeover of a generation and of an evaluation is
 * exercised. Every run completes once and gets a release decision, every evaluation and every audit
 * entry exists once, the killed replicas' jobs finish on the survivors, no job is left RUNNING, the
 * chain verifies.
 *
 * <p>Opt-in (it starts six services): {@code ./mvnw verify -pl e2e-tests -am -Dit.test=ReplicasIT
 * -Dsynthline.e2e.replicas=true}.
 */
class ReplicasIT {
    static final int RUNS = 20;

    static RunningPlatform running;
    static java.sql.Timestamp since;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("synthline.e2e.replicas"), "opt-in: -Dsynthline.e2e.replicas=true");
        Map<Service, Integer> replicas = new EnumMap<>(Service.class);
        replicas.put(Service.PROFILER, 1);
        replicas.put(Service.GENERATOR, 2);
        replicas.put(Service.EVALUATOR, 2);
        replicas.put(Service.GOVERNANCE, 1);
        running = RunningPlatform.start(replicas);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void killingOneReplicaOfEachMidRunLosesAndDoublesNothing() throws Exception {
        ApiClient owner = client("acme-owner");
        ApiClient scientist = client("acme-scientist");
        ApiEndpoints api = running.platform.endpoints();
        String datasetId = owner.uploadCsv(RunningPlatform.REPO.resolve("samples/adult-sample.csv"), "replicas").path("id").asText();

        long t0 = System.nanoTime();
        // the stack's databases outlive a run: only this run's jobs count
        since = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5));
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(scientist.requestGenerationWhenVisible(datasetId, 2000, 500L + i, null, Duration.ofSeconds(30)).path("id").asText());
        }
        // kill once both replicas have work in hand: some runs done, others still queued or running
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (completed(scientist, runs) < 3) {
            assertThat(System.nanoTime()).as("three runs completed within 10 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
        // kill the replicas that hold work: the generator and the evaluator replica each with a RUNNING job
        Held generation = holderOfARunningJob(Service.GENERATOR, "generator");
        running.platform.kill(generation.replica());
        Held evaluation = holderOfARunningJob(Service.EVALUATOR, "evaluator");
        running.platform.kill(evaluation.replica());
        // from now on talk to the surviving replicas (the clients' addresses are those of replica 0)
        api = survivors(generation, evaluation);
        scientist = running.client("acme-scientist", api);
        int completedAtKill = completed(scientist, runs);
        log("killed " + generation + " and " + evaluation + " with " + completedAtKill + " of " + RUNS + " runs completed", t0);
        assertThat(completedAtKill).as("the kill happened mid-run").isLessThan(RUNS);

        deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (!allReleased(scientist, runs)) {
            assertThat(System.nanoTime()).as("every run evaluated and its release decided within 20 minutes of the kill").isLessThan(deadline);
            Thread.sleep(2000);
        }
        log("all " + RUNS + " runs evaluated and decided", t0);

        List<String> evaluationIds = new ArrayList<>();
        for (String g : runs) {
            JsonNode evaluations = scientist.get(api.evaluator(), "/api/v1/evaluations?generationId=" + g);
            assertThat(evaluations).as("one evaluation of " + g).hasSize(1);
            assertThat(evaluations.get(0).path("status").asText()).isEqualTo("COMPLETED");
            evaluationIds.add(evaluations.get(0).path("id").asText());
        }
        try (Connection governance = connect("governance"); Connection generator = connect("generator");
                Connection evaluator = connect("evaluator")) {
            for (int i = 0; i < RUNS; i++) {
                assertThat(count(governance, "SELECT count(*) FROM audit_entry WHERE subject = ? AND event_type = 'generation.completed'",
                        "generations/" + runs.get(i))).as("generation.completed of " + runs.get(i)).isEqualTo(1);
                assertThat(count(governance, "SELECT count(*) FROM audit_entry WHERE subject = ? AND event_type = 'evaluation.completed'",
                        "evaluations/" + evaluationIds.get(i))).as("evaluation.completed of " + evaluationIds.get(i)).isEqualTo(1);
            }
            assertThat(count(generator, "SELECT count(*) FROM job WHERE status IN ('RUNNING', 'QUEUED') AND tenant = ? AND created_at >= ?", "acme"))
                    .as("no generation job left open").isZero();
            assertThat(count(evaluator, "SELECT count(*) FROM job WHERE status IN ('RUNNING', 'QUEUED') AND tenant = ? AND created_at >= ?", "acme"))
                    .as("no evaluation job left open").isZero();
            // the jobs the killed replicas held are done: taken over by the survivors, or (a 2,000-row job takes about
            // a second) finished in the milliseconds between the query and the kill
            String generationJob = jobAfterTheKill(generator, generation.jobKey());
            String evaluationJob = jobAfterTheKill(evaluator, evaluation.jobKey());
            System.out.println("replicas: the killed generator's job " + generationJob + ", the killed evaluator's job " + evaluationJob);
            assertThat(generationJob).as("the killed generator's job " + generation.jobKey()).startsWith("DONE");
            assertThat(evaluationJob).as("the killed evaluator's job " + evaluation.jobKey()).startsWith("DONE");
            System.out.println("replicas: generation jobs taken over after the kill: " + count(generator,
                    "SELECT count(*) FROM job WHERE attempts > 1 AND tenant = ? AND created_at >= ?", "acme") + ", evaluation jobs: " + count(evaluator,
                    "SELECT count(*) FROM job WHERE attempts > 1 AND tenant = ? AND created_at >= ?", "acme"));
        }
        JsonNode verification = client("acme-auditor").get(api.governance(), "/api/v1/audit/verify");
        assertThat(JsonFields.bool(verification, "chain", "valid")).as(verification.toString()).isTrue();
    }

    /** A replica and the key of the job it was running when killed. */
    record Held(Replica replica, String jobKey) {
        @Override
        public String toString() {
            return replica.service().name().toLowerCase(java.util.Locale.ROOT) + " replica " + replica.index() + " (running job " + jobKey + ")";
        }
    }

    /** The platform's addresses with the generator and the evaluator replica that were not killed (replica i listens on port + 10 i). */
    private static ApiEndpoints survivors(Held generation, Held evaluation) {
        ApiEndpoints e = running.platform.endpoints();
        return new ApiEndpoints(e.profiler(), replica(e.generator(), 1 - generation.replica().index()),
                replica(e.evaluator(), 1 - evaluation.replica().index()), e.governance());
    }

    private static URI replica(URI first, int index) {
        return URI.create(first.getScheme() + "://" + first.getHost() + ":" + (first.getPort() + 10 * index));
    }

    /**
     * Waits (polling the service's job table every 20 ms, up to 2 minutes) for a RUNNING job and
     * answers the replica holding it: a job's {@code owner} is the worker's {@code <host>-<pid>}.
     */
    private static Held holderOfARunningJob(Service service, String database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection c = connect(database);
                PreparedStatement ps = c.prepareStatement(
                        "SELECT owner, job_key FROM job WHERE status = 'RUNNING' AND tenant = 'acme' AND created_at >= ?")) {
            ps.setTimestamp(1, since);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String owner = rs.getString(1);
                        long pid = Long.parseLong(owner.substring(owner.lastIndexOf('-') + 1));
                        for (int index = 0; index < 2; index++) {
                            Replica replica = new Replica(service, index);
                            if (running.platform.pid(replica) == pid) {
                                return new Held(replica, rs.getString(2));
                            }
                        }
                    }
                }
                assertThat(System.nanoTime()).as("a " + database + " job RUNNING within 2 minutes").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private static String jobAfterTheKill(Connection c, String jobKey) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT status, attempts FROM job WHERE job_key = ? AND tenant = 'acme'")) {
            ps.setString(1, jobKey);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("job " + jobKey).isTrue();
                return rs.getString(1) + (rs.getInt(2) >= 2 ? " after 2+ attempts" : " after " + rs.getInt(2) + " attempt");
            }
        }
    }

    private static int completed(ApiClient scientist, List<String> runs) {
        int n = 0;
        for (String g : runs) {
            if ("COMPLETED".equals(scientist.generation(g).path("status").asText())) {
                n++;
            }
        }
        return n;
    }

    private static boolean allReleased(ApiClient scientist, List<String> runs) {
        for (String g : runs) {
            JsonNode run = scientist.generation(g);
            assertThat(run.path("status").asText()).as(run.toString()).isIn("REQUESTED", "PENDING_APPROVAL", "RUNNING", "COMPLETED");
            // decided either way (the gate may quarantine a 2,000-row output): what counts is one evaluation and one decision
            if (!List.of("RELEASED", "QUARANTINED").contains(run.path("releaseStatus").asText())) {
                return false;
            }
        }
        return true;
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(running.endpoints.jdbcUrl(database), running.endpoints.dbUser(), running.endpoints.dbPassword());
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            if (sql.contains("created_at >= ?")) {
                ps.setTimestamp(2, since);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ApiClient client(String user) {
        return running.client(user);
    }

    private static void log(String what, long t0) {
        System.out.printf("replicas: %s after %d s%n", what, (System.nanoTime() - t0) / 1_000_000_000);
    }
}
