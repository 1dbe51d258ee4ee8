package io.synthline.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything governance can be tuned with ({@code synthline.governance.*}). */
@ConfigMapping(prefix = "synthline.governance")
public interface GovernanceConfig {
    /** Classification of datasets whose registration does not say (the profiler's default is internal). */
    @WithDefault("internal")
    String defaultClassification();

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

        /** Released outputs evaluated longer ago than this are evaluated again with the current suite. */
        @WithDefault("7d")
        Duration reevaluateAfter();

        /** How long a generation request may wait for governance to learn of its dataset before it is refused (unknown dataset). */
        @WithDefault("10m")
        Duration datasetWait();

        /** How often the monitoring runs (one replica per period). */
        @WithDefault("1m")
        Duration interval();
    }

    Retention retention();

    interface Retention {
        /** How often datasets whose retention ended are asked to be deleted (one replica per period). */
        @WithDefault("5m")
        Duration sweepInterval();
    }

    Budget budget();

    /** The privacy-budget ledger's defaults. */
    interface Budget {
        /** Epsilon cap of a dataset (and of a tenant) no one has set a cap for. */
        @WithDefault("10")
        BigDecimal defaultEpsilonCap();

        @WithDefault("0.00001")
        BigDecimal defaultDeltaCap();

        /** Used fraction of a dataset's epsilon cap from which an alert is raised. */
        @WithDefault("0.8")
        double alertFraction();
    }

    /**
     * The Keycloak realm and client governance asks for the realm's users (UserDirectory): by
     * default the service's own OIDC client, whose service account may view users.
     */
    Directory directory();

    interface Directory {
        @WithDefault("${quarkus.oidc.auth-server-url}")
        String issuer();

        @WithDefault("${quarkus.oidc.client-id}")
        String clientId();

        @WithDefault("${quarkus.oidc.credentials.secret}")
        String clientSecret();
    }

    /**
     * Overrides of the documented policy defaults per classification (public, internal,
     * confidential, restricted): {@code synthline.governance.policy.<classification>.<field>}.
     * Thresholds may be "none" (not checked); see {@link PolicyConfig}.
     */
    Map<String, Policy> policy();

    interface Policy {
        Optional<Boolean> dpRequired();

        Optional<String> maxEpsilon();

        Optional<String> maxDelta();

        Optional<Boolean> piiReplaced();

        /** never, unless-granted or always. */
        Optional<String> ownerApproval();

        Optional<String> minFidelity();

        Optional<String> maxPrivacyRisk();

        Optional<String> maxFairnessGap();

        Optional<String> maxUtilityGap();

        Optional<String> maxDetectionAuc();

        Optional<String> maxPiiRealValues();

        /** Score names that must be measured, comma-separated (e.g. {@code fidelity,privacyRisk}), or "none". */
        Optional<String> requiredChecks();
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

        /** How often events that waited longer than {@link #orderWait()} are appended. */
        @WithDefault("30s")
        Duration orderSweepInterval();
    }
}
