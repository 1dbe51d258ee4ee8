package io.synthline.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Everything governance can be tuned with ({@code synthline.governance.*}). */
@ConfigMapping(prefix = "synthline.governance")
public interface GovernanceConfig {
    Audit audit();

    Evidence evidence();

    /**
     * Where the dashboard fetches the evidence it shows in the signed-in user's session (the
     * evaluation reports, the dataset profiles), with the user's own access token.
     */
    interface Evidence {
        /** The evaluator service, e.g. http://evaluator-service in a cluster. */
        @WithDefault("http://127.0.0.1:18093")
        java.net.URI evaluatorUrl();

        /** The profiler service. */
        @WithDefault("http://127.0.0.1:18091")
        java.net.URI profilerUrl();
    }

    Monitoring monitoring();

    interface Monitoring {
        /**
         * How long a completed output may wait for the evaluator to take its evaluation up
         * (evaluation.queued) before its release counts as waiting for an unavailable evaluator.
         */
        @WithDefault("2m")
        Duration evaluationWait();
    }

    interface Audit {
        /** PEM file with the Ed25519 private key and its public key (see AuditSigningKey). */
        Path signingKeyFile();

        /** Development convenience: create the key file when it does not exist. Off in production (a mounted secret). */
        @WithDefault("true")
        boolean generateKeyIfMissing();

        /** How often chains whose head moved get a signed checkpoint. */
        @WithDefault("30s")
        Duration checkpointInterval();

        /** How often the chains are verified in the background (a broken chain raises an alert). */
        @WithDefault("15m")
        Duration verifyInterval();

        /** How long an event waits for its cause to be in the chain (CausalOrder) before it is appended anyway. */
        @WithDefault("5m")
        Duration orderWait();
    }
}
