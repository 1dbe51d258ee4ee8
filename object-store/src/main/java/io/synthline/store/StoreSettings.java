package io.synthline.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which dataset store a process opens, read from the {@code synthline.store.*} settings (a
 * MicroProfile Config in the services, the environment in a shard process or the CLI; the
 * environment form of {@code synthline.store.s3.bucket} is {@code SYNTHLINE_STORE_S3_BUCKET}).
 *
 * @param kind     {@code filesystem} (the default) or {@code s3}
 * @param root     the directory of the filesystem store
 * @param s3       the bucket and how to reach it; null for the filesystem store
 */
public record StoreSettings(Kind kind, Path root, S3 s3) {

    /** The settings' names, in MicroProfile Config form. */
    public static final String KIND = "synthline.store.kind";
    public static final String ROOT = "synthline.store.root";
    public static final String S3_ENDPOINT = "synthline.store.s3.endpoint";
    public static final String S3_BUCKET = "synthline.store.s3.bucket";
    public static final String S3_REGION = "synthline.store.s3.region";
    public static final String S3_ACCESS_KEY_ID = "synthline.store.s3.access-key-id";
    public static final String S3_SECRET_ACCESS_KEY = "synthline.store.s3.secret-access-key";
    public static final String S3_PATH_STYLE = "synthline.store.s3.path-style";
    public static final String S3_SSE = "synthline.store.s3.sse";
    public static final String S3_KMS_KEY_ID = "synthline.store.s3.kms-key-id";
    public static final String S3_PREFIX = "synthline.store.s3.prefix";
    public static final String S3_PART_SIZE_MB = "synthline.store.s3.part-size-mb";
    public static final String S3_CACHE_DIR = "synthline.store.s3.cache-dir";
    public static final String S3_CACHE_MAX_IDLE = "synthline.store.s3.cache-max-idle";

    /** How long a local copy of an object may sit unused before {@code sweepLocalCopies} drops it. */
    public static final Duration DEFAULT_CACHE_MAX_IDLE = Duration.ofMinutes(15);

    public enum Kind {
        FILESYSTEM, S3;

