package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.evaluation.Privacy;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.privacy.PrivacyEvaluation;
import io.synthline.generator.engine.synthesis.Synthesizers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every non-DP model at its default settings passes the privacy checks users see in
 * {@code synth evaluate --holdout}, on Adult with 20 % held out: membership-inference AUC at most
 * 0.53 and the share of synthetic rows closer to a training row than to a held-out one at most
 * the baseline (the training share) + 0.025, while keeping its fidelity. The default model (tree)
 * keeps a QualityReport of at least 0.975. Thresholds and measured values: docs/privacy.md.
 */
class DefaultsPrivacyTest {
    @ParameterizedTest
    @CsvSource({"tree, 0.975", "copula, 0.93", "independent, 0.85"})
    void defaultsPassTheAttackChecksOnAdult(String model, double minQuality) throws Exception {
        Table[] split = ModelQualityTest.split(Fixtures.ADULT, 0.2, 11);
        Table train = split[0];
        Table holdout = split[1];
        Table synthetic = ModelQualityTest.synthesize(train, model, train.rowCount(), 21);
        EvalData data = EvalData.of(train, synthetic, holdout, Map.of());
        double quality = QualityReport.generate(data, ModelQualityTest.SCORING).score();
        Privacy p = PrivacyEvaluation.run(data, new PrivacyEvaluation.Options(List.of(), List.of(), 2_000,
                EvaluationOptions.DEFAULT_SEED), ModelQualityTest.SCORING).privacy();
        double auc = p.attacks().membershipInference().auc();
        System.out.printf("%s defaults on Adult: QualityReport %.4f, MIA AUC %.4f, DCR share %.4f (baseline %.4f)%n", model, quality,
                auc, p.dcrShare().value(), p.dcrShare().baseline());
        assertThat(quality).as("QualityReport").isGreaterThanOrEqualTo(minQuality);
        assertThat(auc).as("membership-inference AUC").isLessThanOrEqualTo(0.53);
        assertThat(p.dcrShare().value()).as("DCR closer-to-training share").isLessThanOrEqualTo(p.dcrShare().baseline() + 0.025);
        assertThat(Synthesizers.DEFAULT).isEqualTo("tree");
    }
}
