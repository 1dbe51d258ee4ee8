package io.synthline.evaluator.engine.relational;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.evaluation.RelationalEvaluation;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import org.junit.jupiter.api.Test;

/**
 * The multi-table evaluation does not depend on its thread count: quality, integrity, sequences and
 * entity-level privacy computed on one thread equal, to the bit, the ones computed on four.
 */
class RelationalEvaluatorThreadsTest {
    @Test
    void oneAndFourThreadsGiveTheSameEvaluation() {
        Entities.Split split = Entities.split(EntityPrivacyTest.population(1200, 1, "c"), 0.25, 7);
        RelationalDataset synthetic = EntityPrivacyTest.population(900, 2, "s");

        RelationalEvaluation one = RelationalEvaluator.evaluate(split.training(), synthetic, split.holdout(),
                QualityReport.Thresholds.DEFAULT, 3, 1);
        RelationalEvaluation four = RelationalEvaluator.evaluate(split.training(), synthetic, split.holdout(),
                QualityReport.Thresholds.DEFAULT, 3, 4);

        assertThat(one.quality()).isNotNull();
        assertThat(one.privacy()).isNotNull();
        assertThat(four.tables()).isEqualTo(one.tables());
        assertThat(four.quality()).isEqualTo(one.quality());
        assertThat(four.integrity()).isEqualTo(one.integrity());
        assertThat(four.sequences()).isEqualTo(one.sequences());
        assertThat(four.privacy()).isEqualTo(one.privacy());
        assertThat(four.skipped()).isEqualTo(one.skipped());
    }
}
