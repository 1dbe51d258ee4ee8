package io.synthline.generator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.TypeInference;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.PiiKind;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.commons.table.TableSchema;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.stack.testing.TestKafka;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator on the real stack: datasets arrive as profiler events on Kafka, jobs run over Kafka.
 * Deployed without governance ({@code require-approval=false}); {@link GenerationApprovalIT} covers the protocol.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(GenerationResourceIT.WithoutGovernance.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "generator"))
class GenerationResourceIT {
    public static class WithoutGovernance implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("synthline.generator.require-approval", "false");
        }
    }

    static final Path SAMPLE = Path.of("../../samples/adult-sample.csv");
    static String datasetId;

    /** Does what the profiler does for an upload: stores the file and announces it. */
    @BeforeAll
    static void registerDataset() throws Exception {
        datasetId = registerDataset(List.of());
    }

    /** A new dataset of the sample's rows whose profile flags {@code pii}. */
    static String registerDataset(List<PiiFinding> pii) throws Exception {
        return registerDataset("acme", SAMPLE, 3257, pii);
    }

    /** A new dataset of {@code tenant} with the rows of {@code file} ({@code rows} of them). */
    static String registerDataset(String tenant, Path file, long rows, List<PiiFinding> pii) throws Exception {
        String id = UUID.randomUUID().toString();
        Path root = Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        StoredObject stored;
        try (InputStream in = Files.newInputStream(file); var staged = store.stage(in, Long.MAX_VALUE)) {
            stored = staged.commit(tenant + "/datasets/" + id + "/data.csv");
        }
        TableSchema schema = TypeInference.infer(file, CsvOptions.defaults());
        String subject = "datasets/" + id;
        publish(EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, subject, tenant, tenant + "-owner",
                new Payloads.DatasetRegistered(id, "sample", stored.key(), stored.sha256(), stored.sizeBytes(), tenant + "-owner",
                        "internal")));
        publish(EventEnvelope.create("/synthline/profiler", EventType.DATASET_PROFILED, subject, tenant, tenant + "-owner",
                new Payloads.DatasetProfiled(id, stored.key(), rows, schema.size(), schema,
                        schema.columns().stream().map(c -> new ColumnSummary(c.name(), c.type(), 0, 0)).toList(), "1", null, null,
                        pii, List.of())));
        return id;
    }

    static void publish(EventEnvelope... events) {
        for (EventEnvelope e : events) {
            TestKafka.publish(EventType.fromWireName(e.type()).orElseThrow().topic(), e.subject(), e.toJson());
        }
    }

    static String token(String user) {
        return LocalStackTestResource.token(user);
    }

    /** Retries while the dataset events are still on their way to the generator's projection. */
    static String request(String body) {
        return request("acme-scientist", body);
    }

    static String request(String user, String body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var response = given().auth().oauth2(token(user)).contentType("application/json").body(body)
                    .when().post("/api/v1/generations");
            if (response.statusCode() == 202 || System.nanoTime() > deadline) {
                return response.then().statusCode(202).header("Location", containsString("/api/v1/generations/"))
                        .body("status", equalTo("REQUESTED")).extract().path("id");
            }
            sleep(300);
        }
    }

    static String awaitStatus(String id) {
        return awaitStatus("acme-scientist", id);
    }

    static String awaitStatus(String user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            String status = given().auth().oauth2(token(user)).when().get("/api/v1/generations/" + id)
                    .then().statusCode(200).extract().path("status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED") || System.nanoTime() > deadline) {
                return status;
            }
            sleep(300);
        }
    }

    @Test
    void generatesTheRequestedRowsReproducibly() {
        String body = "{\"datasetId\":\"" + datasetId + "\",\"rows\":1500,\"seed\":99}";
        String first = request(body);
        String second = request(body);
        assertThat(awaitStatus(first)).isEqualTo("COMPLETED");
        assertThat(awaitStatus(second)).isEqualTo("COMPLETED");

        String csv = given().auth().oauth2(token("acme-scientist")).accept("text/csv")
                .when().get("/api/v1/generations/" + first + "/data")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1501);
        String sha1 = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + first).then().extract().path("outputSha256");
        String sha2 = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + second).then().extract().path("outputSha256");
        assertThat(sha1).isEqualTo(sha2);

        // by default a fifth of the rows is held out of the fit, stored beside the model and named for the evaluator
        EventEnvelope completed = EventEnvelope.fromJson(io.synthline.stack.testing.TestKafka.awaitRecord(
                EventType.GENERATION_COMPLETED.topic(), "generations/" + first,
                v -> EventEnvelope.fromJson(v).is(EventType.GENERATION_COMPLETED), Duration.ofSeconds(30)));
        Payloads.GenerationCompleted done = completed.dataAs(Payloads.GenerationCompleted.class);
        String modelId = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + first).then().extract().path("modelId");
        assertThat(done.holdoutStorageKey()).isEqualTo("acme/models/" + modelId + "/holdout.csv");
        Path root = Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
        List<String> held = readLines(root.resolve(done.holdoutStorageKey()));
        assertThat(held).hasSize((int) Math.floor(3257 * 0.2) + 1);
        List<String> sample = readLines(SAMPLE);
        assertThat(held.getFirst()).isEqualTo(sample.getFirst());
        assertThat(sample).containsAll(held.subList(1, held.size()));

        given().auth().oauth2(token("globex-scientist")).when().get("/api/v1/generations/" + first)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("globex-scientist")).when().get("/api/v1/generations/" + first + "/data")
                .then().statusCode(404);
    }

    @Test
    void badRequestsAreClear4xxProblems() {
        String ds = "\"datasetId\":\"" + datasetId + "\"";
        expectProblem("{" + ds + ",\"rows\":-5}", 400, "rows must be between 1 and");
        expectProblem("{" + ds + "}", 400, "rows is required");
        expectProblem("{" + ds + ",\"rows\":10,\"model\":\"gan\"}", 400, "unknown model 'gan'");
        expectProblem("{" + ds + ",\"rows\":10,\"model\":\"copula\",\"privacy\":{\"epsilon\":1,\"delta\":1e-9}}", 400,
                "gives no differential-privacy guarantee");
        expectProblem("{" + ds + ",\"rows\":10,\"holdout\":0.9}", 400, "holdout must be a share of rows between 0 and 0.5");
        expectProblem("{\"rows\":10}", 400, "datasetId is required");
        expectProblem("{" + ds + ",\"rows\":10,\"modelId\":\"" + "0".repeat(64) + "\"}", 400, "no stored model of one table with id");
        expectProblem("{\"datasetId\":\"nope\",\"rows\":10}", 400, "not a valid id");
        expectProblem("{\"datasetId\":\"" + UUID.randomUUID() + "\",\"rows\":10}", 404, "no dataset with id");
        given().auth().oauth2(token("acme-scientist")).contentType("application/json").body("{not json")
                .when().post("/api/v1/generations")
                .then().statusCode(400).contentType("application/problem+json");
        // the dataset exists, but for acme only
        given().auth().oauth2(token("globex-scientist")).contentType("application/json").body("{" + ds + ",\"rows\":10}")
                .when().post("/api/v1/generations")
                .then().statusCode(404);
        given().auth().oauth2(token("acme-auditor")).contentType("application/json").body("{" + ds + ",\"rows\":10}")
                .when().post("/api/v1/generations")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void conditionsConstraintsPiiAndProvenanceHoldInTheDownloadedFile() {
        String body = "{\"datasetId\":\"" + datasetId + "\",\"rows\":3000,\"seed\":5,\"model\":\"tree\","
                + "\"conditions\":[{\"column\":\"income\",\"equals\":\">50K\"},{\"column\":\"age\",\"min\":\"30\",\"max\":\"45\"}],"
                + "\"constraints\":[{\"type\":\"inequality\",\"low\":\"education-num\",\"high\":\"hours-per-week\"}],"
                + "\"output\":{\"provenanceColumns\":true}}";
        String id = request(body);
        assertThat(awaitStatus(id)).isEqualTo("COMPLETED");
        String csv = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        int income = header.indexOf("income");
        int age = header.indexOf("age");
        int low = header.indexOf("education-num");
        int high = header.indexOf("hours-per-week");
        assertThat(header).endsWith("_synth_run", "_synth_row");
        assertThat(lines).hasSize(3001);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[income]).isEqualTo(">50K");
            assertThat(Integer.parseInt(cells[age])).isBetween(30, 45);
            assertThat(Integer.parseInt(cells[low])).isLessThanOrEqualTo(Integer.parseInt(cells[high]));
        }
        var view = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id).then().statusCode(200).extract();
        assertThat(view.<Integer>path("rowsWritten")).isEqualTo(3000);
        assertThat(view.<String>path("modelId")).hasSize(64);
        given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id + "/manifest")
                .then().statusCode(200).body("runId", equalTo(view.path("runId")), "modelId", equalTo(view.path("modelId")),
                        "rowsWritten", equalTo(3000), "outputSha256", equalTo(view.path("outputSha256")));
    }

    @Test
    void columnsTheProfileFlagsAsPiiAreReplacedAndNeverLearned() throws Exception {
        // the profiler says native-country holds people's names (the flag, not the content, is what is tested)
        String flagged = registerDataset(List.of(new PiiFinding("native-country", PiiKind.PERSON_NAME, 0.9, "en-US", "full", 1.0, 100,
                List.of("test flag"), List.of())));
        String id = request("{\"datasetId\":\"" + flagged + "\",\"rows\":2000,\"seed\":4,\"model\":\"tree\"}");
        assertThat(awaitStatus(id)).isEqualTo("COMPLETED");
        String csv = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(200).extract().asString();
        java.util.Set<String> realCountries = new java.util.HashSet<>();
        List<String> real = Files.readAllLines(SAMPLE);
        int realColumn = List.of(real.getFirst().split(",")).indexOf("native-country");
        real.subList(1, real.size()).forEach(line -> realCountries.add(line.split(",")[realColumn]));
        List<String> lines = csv.lines().toList();
        int column = List.of(lines.getFirst().split(",")).indexOf("native-country");
        assertThat(lines).hasSize(2001);
        for (String line : lines.subList(1, lines.size())) {
            String value = line.split(",")[column];
            assertThat(realCountries).doesNotContain(value);
            assertThat(value).matches("\\p{L}[\\p{L}'. -]+ \\p{L}[\\p{L}'. -]+");
        }
    }

    @Test
    void parquetOutputHoldsTheSameRowsTypedLikeTheTrainingColumns() throws Exception {
        String id = request("{\"datasetId\":\"" + datasetId + "\",\"rows\":1200,\"seed\":8,\"model\":\"copula\","
                + "\"output\":{\"format\":\"parquet\",\"provenanceColumns\":true}}");
        assertThat(awaitStatus(id)).isEqualTo("COMPLETED");
        byte[] bytes = given().auth().oauth2(token("acme-scientist")).accept("application/vnd.apache.parquet")
                .when().get("/api/v1/generations/" + id + "/data.parquet")
                .then().statusCode(200).contentType(containsString("application/vnd.apache.parquet")).extract().asByteArray();
        // the canonical CSV is there too; a CSV-only generation has no Parquet rendition
        given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(200).contentType(containsString("text/csv"));
        Path file = Files.createTempFile("synthetic-", ".parquet");
        try {
            Files.write(file, bytes);
            try (io.synthline.parquet.ParquetRowSource rows = io.synthline.parquet.ParquetRowSource.open(file, 1000)) {
                assertThat(rows.header()).startsWith("age").endsWith("_synth_run", "_synth_row");
                assertThat(rows.declaredSchema().column(0).type()).isEqualTo(io.synthline.commons.table.ColumnType.INTEGER);
                long n = 0;
                int rowColumn = rows.header().indexOf("_synth_row");
                while (rows.next()) {
                    assertThat(Long.parseLong(rows.value(rowColumn))).isEqualTo(n);
                    n++;
                }
                assertThat(n).isEqualTo(1200);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void runningJobsCanBeCancelledAndLeaveNoData() {
        String id = request("{\"datasetId\":\"" + datasetId + "\",\"rows\":200000000,\"seed\":1,\"model\":\"independent\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            // 409 once the job has stopped between two rounds (it is already CANCELLED)
            int code = given().auth().oauth2(token("acme-scientist")).when().post("/api/v1/generations/" + id + "/cancel")
                    .then().extract().statusCode();
            assertThat(code).isIn(202, 409);
            String status = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id).then().extract().path("status");
            if (status.equals("CANCELLED")) {
                break;
            }
            sleep(500);
        }
        assertThat(awaitStatus(id)).isEqualTo("CANCELLED");
        given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(token("acme-scientist")).when().delete("/api/v1/generations/" + id)
                .then().statusCode(409).body("detail", containsString("already CANCELLED"));
    }

    /** A cached fit the engine cannot read (an older artifact format after an upgrade, a damaged file) is fitted again. */
    @Test
    void anUnreadableCachedModelIsFittedAgain() throws Exception {
        long seed = new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        String body = "{\"datasetId\":\"" + datasetId + "\",\"rows\":300,\"seed\":" + seed + ",\"model\":\"independent\"}";
        String first = request(body);
        assertThat(awaitStatus(first)).isEqualTo("COMPLETED");
        String modelId = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + first).then().extract().path("modelId");
        Path root = Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
        Files.writeString(root.resolve("acme/models/" + modelId + "/model.synth"), "SYNTHMDL but not a model");
        String second = request(body);
        assertThat(awaitStatus(second)).isEqualTo("COMPLETED");
        String sha1 = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + first).then().extract().path("outputSha256");
        String sha2 = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + second).then().extract().path("outputSha256");
        assertThat(sha2).as("the same fit again, so the same rows").isEqualTo(sha1);
    }

    /** Deleting a dataset deletes the models fitted on it and the real rows held out of their fits; outputs stay. */
    @Test
    void aDeletedDatasetTakesItsModelsAndHeldOutRowsWithIt() throws Exception {
        String dataset = registerDataset(List.of());
        // models are shared by datasets with the same bytes: a seed of its own gives this dataset a model of its own
        long seed = new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        String id = request("{\"datasetId\":\"" + dataset + "\",\"rows\":500,\"seed\":" + seed + ",\"model\":\"copula\"}");
        assertThat(awaitStatus(id)).isEqualTo("COMPLETED");
        String modelId = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id).then().extract().path("modelId");
        Path root = Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
        Path model = root.resolve("acme/models/" + modelId + "/model.synth");
        Path held = root.resolve("acme/models/" + modelId + "/holdout.csv");
        assertThat(model).exists();
        assertThat(held).exists();

        publish(EventEnvelope.create("/synthline/profiler", EventType.DATASET_DELETED, "datasets/" + dataset, "acme", "acme-owner",
                new Payloads.DatasetDeleted(dataset, "erasure request 17")));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((Files.exists(model) || Files.exists(held)) && System.nanoTime() < deadline) {
            sleep(300);
        }
        assertThat(model).doesNotExist();
        assertThat(held).doesNotExist();
        given().auth().oauth2(token("acme-scientist")).accept("text/csv").when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(200);
    }

    /**
     * A worker that died mid-run left its generation RUNNING and its job leased: while the lease
     * lasts nobody else runs it (and the run says where it runs); once it expired, a worker of this
     * replica takes the job over and completes it.
     */
    @Test
    void aRunWhoseWorkerDiedIsTakenOverWhenItsLeaseExpires() {
        java.util.UUID id = UUID.randomUUID();
        EventEnvelope requested = EventEnvelope.create("/synthline/generator", EventType.GENERATION_REQUESTED, "generations/" + id,
                "acme", "acme-scientist", new Payloads.GenerationRequested(id.toString(), datasetId, "independent", 300, 5L, null,
                        Boolean.TRUE, null));
        io.synthline.service.persistence.BlockingTx.inTransaction(() -> {
            io.synthline.generator.repository.GenerationEntity g = new io.synthline.generator.repository.GenerationEntity();
            g.id = id;
            g.tenant = "acme";
            g.datasetId = UUID.fromString(datasetId);
            g.requestedBy = "acme-scientist";
            g.model = "independent";
            g.rows = 300L;
            g.seed = 5L;
            g.format = "csv";
            g.status = io.synthline.generator.repository.GenerationEntity.RUNNING;
            g.createdAt = java.time.Instant.now();
            g.startedAt = java.time.Instant.now();
            return g.persist().chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                    .createNativeQuery("INSERT INTO job (id, kind, job_key, tenant, payload, status, attempts, lease_token, owner, "
                            + "lease_until, not_before, created_at, started_at) VALUES (?1, 'generation', ?2, 'acme', ?3, 'RUNNING', 1, 1, "
                            + "'replica-gone', now() + interval '6 seconds', now(), now(), now())")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id.toString()).setParameter(3, requested.toJson())
                    .executeUpdate())).replaceWithVoid();
        });
        sleep(2000);
        var running = given().auth().oauth2(token("acme-scientist")).when().get("/api/v1/generations/" + id).then().extract();
        assertThat(running.<String>path("status")).isEqualTo("RUNNING");
        assertThat(running.<String>path("waiting")).startsWith("running on replica-gone since");

        assertThat(awaitStatus(id.toString())).isEqualTo("COMPLETED");
        String csv = given().auth().oauth2(token("acme-scientist")).accept("text/csv").when().get("/api/v1/generations/" + id + "/data")
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(301);
    }

    /**
     * The dataset's events have not reached the generator (Kafka down): the profiler's committed data
     * and profile document in the store are enough to accept the request, and only for their tenant.
     */
    @Test
    void aRequestRightAfterAnUploadDoesNotWaitForTheDatasetEvents() throws Exception {
        String id = committedUpload();
        String body = "{\"datasetId\":\"" + id + "\",\"rows\":50,\"seed\":3}";
        given().auth().oauth2(token("globex-scientist")).contentType("application/json").body(body)
                .when().post("/api/v1/generations").then().statusCode(404).contentType("application/problem+json");
        String generation = given().auth().oauth2(token("acme-scientist")).contentType("application/json").body(body)
                .when().post("/api/v1/generations").then().statusCode(202).extract().path("id");
        assertThat(awaitStatus(generation)).isEqualTo("COMPLETED");
    }

    /**
     * The dataset's events arrive while the request reads the store: the consumer's row is being
     * inserted when the request records the dataset. The request waits for it and completes it as
     * dataset.profiled would (a plain insert failed here with a duplicate key, answered 500).
     */
    @Test
    void aRequestRacingTheDatasetEventsIsAccepted() throws Exception {
        String id = committedUpload();
        var endpoints = LocalStackTestResource.endpoints();
        try (java.sql.Connection consumer = java.sql.DriverManager.getConnection(endpoints.jdbcUrl("generator"), endpoints.dbUser(),
                endpoints.dbPassword())) {
            consumer.setAutoCommit(false);
            try (var ps = consumer.prepareStatement("INSERT INTO dataset_ref (id, tenant, storage_key, status, updated_at) "
                    + "VALUES (?, 'acme', ?, 'REGISTERED', now())")) {
                ps.setObject(1, UUID.fromString(id));
                ps.setString(2, "acme/datasets/" + id + "/data.csv");
                ps.executeUpdate();
            }
            var request = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(token("acme-scientist"))
                    .contentType("application/json").body("{\"datasetId\":\"" + id + "\",\"rows\":50,\"seed\":3}")
                    .when().post("/api/v1/generations").then().extract().response());
            Thread.sleep(3000);
            assertThat(request).as("the request waits for the row being inserted").isNotDone();
            consumer.commit();
            var response = request.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
            assertThat(awaitStatus(response.path("id"))).isEqualTo("COMPLETED");
        }
    }

    /** The profiler's committed data and profile document of a new acme dataset, as an upload leaves them; its id. */
    private static String committedUpload() throws Exception {
        String id = UUID.randomUUID().toString();
        Path root = Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        try (InputStream in = Files.newInputStream(SAMPLE); var staged = store.stage(in, Long.MAX_VALUE)) {
            staged.commit("acme/datasets/" + id + "/data.csv");
        }
        TableSchema schema = TypeInference.infer(SAMPLE, CsvOptions.defaults());
        byte[] profile = io.synthline.commons.json.Json.write(new io.synthline.commons.profile.DatasetProfile("2.0", id, null,
                java.time.Instant.now(), 3257, schema.size(), schema, List.of(), null, null, List.of(), List.of(), List.of(), null))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var staged = store.stage(new java.io.ByteArrayInputStream(profile), profile.length)) {
            staged.commit("acme/datasets/" + id + "/profile.json");
        }
        return id;
    }

    @Test
    void badConfigurationsAreClear4xxProblems() {
        String ds = "\"datasetId\":\"" + datasetId + "\",\"rows\":10";
        expectProblem("{" + ds + ",\"conditions\":[{\"column\":\"salary\",\"equals\":\"x\"}]}", 400, "column 'salary'");
        expectProblem("{" + ds + ",\"constraints\":[{\"type\":\"inequality\",\"low\":\"age\",\"high\":\"hours-per-week\"},"
                + "{\"type\":\"inequality\",\"low\":\"hours-per-week\",\"high\":\"age\"}]}", 400, "cycle");
        expectProblem("{" + ds + ",\"constraints\":[{\"type\":\"range\",\"column\":\"age\",\"min\":\"60\",\"max\":\"20\"}]}", 400, "above max");
        expectProblem("{" + ds + ",\"conditions\":[{\"column\":\"age\",\"min\":\"old\"}]}", 400, "not a valid INTEGER");
        expectProblem("{" + ds + ",\"rebalance\":{\"column\":\"age\",\"target\":{\"30\":1}}}", 400, "categorical column");
        expectProblem("{" + ds + ",\"model\":\"tree\",\"modelOptions\":{\"depth\":\"3\"}}", 400, "no option 'depth'");
        expectProblem("{" + ds + ",\"output\":{\"format\":\"xlsx\"}}", 400, "output format must be csv or parquet");
        given().auth().oauth2(token("acme-scientist")).contentType("application/json")
                .body("{" + ds + ",\"constraints\":[{\"type\":\"teleport\"}]}")
                .when().post("/api/v1/generations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Retries while the dataset events are still on their way (409, not yet profiled), as {@link #request} does. */
    private static void expectProblem(String body, int status, String detail) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var response = given().auth().oauth2(token("acme-scientist")).contentType("application/json").body(body)
                    .when().post("/api/v1/generations");
            boolean notYetProfiled = response.statusCode() == 409 && response.asString().contains("not yet profiled");
            if (!notYetProfiled || System.nanoTime() > deadline) {
                response.then().statusCode(status).contentType("application/problem+json")
                        .body("status", equalTo(status), "detail", containsString(detail));
                return;
            }
            sleep(300);
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
