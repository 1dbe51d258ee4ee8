package io.synthline.generator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything the generator service can be tuned with ({@code synthline.generator.*}). */
@ConfigMapping(prefix = "synthline.generator")
public interface GeneratorConfig {
    /** Most rows one request may ask for. */
    long maxRows();

    /**
     * Whether a run waits for governance's generation.approved and downloads for a released output
     * (docs/governance-protocol.md); a differentially private run always waits for its reservation.
     */
    boolean requireApproval();

    /**
     * Share of the rows held out from fitting when a request does not say (recorded in the stored
     * request, so a job runs as it was accepted whatever the setting is later).
     */
    @WithDefault("0.2")
    double defaultHoldout();

    /** Worker threads per job; 0 = all cores. Never changes the output. */
    @WithDefault("0")
    int threads();

    /** Minimum time between two progress events of one job, in milliseconds. */
    @WithDefault("2000")
    long progressIntervalMs();

    Sharding sharding();

    /**
     * When a generation runs as a Kubernetes Indexed Job of shards instead of in the service's
     * process, and how the Job's pods look. Off by default: the local platform samples in-process.
     */
    interface Sharding {
        /** Whether large requests run as Kubernetes Jobs at all. */
        @WithDefault("false")
        boolean enabled();

        /** Requests of at least this many rows are sharded; smaller ones run in-process. */
        @WithDefault("5000000")
        long minRows();

        /** Rows per shard (one Job index), made larger when a request would need more than {@link #maxShards()}. */
        @WithDefault("1000000")
        long shardRows();

        /** Most shards (Job completions) of one request. */
        @WithDefault("64")
        int maxShards();

        /** Shard pods running at the same time. */
        @WithDefault("4")
        int parallelism();

        /** Retries of one failed shard pod before the run fails (the Job's backoffLimitPerIndex). */
        @WithDefault("2")
        int backoffLimitPerIndex();

        /** The shard pods' image; absent: the image of the generator pod itself (read through the API). */
        Optional<String> image();

        /** The namespace of the Jobs; absent: the generator's own. */
        Optional<String> namespace();

        /** The shard pods' ServiceAccount: one with no API rights (only the generator's may create Jobs). */
        @WithDefault("synthline-generator-shard")
        String serviceAccount();

        /** The ConfigMap the shard pods read their store settings from, like the services. */
        @WithDefault("synthline-config")
        String configMap();

        /** The store's volume claim and where it is mounted (a filesystem store; with {@code synthline.store.kind=s3} neither is used). */
        @WithDefault("synthline-store")
        String storeClaim();

        @WithDefault("/data/store")
        String storeMount();

        /** A Secret the shard pods read as environment too, e.g. an S3 store's {@code SYNTHLINE_STORE_S3_*} credentials. */
        Optional<String> storeSecret();

        /** CPU and memory of one shard pod (request = limit for memory). */
        @WithDefault("1")
        String cpu();

        @WithDefault("2Gi")
        String memory();

        /** How long a finished Job stays for inspection before Kubernetes deletes it. */
        @WithDefault("1h")
        Duration keepFinished();

        /** How often a running sharded generation reports progress and looks for a cancellation. */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
