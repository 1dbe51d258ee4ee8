package io.synthline.profiler.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.commons.store.StorageKeys;
import io.synthline.store.S3DatasetStore;
import io.synthline.store.StoreSettings;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@link DatasetDeletionIT}'s check with the profiler on the S3 dataset store (the local stack's S3 server):
 * the upload and its profile are objects in the bucket under the tenant's prefix, encrypted at rest,
 * and the deletion request removes them.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "profiler"),
        @ResourceArg(name = LocalStackTestResource.STORE_ARG, value = "s3")})
class DatasetDeletionS3IT {
    static final java.nio.file.Path SAMPLE = DatasetDeletionIT.SAMPLE;

    @jakarta.inject.Inject
    io.synthline.commons.store.DatasetStore store;

    @Test
    void aDeletionRequestDeletesTheObjectsOnceAndOnlyForItsTenant() throws Exception {
        assertThat(store).isInstanceOf(S3DatasetStore.class);
        DatasetDeletionIT.deletesTheDataOnceAndOnlyForItsTenant(store);
    }

    /**
     * The privacy gap of per-replica caches: this replica keeps a plaintext copy of every upload it
     * committed; another replica deletes the dataset (as a deletion request handled there does).
     * This replica's sweep, a second apart in tests, drops the copy of the object that is gone.
     */
    @Test
    void aDatasetDeletedThroughAnotherReplicaLeavesNoLocalCopyHere(@TempDir java.nio.file.Path otherCache) throws Exception {
        S3DatasetStore here = (S3DatasetStore) store;
        String id = given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .contentType("text/csv").body(Files.readAllBytes(SAMPLE)).queryParam("name", "cached here")
                .when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
        String prefix = StorageKeys.datasetPrefix("acme", id);
        java.nio.file.Path copy = here.localPath(prefix + "data.csv");
        assertThat(copy).startsWith(here.settings().cacheDir()).isRegularFile();

        StoreSettings.S3 s = here.settings();
        try (S3DatasetStore otherReplica = new S3DatasetStore(new StoreSettings.S3(s.endpoint(), s.bucket(), s.region(), s.accessKeyId(),
                s.secretAccessKey(), s.pathStyle(), s.encryption(), s.kmsKeyId(), s.prefix(), s.partSizeBytes(), otherCache,
                s.cacheMaxIdle()))) {
            for (String key : otherReplica.list(prefix)) {
                otherReplica.delete(key);
            }
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (Files.exists(copy) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(copy).as("this replica's copy of the deleted upload").doesNotExist();
        try (var left = Files.walk(here.settings().cacheDir().resolve("objects"))) {
            assertThat(left.filter(Files::isRegularFile).map(Object::toString)).noneMatch(p -> p.contains(id));
        }
    }

    @Test
    void anUploadIsStoredInTheBucketEncrypted() throws Exception {
        assertThat(store).isInstanceOf(S3DatasetStore.class);
        S3DatasetStore s3 = (S3DatasetStore) store;
        String id = given().auth().oauth2(LocalStackTestResource.token("acme-scientist"))
                .contentType("text/csv").body(Files.readAllBytes(SAMPLE)).queryParam("name", "in the bucket")
                .when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
        for (String key : new String[] {"acme/datasets/" + id + "/data.csv", "acme/datasets/" + id + "/profile.json"}) {
            assertThat(s3.objectKey(key)).endsWith("/" + key);
            assertThat(s3.head(key).serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AES256);
        }
        assertThat(s3.list("acme/datasets/" + id + "/")).hasSize(2);
        assertThat(s3.head("acme/datasets/" + id + "/data.csv").contentLength()).isPositive();
    }
}
