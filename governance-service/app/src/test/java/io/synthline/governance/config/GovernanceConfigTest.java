package io.synthline.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.synthline.governance.engine.policy.Classification;
import io.synthline.governance.engine.policy.ClassificationPolicy;
import io.synthline.governance.engine.policy.PolicySet;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping binds the service's shipped settings with the defaults it always had, and policy overrides as documented. */
class GovernanceConfigTest {

    static GovernanceConfig bind(Map<String, String> overrides) throws IOException {
        return bind(overrides, Map.of());
    }

    /** With the service's application.properties, {@code overrides} as properties and {@code environment} as environment variables. */
    static GovernanceConfig bind(Map<String, String> overrides, Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors().withValidateUnknown(false)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(GovernanceConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(overrides, "test", 500))
                .withMapping(GovernanceConfig.class).build();
        return config.getConfigMapping(GovernanceConfig.class);
    }

    @Test
    void theShippedSettingsBindWithTheirDefaults() throws IOException {
        GovernanceConfig c = bind(Map.of());
        assertThat(c.defaultClassification()).isEqualTo("internal");
        assertThat(c.monitoring().reevaluateAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(c.monitoring().datasetWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.monitoring().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.monitoring().evaluationWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.retention().sweepInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.audit().orderSweepInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.budget().defaultEpsilonCap()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(c.budget().defaultDeltaCap()).isEqualByComparingTo(new BigDecimal("0.00001"));
        assertThat(c.budget().alertFraction()).isEqualTo(0.8);
        assertThat(c.evidence().evaluatorUrl().toString()).isEqualTo("http://127.0.0.1:18093");
        assertThat(PolicyConfig.load(c.policy())).isEqualTo(PolicySet.defaults());
    }

    @Test
    void theUserDirectoryAsksWithTheServicesOwnOidcClientUnlessToldOtherwise() throws IOException {
        GovernanceConfig c = bind(Map.of("quarkus.oidc.auth-server-url", "http://keycloak:8080/realms/synthline",
                "quarkus.oidc.credentials.secret", "s3cret"));
        assertThat(c.directory().issuer()).isEqualTo("http://keycloak:8080/realms/synthline");
        assertThat(c.directory().clientId()).isEqualTo("synthline-services");
        assertThat(c.directory().clientSecret()).isEqualTo("s3cret");

        assertThat(bind(Map.of("synthline.governance.directory.client-id", "directory-reader")).directory().clientId())
                .isEqualTo("directory-reader");
    }

    @Test
    void aPolicyFieldOverridesOnlyItselfAndNoneRemovesAThreshold() throws IOException {
        GovernanceConfig c = bind(Map.of("synthline.governance.policy.confidential.max-epsilon", "2.5",
                "synthline.governance.policy.confidential.max-privacy-risk", "none",
                "synthline.governance.policy.confidential.owner-approval", "always",
                "synthline.governance.policy.internal.required-checks", "fidelity, utilityGap",
                "synthline.governance.policy.public.required-checks", "none",
                "synthline.governance.policy.restricted.dp-required", "false"));
        PolicySet defaults = PolicySet.defaults();
        PolicySet p = PolicyConfig.load(c.policy());

        ClassificationPolicy confidential = p.of(Classification.CONFIDENTIAL);
        ClassificationPolicy was = defaults.of(Classification.CONFIDENTIAL);
        assertThat(confidential.maxEpsilon()).isEqualTo(2.5);
        assertThat(confidential.release().maxPrivacyRisk()).isNull();
        assertThat(was.release().maxPrivacyRisk()).isNotNull();
        assertThat(confidential.ownerApproval()).isEqualTo(ClassificationPolicy.OwnerApproval.ALWAYS);
        assertThat(confidential.maxDelta()).isEqualTo(was.maxDelta());
        assertThat(confidential.release().minFidelity()).isEqualTo(was.release().minFidelity());

        assertThat(p.of(Classification.INTERNAL).release().required()).isEqualTo(Set.of("fidelity", "utilityGap"));
        assertThat(p.of(Classification.PUBLIC).release().required()).isEmpty();
        assertThat(p.of(Classification.RESTRICTED).dpRequired()).isFalse();
        assertThat(p.of(Classification.RESTRICTED).maxEpsilon()).isEqualTo(defaults.of(Classification.RESTRICTED).maxEpsilon());
    }

    @Test
    void aDeploymentSetsPoliciesWithEnvironmentVariablesAsBefore() throws IOException {
        GovernanceConfig c = bind(Map.of(), Map.of("SYNTHLINE_GOVERNANCE_POLICY_CONFIDENTIAL_MAX_EPSILON", "3",
                "SYNTHLINE_GOVERNANCE_POLICY_INTERNAL_OWNER_APPROVAL", "unless-granted",
                "SYNTHLINE_GOVERNANCE_BUDGET_DEFAULT_EPSILON_CAP", "4"));
        PolicySet p = PolicyConfig.load(c.policy());
        assertThat(p.of(Classification.CONFIDENTIAL).maxEpsilon()).isEqualTo(3.0);
        assertThat(p.of(Classification.INTERNAL).ownerApproval()).isEqualTo(ClassificationPolicy.OwnerApproval.UNLESS_GRANTED);
        assertThat(c.budget().defaultEpsilonCap()).isEqualByComparingTo(new BigDecimal("4"));
    }
}
