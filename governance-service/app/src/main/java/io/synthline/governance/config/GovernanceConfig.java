package io.synthline.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Everything governance can be tuned with ({@code synthline.governance.*}). */
@ConfigMapping(prefix = "synthline.governance")
public interface GovernanceConfig {
    Audit audit();

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
    }
}
