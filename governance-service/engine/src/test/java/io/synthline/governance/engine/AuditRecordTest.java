package io.synthline.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    @Test
    void keepsWhoWhatWhereAndOutcome() {
        EventEnvelope failed = EventEnvelope.create("/synthline/generator", EventType.GENERATION_FAILED, "generations/g1",
                "acme", "acme-scientist", new Payloads.GenerationFailed("g1", "d1", "boom"));
        AuditRecord r = AuditRecord.of(failed);
        assertThat(r.outcome()).isEqualTo("failure");
        assertThat(r.tenant()).isEqualTo("acme");
        assertThat(r.actor()).isEqualTo("acme-scientist");
        assertThat(r.subject()).isEqualTo("generations/g1");
        assertThat(r.data().get("reason").asText()).isEqualTo("boom");

        EventEnvelope systemEvent = EventEnvelope.create("/synthline/evaluator", EventType.EVALUATION_COMPLETED, "evaluations/e1",
                "acme", null, new Payloads.EvaluationCompleted("e1", "g1", "d1", java.util.Map.of(), null));
        assertThat(AuditRecord.of(systemEvent).actor()).isEqualTo("system");
        assertThat(AuditRecord.of(systemEvent).outcome()).isEqualTo("success");
    }
}
