package io.synthline.governance.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.governance.engine.policy.GenerationPolicy.Approve;
import io.synthline.governance.engine.policy.GenerationPolicy.AwaitOwner;
import io.synthline.governance.engine.policy.GenerationPolicy.Refuse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenerationPolicyTest {
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    final PolicySet policies = PolicySet.defaults();

    GenerationPolicy.Decision decide(Classification c, String requester, Double eps, Double delta, Boolean pii, boolean grant) {
        return GenerationPolicy.decide(new GenerationPolicy.Request(c, requester, "acme-owner", eps, delta, pii, grant, false,
                null, NOW), policies.of(c));
    }

    @Test
    void publicAndInternalAreApprovedByPolicy() {
        assertThat(decide(Classification.INTERNAL, "acme-scientist", null, null, null, false)).isInstanceOf(Approve.class);
        assertThat(decide(Classification.PUBLIC, "acme-scientist", null, null, null, false)).isInstanceOf(Approve.class);
    }

    @Test
    void restrictedNeedsDpWithinTheEpsilonCapPiiReplacedAndTheOwner() {
        Refuse noDp = (Refuse) decide(Classification.RESTRICTED, "acme-scientist", null, null, true, false);
        assertThat(noDp.violations()).containsExactly("dp-required");
        Refuse tooMuch = (Refuse) decide(Classification.RESTRICTED, "acme-scientist", 2.0, 1e-7, false, false);
        assertThat(tooMuch.violations()).containsExactly("epsilon-above-max", "pii-not-replaced");
        assertThat(tooMuch.reason()).contains("epsilon 2.0 exceeds the maximum 1.0");
        assertThat(decide(Classification.RESTRICTED, "acme-scientist", 0.5, 1e-7, true, true)).isInstanceOf(AwaitOwner.class);
    }

    @Test
    void confidentialWaitsForTheOwnerUnlessGranted() {
        assertThat(decide(Classification.CONFIDENTIAL, "acme-scientist", null, null, true, false)).isInstanceOf(AwaitOwner.class);
        assertThat(decide(Classification.CONFIDENTIAL, "acme-scientist", null, null, true, true)).isInstanceOf(Approve.class);
        assertThat(decide(Classification.CONFIDENTIAL, "acme-owner", null, null, true, false)).isInstanceOf(Approve.class);
        assertThat(((Refuse) decide(Classification.CONFIDENTIAL, "acme-owner", null, null, null, false)).violations())
                .containsExactly("pii-not-replaced");
    }

    @Test
    void deletedOrExpiredDatasetsAreRefusedWhateverTheClassification() {
        Refuse deleted = (Refuse) GenerationPolicy.decide(new GenerationPolicy.Request(Classification.PUBLIC, "a", "b", null, null,
                null, false, true, null, NOW), policies.of(Classification.PUBLIC));
        assertThat(deleted.violations()).containsExactly("dataset-deleted");
        Refuse expired = (Refuse) GenerationPolicy.decide(new GenerationPolicy.Request(Classification.PUBLIC, "a", "b", null, null,
                null, false, false, NOW.minusSeconds(1), NOW), policies.of(Classification.PUBLIC));
        assertThat(expired.violations()).containsExactly("retention-expired");
    }

    @Test
    void classificationsParseStrictlyAndReadLeniently() {
        assertThat(Classification.parse(" Confidential ")).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(Classification.orRestricted("secret")).isEqualTo(Classification.RESTRICTED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Classification.parse("secret"))
                .hasMessageContaining("one of [public, internal, confidential, restricted]");
    }
}
