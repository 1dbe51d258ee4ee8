package io.synthline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.store.DatasetStore;
import io.synthline.stack.StackEndpoints;
import io.synthline.stack.testing.ListeningSockets;
import io.synthline.stack.testing.TestS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The store contract on a real S3-compatible server (the local stack's S3Mock, over HTTP through
 * the AWS SDK), plus what only S3 has: the encryption headers on the stored objects, the tenant's
 * prefix in the bucket, and a multipart upload that fails half-way leaving neither an object nor
 * parts behind.
 */
class S3StoreContractIT extends DatasetStoreContract {
    @TempDir
    Path cache;
    private String tenant;
    private S3DatasetStore store;

    @BeforeEach
    void open() throws IOException {
        tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        store = new S3DatasetStore(settings(StoreSettings.Encryption.AES256, null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    DatasetStore store() {
        return store;
    }

    @Override
    String tenant() {
        return tenant;
    }

    /** The settings a service gets, with a 5 MiB part size so the large object of the contract goes up in 5 parts. */
    StoreSettings.S3 settings(StoreSettings.Encryption encryption, String kmsKeyId) {
        Map<String, String> cfg = new java.util.HashMap<>(TestS3.storeSettings());
        cfg.put(StoreSettings.S3_PART_SIZE_MB, "5");
        cfg.put(StoreSettings.S3_CACHE_DIR, cache.toString());
        cfg.put(StoreSettings.S3_SSE, switch (encryption) {
            case AES256 -> "AES256";
            case KMS -> "aws:kms";
            case NONE -> "none";
        });
        if (kmsKeyId != null) {
            cfg.put(StoreSettings.S3_KMS_KEY_ID, kmsKeyId);
        }
        StoreSettings settings = StoreSettings.read(name -> Optional.ofNullable(cfg.get(name)));
        assertThat(settings.kind()).isEqualTo(StoreSettings.Kind.S3);
        return settings.s3();
    }

    @Test
    void everyObjectIsStoredWithServerSideEncryptionUnderItsTenantsPrefix() throws Exception {
        io.synthline.commons.store.StoredObject stored;
        try (DatasetStore.Staged staged = store.stage(bytes("a,b\n1,2\n"), 100)) {
            stored = staged.commit(key("datasets/d/data.csv"));
        }
        HeadObjectResponse head = store.head(key("datasets/d/data.csv"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(head.metadata()).containsEntry(S3DatasetStore.SHA256_METADATA, stored.sha256());
        // A multipart object: the commit succeeds only when the server confirmed the encryption on completion
        // (S3Mock does not echo it on HEAD of multipart objects; AWS S3 does).
        try (DatasetStore.Staged staged = store.stage(out -> writeRandom(out, LARGE_BYTES, 1))) {
            staged.commit(key("generations/g/synthetic.csv"));
        }
        assertThat(store.head(key("generations/g/synthetic.csv")).contentLength()).isEqualTo(LARGE_BYTES);
        // Looked up in the bucket directly, not through the store: the objects sit at <prefix><tenant>/...
        try (S3Client raw = S3DatasetStore.client(store.settings())) {
            assertThat(raw.listObjectsV2(b -> b.bucket(StackEndpoints.S3_BUCKET).prefix(TestS3.RUN_PREFIX + tenant + "/"))
                    .contents()).extracting(o -> o.key())
                    .containsExactly(TestS3.RUN_PREFIX + key("datasets/d/data.csv"), TestS3.RUN_PREFIX + key("generations/g/synthetic.csv"));
        }
    }

    /** The server holds the stack's fixed credentials: every port it opens is on loopback (S3Mock's second connector is not opened). */
    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        var pid = TestS3.serverPid();
        Assumptions.assumeTrue(pid.isPresent(), "the S3 server's process is not known");
        var listeners = ListeningSockets.of(pid.getAsLong());
        Assumptions.assumeTrue(listeners.isPresent(), "no /proc/net/tcp: not Linux");
        assertThat(listeners.get()).extracting(ListeningSockets.Listener::toString)
                .containsExactly("127.0.0.1:" + java.net.URI.create(TestS3.endpoints().s3StoreSettings().get(StoreSettings.S3_ENDPOINT)).getPort());
    }

    @Test
    void sseKmsSendsTheConfiguredKey() throws Exception {
        try (S3DatasetStore kms = new S3DatasetStore(settings(StoreSettings.Encryption.KMS, StackEndpoints.S3_KMS_KEY_ID))) {
            try (DatasetStore.Staged staged = kms.stage(bytes("secret"), 100)) {
                staged.commit(key("models/m/model.json"));
            }
            HeadObjectResponse head = kms.head(key("models/m/model.json"));
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).isEqualTo(StackEndpoints.S3_KMS_KEY_ID);
        }
        // The server knows one key: an unknown one is refused and nothing is stored.
        try (S3DatasetStore wrongKey = new S3DatasetStore(settings(StoreSettings.Encryption.KMS, "unknown-key"))) {
            try (DatasetStore.Staged staged = wrongKey.stage(bytes("secret"), 100)) {
                assertThatThrownBy(() -> staged.commit(key("models/x/model.json"))).isInstanceOf(IOException.class);
            }
            assertThat(wrongKey.exists(key("models/x/model.json"))).isFalse();
        }
    }

    @Test
    void aMultipartUploadThatFailsHalfWayLeavesNoObjectAndNoParts() throws Exception {
        AtomicInteger parts = new AtomicInteger();
        AtomicReference<String> uploadId = new AtomicReference<>();
        ExecutionInterceptor failThirdPart = new ExecutionInterceptor() {
            @Override
            public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                if (context.response() instanceof CreateMultipartUploadResponse created) {
                    uploadId.set(created.uploadId());
                }
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof UploadPartRequest && parts.incrementAndGet() == 3) {
                    throw new IllegalStateException("connection lost during part 3");
                }
            }
        };
        StoreSettings.S3 settings = settings(StoreSettings.Encryption.AES256, null);
        S3Client failing = S3DatasetStore.clientBuilder(settings)
                .overrideConfiguration(c -> c.addExecutionInterceptor(failThirdPart)).build();
        try (S3DatasetStore flaky = new S3DatasetStore(failing, settings)) {
            try (DatasetStore.Staged staged = flaky.stage(out -> writeRandom(out, LARGE_BYTES, 5))) {
                assertThatThrownBy(() -> staged.commit(key("generations/g/synthetic.csv"))).hasMessageContaining("part 3");
                assertThat(Files.exists(staged.path())).isTrue();
            }
            assertThat(parts.get()).isEqualTo(3);
            assertThat(store.exists(key("generations/g/synthetic.csv"))).isFalse();
            assertThat(store.list(tenant + "/")).isEmpty();
            // The upload was aborted: its parts are gone with it.
            assertThat(uploadId.get()).isNotNull();
            try (S3Client raw = S3DatasetStore.client(settings)) {
                assertThatThrownBy(() -> raw.listParts(b -> b.bucket(StackEndpoints.S3_BUCKET)
                        .key(TestS3.RUN_PREFIX + key("generations/g/synthetic.csv")).uploadId(uploadId.get())))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            }
        }
    }

    /**
     * Two replicas on one bucket, each with its own cache: what one deletes or replaces, the other's
     * sweep drops from its cache (before it, the plaintext copy would stay); a copy unused for the
     * idle time goes too, one in use stays; a deleted dataset's copies go at once with
     * {@code dropLocalCopies}.
     */
    @Test
    void localCopiesDoNotOutliveTheirObjectOnAnotherReplicaOrTheirIdleTime(@TempDir Path otherCache) throws Exception {
        StoreSettings.S3 mine = settings(StoreSettings.Encryption.AES256, null);
        StoreSettings.S3 s = new StoreSettings.S3(mine.endpoint(), mine.bucket(), mine.region(), mine.accessKeyId(), mine.secretAccessKey(),
                mine.pathStyle(), mine.encryption(), mine.kmsKeyId(), mine.prefix(), mine.partSizeBytes(), otherCache, mine.cacheMaxIdle());
        try (S3DatasetStore other = new S3DatasetStore(s)) {
            for (String k : new String[] {"datasets/d1/data.csv", "datasets/d2/data.csv", "models/m/holdout.csv", "models/n/model.json"}) {
                try (DatasetStore.Staged staged = store.stage(bytes("real rows of " + k), 100)) {
                    staged.commit(key(k));
                }
            }
            Path deleted = other.localPath(key("datasets/d1/data.csv"));
            Path replaced = other.localPath(key("models/m/holdout.csv"));
            Path idle = other.localPath(key("models/n/model.json"));
            Path inUse = other.localPath(key("datasets/d2/data.csv"));
            assertThat(List.of(deleted, replaced, idle, inUse)).allSatisfy(p -> assertThat(p).startsWith(otherCache).isRegularFile());

            store.delete(key("datasets/d1/data.csv"));
            try (DatasetStore.Staged staged = store.stage(bytes("other rows"), 100)) {
                staged.commit(key("models/m/holdout.csv"));
            }
            Files.setLastModifiedTime(idle, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));
            assertThat(other.sweepLocalCopies()).as("deleted, replaced and idle copies").isEqualTo(3);
            assertThat(deleted).doesNotExist();
            assertThat(replaced).doesNotExist();
            assertThat(idle).doesNotExist();
            assertThat(inUse).isRegularFile();
            assertThat(Files.readString(other.localPath(key("models/m/holdout.csv")))).isEqualTo("other rows");
            assertThat(other.sweepLocalCopies()).as("nothing left to drop").isZero();

            // the replica that receives dataset.deleted drops the dataset's copies without asking the bucket
            assertThat(other.dropLocalCopies(key("datasets/d2/"))).isEqualTo(1);
            assertThat(inUse).doesNotExist();
            try (var left = Files.walk(otherCache.resolve("objects"))) {
                assertThat(left.filter(Files::isRegularFile).map(p -> otherCache.relativize(p).toString()))
                        .containsExactly("objects/" + key("models/m/holdout.csv") + "@/" + other.head(key("models/m/holdout.csv")).eTag()
                                .replaceAll("[^A-Za-z0-9-]", "") + "/holdout.csv");
            }
        }
    }
}
