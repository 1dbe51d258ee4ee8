package io.synthline.generator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.stack.testing.LocalStackTestResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a run on several tables while it runs, with progress events an hour apart: the run
 * reads the cancellation flag before every table, not only when a progress event is due, so the
 * cancellation lands before the next table whatever the progress interval. The run ends CANCELLED
 * and stores nothing (no tables, manifest, model or held-out entities).
 */
@QuarkusTest
@TestProfile(RelationalCancellationIT.ProgressAnHourApart.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "generator"))
class RelationalCancellationIT {
    public static class ProgressAnHourApart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("synthline.generator.require-approval", "false", "synthline.generator.progress-interval-ms", "3600000");
        }
    }

    static final Path SHOP = Path.of("../../samples/shop");

    @Test
    void aRunningRunOfSeveralTablesIsCancelledBeforeItsNextTableAndStoresNothing() throws Exception {
        Path root = Path.of(ConfigProvider.getConfig().getValue("synthline.store.root", String.class));
        String dataset = registerTables(root);
        Set<String> modelsBefore = listing(root.resolve("acme/models"));
        // scale 40 of the shop: about 180,000 rows, seconds of sampling after a fit of about a second
        String id = GenerationResourceIT.request("{\"datasetId\":\"" + dataset + "\",\"seed\":3,\"scale\":40}");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            status = given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id)
                    .then().statusCode(200).extract().path("status");
            Thread.sleep(50);
        } while (status.equals("REQUESTED") && System.nanoTime() < deadline);
        assertThat(status).isEqualTo("RUNNING");
        given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().post("/api/v1/generations/" + id + "/cancel")
                .then().statusCode(202);

        assertThat(GenerationResourceIT.awaitStatus(id)).isEqualTo("CANCELLED");
        var view = given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id)
                .then().statusCode(200).extract();
        assertThat(view.<String>path("modelId")).isNull();
        assertThat(view.<String>path("outputSha256")).isNull();
        given().auth().oauth2(GenerationResourceIT.token("acme-scientist")).when().get("/api/v1/generations/" + id + "/data.zip")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(listing(root.resolve("acme/generations/" + id))).isEmpty();
        assertThat(listing(root.resolve("acme/models/relational-" + id))).isEmpty();
        assertThat(listing(root.resolve("acme/models"))).isEqualTo(modelsBefore);
    }

    /** Does what the profiler does for an upload of several tables: stores every table with an index, and announces it. */
    private static String registerTables(Path root) throws IOException {
        String id = UUID.randomUUID().toString();
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        RelationalDataset shop = RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset();
        String key = StoredRelational.write(store, "acme/datasets/" + id + "/", shop, "declared");
        StoredRelational.Index index = StoredRelational.readIndex(store, key);
        String sha;
        try (InputStream in = store.open(key)) {
            sha = Sha256.hex(in);
        }
        String subject = "datasets/" + id;
        GenerationResourceIT.publish(EventEnvelope.create("/synthline/profiler", EventType.DATASET_REGISTERED, subject, "acme",
                "acme-owner", new Payloads.DatasetRegistered(id, "shop", key, sha, index.sizeBytes(), "acme-owner", "internal")));
        GenerationResourceIT.publish(EventEnvelope.create("/synthline/profiler", EventType.DATASET_PROFILED, subject, "acme",
                "acme-owner", new Payloads.DatasetProfiled(id, key, index.rows(), 0, null, null, "1", null, null, List.of(), List.of())));
        return id;
    }

    private static Set<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
