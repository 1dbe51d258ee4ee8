package io.synthline.profiler.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.synthline.stack.testing.LocalStackTestResource;
import io.synthline.store.S3DatasetStore;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
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