        static Kind parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "filesystem", "fs", "" -> FILESYSTEM;
                case "s3" -> S3;
                default -> throw new IllegalArgumentException(KIND + " is '" + value + "': expected filesystem or s3");
            };
        }
    }

    /** Server-side encryption asked for on every object written. */
    public enum Encryption {
        /** SSE-S3: the server's own keys ({@code x-amz-server-side-encryption: AES256}). */
        AES256,
        /** SSE-KMS with {@link S3#kmsKeyId()} (or the bucket's default KMS key when that is null). */
        KMS,
        /** No header: the bucket's default encryption applies. */
        NONE;

        static Encryption parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "aes256", "sse-s3", "" -> AES256;
                case "aws:kms", "kms", "sse-kms" -> KMS;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException(S3_SSE + " is '" + value + "': expected AES256, aws:kms or none");
            };
        }
    }

    /**
     * @param endpoint        null for AWS itself; the URL of an S3-compatible server otherwise
     * @param bucket          the bucket holding every tenant's objects under {@code <prefix><tenant>/}
     * @param region          signing region
     * @param accessKeyId     null: the SDK's default credential chain (environment, profile, container or instance role)
     * @param secretAccessKey with {@code accessKeyId}
     * @param pathStyle       {@code http://host/bucket/key} rather than {@code http://bucket.host/key} (most S3-compatible servers)
     * @param encryption      server-side encryption of every object written
     * @param kmsKeyId        the KMS key of SSE-KMS; null for the bucket's default key
     * @param prefix          prepended to every key (empty, or ending with {@code /}), e.g. to share a bucket between installations
     * @param partSizeBytes   objects larger than this go up in parts of this size (at least 5 MiB, the S3 minimum)
     * @param cacheDir        local staging files and the copies {@code localPath} hands to engines
     * @param cacheMaxIdle    a local copy not handed out for this long is dropped by the sweep (plaintext
     *                        copies of sensitive objects do not outlive their use)
     */
    public record S3(URI endpoint, String bucket, String region, String accessKeyId, String secretAccessKey, boolean pathStyle,
            Encryption encryption, String kmsKeyId, String prefix, long partSizeBytes, Path cacheDir, Duration cacheMaxIdle) {

        public static final long MIN_PART_SIZE = 5L << 20;

        public S3 {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException(S3_BUCKET + " is required when " + KIND + "=s3");
            }
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(encryption, "encryption");
            Objects.requireNonNull(cacheDir, "cacheDir");
            Objects.requireNonNull(cacheMaxIdle, "cacheMaxIdle");
            if (cacheMaxIdle.isNegative() || cacheMaxIdle.isZero()) {
                throw new IllegalArgumentException(S3_CACHE_MAX_IDLE + " must be positive");
            }
            prefix = prefix == null ? "" : prefix;
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            if (partSizeBytes < MIN_PART_SIZE) {
                throw new IllegalArgumentException(S3_PART_SIZE_MB + " must be at least 5 (S3 refuses smaller parts)");
            }
            if ((accessKeyId == null) != (secretAccessKey == null)) {
                throw new IllegalArgumentException(S3_ACCESS_KEY_ID + " and " + S3_SECRET_ACCESS_KEY + " go together");
            }
        }

        /** The settings without the secret, for logs. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle=" + pathStyle
                    + ", encryption=" + encryption + (kmsKeyId != null ? " " + kmsKeyId : "") + ", prefix=" + prefix
                    + ", partSize=" + partSizeBytes + ", cacheMaxIdle=" + cacheMaxIdle + ", credentials=" + (accessKeyId != null ? "static" : "default chain") + "]";
        }
    }

    public StoreSettings {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FILESYSTEM) {
            Objects.requireNonNull(root, ROOT + " is required when " + KIND + "=filesystem");
        } else {
            Objects.requireNonNull(s3, "s3");
        }
    }

    public static StoreSettings filesystem(Path root) {
        return new StoreSettings(Kind.FILESYSTEM, root, null);
    }

    public static StoreSettings s3(S3 s3) {
        return new StoreSettings(Kind.S3, null, s3);
    }

    /**
     * Reads the settings through {@code setting}, which answers a MicroProfile Config name
     * ({@code synthline.store.s3.bucket}) with its value or empty.
     */
    public static StoreSettings read(Function<String, Optional<String>> setting) {
        Kind kind = Kind.parse(setting.apply(KIND).orElse("filesystem"));
        if (kind == Kind.FILESYSTEM) {
            return filesystem(Path.of(setting.apply(ROOT).orElseThrow(() -> new IllegalArgumentException(ROOT + " is not set"))));
        }
        String partSize = setting.apply(S3_PART_SIZE_MB).orElse("16");
        long partBytes;
        try {
            partBytes = Long.parseLong(partSize.trim()) << 20;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(S3_PART_SIZE_MB + " is '" + partSize + "': expected a whole number of MiB");
        }
        Path cacheDir = setting.apply(S3_CACHE_DIR).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "synthline-store-cache"));
        return s3(new S3(setting.apply(S3_ENDPOINT).map(URI::create).orElse(null),
                setting.apply(S3_BUCKET).orElse(null),
                setting.apply(S3_REGION).orElse("us-east-1"),
                setting.apply(S3_ACCESS_KEY_ID).orElse(null),
                setting.apply(S3_SECRET_ACCESS_KEY).orElse(null),
                Boolean.parseBoolean(setting.apply(S3_PATH_STYLE).orElse("false").trim()),
                Encryption.parse(setting.apply(S3_SSE).orElse("AES256")),
                setting.apply(S3_KMS_KEY_ID).orElse(null),
                setting.apply(S3_PREFIX).orElse(""),
                partBytes, cacheDir,
                setting.apply(S3_CACHE_MAX_IDLE).map(v -> duration(S3_CACHE_MAX_IDLE, v)).orElse(DEFAULT_CACHE_MAX_IDLE)));
    }

    /** A duration as the services' other settings write it ({@code 30s}, {@code 15m}, {@code 1h}) or in ISO-8601 ({@code PT15M}). */
    static Duration duration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            int unit = v.length() - 1;
            long amount = Long.parseLong(v.substring(0, unit));
            return switch (v.charAt(unit)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is '" + value + "': expected a duration such as 30s, 15m or 1h");
        }
    }

    /** {@link #read} from environment variables ({@code SYNTHLINE_STORE_S3_BUCKET}), e.g. in a shard process. */
    public static StoreSettings fromEnvironment(Map<String, String> env) {
        return read(name -> Optional.ofNullable(env.get(envName(name))).filter(v -> !v.isBlank()));
    }

    /** The environment variables that make another process open this same store ({@link #fromEnvironment}). */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(envName(KIND), kind.name().toLowerCase(Locale.ROOT));
        if (kind == Kind.FILESYSTEM) {
            env.put(envName(ROOT), root.toAbsolutePath().toString());
            return env;
        }
        if (s3.endpoint() != null) {
            env.put(envName(S3_ENDPOINT), s3.endpoint().toString());
        }
        env.put(envName(S3_BUCKET), s3.bucket());
        env.put(envName(S3_REGION), s3.region());
        if (s3.accessKeyId() != null) {
            env.put(envName(S3_ACCESS_KEY_ID), s3.accessKeyId());
            env.put(envName(S3_SECRET_ACCESS_KEY), s3.secretAccessKey());
        }
        env.put(envName(S3_PATH_STYLE), Boolean.toString(s3.pathStyle()));
        env.put(envName(S3_SSE), switch (s3.encryption()) {
            case AES256 -> "AES256";
            case KMS -> "aws:kms";
            case NONE -> "none";
        });
        if (s3.kmsKeyId() != null) {
            env.put(envName(S3_KMS_KEY_ID), s3.kmsKeyId());
        }
        if (!s3.prefix().isEmpty()) {
            env.put(envName(S3_PREFIX), s3.prefix());
        }
        env.put(envName(S3_PART_SIZE_MB), Long.toString(s3.partSizeBytes() >> 20));
        env.put(envName(S3_CACHE_DIR), s3.cacheDir().toAbsolutePath().toString());
        env.put(envName(S3_CACHE_MAX_IDLE), s3.cacheMaxIdle().toString());
        return env;
    }

    /** MicroProfile Config's environment form of a setting name: {@code synthline.store.s3.access-key-id} is {@code SYNTHLINE_STORE_S3_ACCESS_KEY_ID}. */
    public static String envName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
