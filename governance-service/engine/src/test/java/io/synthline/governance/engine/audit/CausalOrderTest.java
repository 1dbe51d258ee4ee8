package io.synthline.governance.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CausalOrderTest {
    @Test
    void aFirstEvaluationFollowsItsGenerationsCompletion() {
        AuditRecord first = record(EventType.EVALUATION_COMPLETED, new Payloads.EvaluationCompleted("e1", "g1", "d1", Map.of(), "k"));
        assertThat(CausalOrder.causeOf(first)).contains(new CausalOrder.Cause("generations/g1", List.of("generation.completed")));
        AuditRecord failed = record(EventType.EVALUATION_FAILED, new Payloads.EvaluationFailed("e1", "g1", "no file"));
        assertThat(CausalOrder.causeOf(failed)).contains(new CausalOrder.Cause("generations/g1", List.of("generation.completed")));
    }

    @Test
    void aReEvaluationHasNoCauseToWaitFor() {
        AuditRecord again = record(EventType.EVALUATION_COMPLETED, new Payloads.EvaluationCompleted("e2", "g1", "d1", Map.of(), "k", "r1"));
        assertThat(CausalOrder.causeOf(again)).isEmpty();
    }

    @Test
    void aReleaseDecisionFollowsTheEvaluationItWasMadeOn() {
        AuditRecord approved = record(EventType.RELEASE_APPROVED, new Payloads.ReleaseApproved("g1", "d1", "e1", "internal", List.of()));
        assertThat(CausalOrder.causeOf(approved)).contains(new CausalOrder.Cause("evaluations/e1",
                List.of("evaluation.completed", "evaluation.failed")));
        AuditRecord other = record(EventType.GENERATION_COMPLETED, new Payloads.GenerationCompleted("g1", "d1", "m", 1, 1, "s", "o", "x", 1));
        assertThat(CausalOrder.causeOf(other)).isEmpty();
    }

    private static AuditRecord record(EventType type, Object data) {
        return AuditRecord.of(EventEnvelope.create("/test", type, "x/1", "acme", "someone", data));
    }
}
