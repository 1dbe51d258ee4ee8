package io.synthline.governance.engine.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.events.ScoreNames;
import io.synthline.governance.engine.policy.ClassificationPolicy.ReleaseThresholds;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseGateTest {
    final ReleaseThresholds strict = new ReleaseThresholds(0.8, 0.2, 0.1);

    @Test
    void passesWhenEveryThresholdIsMet() {
        ReleaseGate.Result r = ReleaseGate.evaluate(Map.of(ScoreNames.FIDELITY, 0.85, ScoreNames.PRIVACY_RISK, 0.2,
                ScoreNames.FAIRNESS_GAP, 0.05), strict);
        assertThat(r.passed()).isTrue();
        assertThat(r.checks()).hasSize(3).allMatch(c -> c.passed());
    }

    @Test
    void failsOnAnyMissedOrMissingMetric() {
        ReleaseGate.Result r = ReleaseGate.evaluate(Map.of(ScoreNames.FIDELITY, 0.79, ScoreNames.PRIVACY_RISK, 0.1), strict);
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).isEqualTo("fidelity 0.79 is below 0.8; fairnessGap was not measured");
    }

    @Test
    void fallsBackToColumnShapesForFidelity() {
        ReleaseGate.Result r = ReleaseGate.evaluate(Map.of(ScoreNames.COLUMN_SHAPES, 0.93), new ReleaseThresholds(0.7, null, null));
        assertThat(r.passed()).isTrue();
        assertThat(r.checks().getFirst().metric()).isEqualTo("Column Shapes");
    }
}
