package io.synthline.governance.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    @Test
    void keepsWhoWhatWhereWhyAndOutcome() {
        EventEnvelope failed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_FAILED, "generations/g1",
                "acme", "acme-scientist", new Payloads.GenerationFailed("g1", "d1", "boom"))
                .withActorRoles(List.of("data-scientist"));
        AuditRecord r = AuditRecord.of(failed);
        assertThat(r.outcome()).isEqualTo("failure");
        assertThat(r.tenant()).isEqualTo("acme");
        assertThat(r.actor()).isEqualTo("acme-scientist");
        assertThat(r.actorRoles()).containsExactly("data-scientist");
        assertThat(r.subject()).isEqualTo("generations/g1");
        assertThat(r.data().get("reason").asText()).isEqualTo("boom");

        EventEnvelope systemEvent = EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_COMPLETED, "evaluations/e1",
                "acme", null, new Payloads.EvaluationCompleted("e1", "g1", "d1", Map.of(), null));
        assertThat(AuditRecord.of(systemEvent).actor()).isEqualTo("system");
        assertThat(AuditRecord.of(systemEvent).outcome()).isEqualTo("success");

        EventEnvelope overridden = EventEnvelope.create("/synthline/governance", EventType.RELEASE_OVERRIDDEN, "generations/g1",
                "acme", "acme-owner", new Payloads.ReleaseOverridden("g1", "d1", "e1", "acme-owner", "needed for the audit of Q3"));
        assertThat(AuditRecord.of(overridden).justification()).isEqualTo("needed for the audit of Q3");
        EventEnvelope quarantined = EventEnvelope.create("/synthline/governance", EventType.RELEASE_QUARANTINED, "generations/g1",
                "acme", null, new Payloads.ReleaseQuarantined("g1", "d1", "e1", "restricted", List.of(), "fidelity too low"));
        assertThat(AuditRecord.of(quarantined).outcome()).isEqualTo("attention");
    }
}
