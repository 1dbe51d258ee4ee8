package io.synthline.store;

import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.LocalStaging;
import io.synthline.commons.store.StorageKeys;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The dataset store on an S3 bucket (AWS or any S3-compatible server), through the AWS SDK v2.
 *
 * <ul>
 *   <li>A key {@code acme/datasets/1/data.csv} is the object {@code <prefix>acme/datasets/1/data.csv}:
 *       each tenant's objects sit under their own prefix, which is what a bucket policy or a
 *       lifecycle rule per tenant addresses.</li>
 *   <li>Writes are staged in a local file (engines validate or profile it before committing, as with
 *       the filesystem store); {@link Staged#commit} uploads it with one PUT, or with a multipart
 *       upload in parts of {@link StoreSettings.S3#partSizeBytes()} read from the file one at a time
 *       (never the whole object in memory). Both are atomic in S3: the object appears whole at the
 *       PUT's or the completion's end, or not at all; a failed multipart upload is aborted so no
 *       parts linger.</li>
 *   <li>Every object is written with the configured server-side encryption (SSE-S3 {@code AES256}
 *       unless configured otherwise), which the server must confirm in its answer (else the object
 *       is removed and the commit fails), and with its SHA-256 as user metadata; a single PUT also sends the
 *       SHA-256 as the checksum S3 verifies before storing.</li>
 *   <li>{@link #localPath} hands engines a local copy, kept in the cache directory under the
 *       object's ETag so a changed object is fetched again and an unchanged one once. The copies
 *       are plaintext: {@link #sweepLocalCopies()} drops those whose object another replica deleted
 *       or replaced and those unused for {@link StoreSettings.S3#cacheMaxIdle()}, and
 *       {@link #dropLocalCopies} those of a deleted dataset at once.</li>
 * </ul>
 */
public final class S3DatasetStore implements DatasetStore, AutoCloseable {

    static final String SHA256_METADATA = "sha256";
    private static final System.Logger LOG = System.getLogger(S3DatasetStore.class.getName());

    private final S3Client client;
    private final StoreSettings.S3 settings;
    private final Path staging;
    private final Path objects;
    /** Serialises handing out a key's copy with the sweep's deleting it (one lock per stripe of keys). */
    private final Object[] keyLocks = new Object[64];
    /** Creating a copy's directories (shared) against pruning empty ones (exclusive). */
    private final java.util.concurrent.locks.ReadWriteLock tree = new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** Opens the bucket described by {@code settings} with a client of its own. */
    public S3DatasetStore(StoreSettings.S3 settings) throws IOException {
        this(client(settings), settings);
    }

    /** A store on an existing client (its interceptors, retry policy...); closing the store closes the client. */
    public S3DatasetStore(S3Client client, StoreSettings.S3 settings) throws IOException {
        this.client = client;
        this.settings = settings;
        Path cache = settings.cacheDir().toAbsolutePath().normalize();
        this.staging = Files.createDirectories(cache.resolve("staging"));
        this.objects = Files.createDirectories(cache.resolve("objects"));
        for (int i = 0; i < keyLocks.length; i++) {
            keyLocks[i] = new Object();
        }
    }

    /** An SDK client for the settings: path-style or virtual-host addressing, static or default-chain credentials. */
    public static S3Client client(StoreSettings.S3 settings) {
        return clientBuilder(settings).build();
    }

    /** {@link #client}'s builder, to add to it (interceptors, retry policy) before building. */
    public static S3ClientBuilder clientBuilder(StoreSettings.S3 settings) {
        AwsCredentialsProvider credentials = settings.accessKeyId() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Integrity is checked with our own SHA-256 (sent as the PUT's checksum, kept as metadata);
                // the SDK's default CRC32 trailers would be a second hash of every byte.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    public StoreSettings.S3 settings() {
        return settings;
    }

    /** The object name of a store key in the bucket. */
    public String objectKey(String key) {
        return settings.prefix() + StorageKeys.check(key);
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        return stage(LocalStaging.copying(content, maxBytes));
    }

    @Override
    public Staged stage(OutputWriter writer) throws IOException {
        return new S3Staged(LocalStaging.write(staging, writer));
    }

    @Override
    public InputStream open(String key) throws IOException {
        String objectKey = objectKey(key);
        return call(key, () -> client.getObject(b -> b.bucket(settings.bucket()).key(objectKey)));
    }

    @Override
    public Path localPath(String key) throws IOException {
        String objectKey = objectKey(key);
        HeadObjectResponse head = call(key, () -> client.headObject(b -> b.bucket(settings.bucket()).key(objectKey)));
        Path cached = cachedCopy(key, head.eTag());
        synchronized (lock(key)) {
            if (Files.isRegularFile(cached)) {
                // the copy's modification time is when it was last handed out: the sweep's idle clock
                Files.setLastModifiedTime(cached, FileTime.from(Instant.now()));
                return cached;
            }
        }
        Path download = Files.createTempFile(staging, "get-", ".part");
        try {
            try (var out = Files.newOutputStream(download)) {
                call(key, () -> client.getObject(b -> b.bucket(settings.bucket()).key(objectKey).ifMatch(head.eTag()),
                        ResponseTransformer.toOutputStream(out)));
            }
            synchronized (lock(key)) {
                remember(key, head.eTag(), download);
                Files.setLastModifiedTime(cached, FileTime.from(Instant.now()));
            }
        } finally {
            Files.deleteIfExists(download);
        }
        return cached;
    }

    @Override
    public boolean exists(String key) {
        String objectKey = objectKey(key);
        try {
            client.headObject(b -> b.bucket(settings.bucket()).key(objectKey));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String objectKey = objectKey(key);
        call(key, () -> client.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey)));
        synchronized (lock(key)) {
            forgetCachedCopies(key, null);
        }
    }

    @Override
    public int dropLocalCopies(String prefix) throws IOException {
        StorageKeys.checkPrefix(prefix);
        int dropped = 0;
        // only the prefix's directory is walked (this runs on event handlers)
        int slash = prefix.lastIndexOf('/');
        for (String key : cachedKeys(slash < 0 ? objects : objects.resolve(prefix.substring(0, slash)))) {
            if (key.startsWith(prefix)) {
                synchronized (lock(key)) {
                    dropped += forgetCachedCopies(key, null);
                }
            }
        }
        return dropped;
    }

    @Override
    public int sweepLocalCopies() throws IOException {
        return sweepLocalCopies(settings.cacheMaxIdle());
    }

    /**
     * {@link #sweepLocalCopies()} with another idle time: asks the bucket about every key this
     * process holds a copy of (one HEAD each) and drops the copies of objects that are gone or whose
     * ETag changed, then every copy not handed out for {@code maxIdle}. Staging files of a process
     * that died mid-write are dropped after {@link #STALE_STAGING}. A failed HEAD keeps the copy
     * until the next sweep (except for idleness, which needs no answer).
     */
    public int sweepLocalCopies(Duration maxIdle) throws IOException {
        Instant idleSince = Instant.now().minus(maxIdle);
        int dropped = 0;
        for (String key : cachedKeys(objects)) {
            String current;
            try {
                current = version(head(key).eTag());
            } catch (NoSuchFileException | IllegalArgumentException gone) {
                current = null;
            } catch (IOException unreachable) {
                LOG.log(System.Logger.Level.DEBUG, "sweep: could not look up " + key + ": " + unreachable.getMessage());
                current = "";
            }
            synchronized (lock(key)) {
                for (Path version : versions(key)) {
                    boolean stale = current == null || !current.isEmpty() && !version.getFileName().toString().equals(current);
                    if (stale || !handedOutSince(version, idleSince)) {
                        dropped += deleteTree(version);
                    }
                }
                deleteIfEmpty(objects.resolve(key + "@"));
            }
        }
        pruneEmptyDirectories();
        Instant abandoned = Instant.now().minus(STALE_STAGING);
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.toList()) {
                if (!handedOutSince(f, abandoned)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return dropped;
    }

    /** No staging file lives this long (a generation times out after 2 h): older ones were left by a process that died. */
    static final Duration STALE_STAGING = Duration.ofHours(24);

    @Override
    public List<String> list(String prefix) throws IOException {
        String objectPrefix = settings.prefix() + StorageKeys.checkPrefix(prefix);
        List<String> keys = new ArrayList<>();
        call(prefix, () -> {
            for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(objectPrefix)).contents()) {
                keys.add(o.key().substring(settings.prefix().length()));
            }
            return null;
        });
        keys.sort(null);
        return keys;
    }

    /** The object's metadata as S3 reports it (size, ETag, server-side encryption, user metadata). */
    public HeadObjectResponse head(String key) throws IOException {
        String objectKey = objectKey(key);
        return call(key, () -> client.headObject(b -> b.bucket(settings.bucket()).key(objectKey)));
    }

    @Override
    public void close() {
        client.close();
    }

    // ---------------------------------------------------------------------------------------------

    /** Uploads the staged file: one PUT up to the part size, a multipart upload above. Returns the object's ETag. */
    private String upload(LocalStaging.File file, String objectKey) throws IOException {
        Map<String, String> metadata = Map.of(SHA256_METADATA, file.sha256());
        if (file.sizeBytes() <= settings.partSizeBytes()) {
            PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(settings.bucket()).key(objectKey)
                    .contentLength(file.sizeBytes()).metadata(metadata)
                    .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())));
            switch (settings.encryption()) {
                case AES256 -> put.serverSideEncryption(ServerSideEncryption.AES256);
                case KMS -> put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(settings.kmsKeyId());
                case NONE -> { }
            }
            PutObjectResponse done = call(objectKey, () -> client.putObject(put.build(), RequestBody.fromFile(file.path())));
            requireEncrypted(objectKey, done.serverSideEncryption());
            return done.eTag();
        }
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(settings.bucket()).key(objectKey)
                .metadata(metadata);
        switch (settings.encryption()) {
            case AES256 -> create.serverSideEncryption(ServerSideEncryption.AES256);
            case KMS -> create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(settings.kmsKeyId());
            case NONE -> { }
        }
        String uploadId = call(objectKey, () -> client.createMultipartUpload(create.build())).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long partSize = settings.partSizeBytes();
            for (long offset = 0; offset < file.sizeBytes(); offset += partSize) {
                int number = parts.size() + 1;
                long from = offset;
                long length = Math.min(partSize, file.sizeBytes() - offset);
                // A provider, not a stream: the SDK reopens the slice when it retries a part.
                RequestBody body = RequestBody.fromContentProvider(() -> slice(file.path(), from, length), length,
                        "application/octet-stream");
                UploadPartResponse part = call(objectKey, () -> client.uploadPart(b -> b.bucket(settings.bucket()).key(objectKey)
                        .uploadId(uploadId).partNumber(number).contentLength(length), body));
                parts.add(CompletedPart.builder().partNumber(number).eTag(part.eTag()).build());
            }
            CompleteMultipartUploadResponse done = call(objectKey, () -> client.completeMultipartUpload(b -> b.bucket(settings.bucket())
                    .key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
            requireEncrypted(objectKey, done.serverSideEncryption());
            return done.eTag();
        } catch (IOException | RuntimeException | Error e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(objectKey).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                // The bucket's lifecycle rule for incomplete uploads removes the parts; the object never became visible.
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /**
     * A server that does not confirm the encryption asked for (an S3-compatible server without SSE,
     * a proxy dropping the header) would keep sensitive data unencrypted: the object is removed
     * again and the commit fails.
     */
    private void requireEncrypted(String objectKey, ServerSideEncryption confirmed) throws IOException {
        ServerSideEncryption expected = switch (settings.encryption()) {
            case AES256 -> ServerSideEncryption.AES256;
            case KMS -> ServerSideEncryption.AWS_KMS;
            case NONE -> null;
        };
        if (expected != null && expected != confirmed) {
            call(objectKey, () -> client.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey)));
            throw new IOException("object storage did not confirm the server-side encryption " + expected + " of " + objectKey
                    + " (it answered " + confirmed + "); the object was removed again");
        }
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(from);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code objects/<key>@/<etag>/<file name>}: keeps the key's file name (engines read the extension); '@' never occurs in keys. */
    private Path cachedCopy(String key, String etag) {
        int slash = key.lastIndexOf('/');
        return objects.resolve(key + "@").resolve(version(etag)).resolve(slash < 0 ? key : key.substring(slash + 1));
    }

    /** The cache's directory name of an object's version. */
    private static String version(String etag) {
        return etag == null ? "unknown" : etag.replaceAll("[^A-Za-z0-9-]", "");
    }

    private Object lock(String key) {
        return keyLocks[Math.floorMod(key.hashCode(), keyLocks.length)];
    }

    /** The keys this process holds local copies of under {@code dir}: the directories {@code objects/<key>@}. */
    private List<String> cachedKeys(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().endsWith("@"))
                    .map(p -> {
                        String relative = objects.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                        return relative.substring(0, relative.length() - 1);
                    })
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            // a directory removed while walking (a concurrent delete): the next sweep sees the rest
            return List.of();
        }
    }

    private List<Path> versions(String key) throws IOException {
        Path dir = objects.resolve(key + "@");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    /** Whether the copy (a file, or the version directory holding it) was handed out, or written, after {@code since}. */
    private static boolean handedOutSince(Path p, Instant since) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isAfter(since)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    /** Deletes a version directory with its copy; returns 1 when a copy went, else 0. */
    private static int deleteTree(Path dir) {
        int copies = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    copies++;
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not drop cached copy " + dir + ": " + e.getMessage());
        }
        return copies;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // still holds a copy
        }
    }

    /** Moves a local file holding the object's current bytes into the cache, dropping copies of older versions. */
    private void remember(String key, String etag, Path file) throws IOException {
        Path cached = cachedCopy(key, etag);
        forgetCachedCopies(key, cached.getParent());
        tree.readLock().lock();
        try {
            Files.createDirectories(cached.getParent());
            try {
                Files.move(file, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, cached, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            tree.readLock().unlock();
        }
    }

    /** Removes the directories the dropped copies leave empty (one per dataset, model, run...), so the cache does not grow with history. */
    private void pruneEmptyDirectories() throws IOException {
        tree.writeLock().lock();
        try (Stream<Path> walk = Files.walk(objects)) {
            for (Path dir : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                if (!dir.equals(objects)) {
                    deleteIfEmpty(dir);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not prune the cache: " + e.getMessage());
        } finally {
            tree.writeLock().unlock();
        }
    }

    /**
     * Deletes the cached copies of {@code key} except those under {@code keep} (the current version,
     * which another thread may be reading); returns how many copies went. Call with the key's lock held.
     */
    private int forgetCachedCopies(String key, Path keep) {
        int copies = 0;
        try {
            for (Path version : versions(key)) {
                if (!version.equals(keep)) {
                    copies += deleteTree(version);
                }
            }
        } catch (IOException e) {
            // the next sweep retries
            LOG.log(System.Logger.Level.DEBUG, "could not drop cached copies of " + key + ": " + e.getMessage());
        }
        deleteIfEmpty(objects.resolve(key + "@"));
        return copies;
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T call() throws IOException;
    }

    /** Runs an SDK call, turning "no such key" into {@link NoSuchFileException} and other SDK failures into {@link IOException}. */
    private static <T> T call(String key, SdkCall<T> sdkCall) throws IOException {
        try {
            return sdkCall.call();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("no stored object " + key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException("no stored object " + key);
            }
            throw new IOException("object storage refused the request for " + key + ": " + e.awsErrorDetails().errorMessage()
                    + " (HTTP " + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new IOException("object storage unreachable for " + key + ": " + e.getMessage(), e);
        }
    }

    private final class S3Staged extends LocalStaging.Staged {
        S3Staged(LocalStaging.File file) {
            super(file);
        }

        @Override
        protected void publish(LocalStaging.File file, String key) throws IOException {
            String etag = upload(file, objectKey(key));
            // The staged bytes are the object's bytes: a localPath() right after (e.g. converting the
            // output to Parquet) finds them without downloading.
            try {
                synchronized (lock(key)) {
                    remember(key, etag, file.path());
                }
            } catch (IOException e) {
                Files.deleteIfExists(file.path());
            }
        }
    }
}
