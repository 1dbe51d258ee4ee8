package io.synthline.generator.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.table.Table;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.PrivacyReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class AimSynthesizerTest {
    private static final String[] COLUMNS = {"age", "education", "marital-status", "relationship", "sex", "hours-per-week", "income"};

    private static PrivacyReport.MechanismUse stage(PrivacyReport report, String stage) {
        return report.mechanisms().stream().filter(u -> u.stage().equals(stage)).findFirst().orElseThrow();
    }

    @Test
    void adaptsUntilTheBudgetIsSpentAndKeepsTheStructure() {
        Table data = AdultFixtures.columns(COLUMNS);
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(1, 1e-9), AdultFixtures.domainOf(COLUMNS))
                .withSeededNoiseNotPrivate(21);
        PrivateModel model = new AimSynthesizer(settings).fit(data, 1);
        PrivacyReport report = model.privacy();
        assertThat(report.rhoSpent()).isCloseTo(report.rho(), within(report.rho() * 1e-9));
        assertThat(report.epsilonSpent()).isLessThanOrEqualTo(1);
        PrivacyReport.MechanismUse initial = stage(report, AimSynthesizer.STAGE_INITIAL);
        PrivacyReport.MechanismUse selection = stage(report, AimSynthesizer.STAGE_SELECTION);
        PrivacyReport.MechanismUse measurement = stage(report, AimSynthesizer.STAGE_MEASUREMENT);
        assertThat(initial.uses()).isEqualTo(COLUMNS.length);
        assertThat(selection.uses()).isEqualTo(measurement.uses()).isGreaterThanOrEqualTo(3)
                .isLessThanOrEqualTo(16 * COLUMNS.length);
        // the initial sigma is sqrt(T / (2 alpha rho)) with T = 16 d on AIM's share of the budget
        double aimRho = report.rho() - stage(report, PrivateSynthesizer.STAGE_DISCRETISATION).rho();
        assertThat(initial.minScale()).isCloseTo(Math.sqrt(16.0 * COLUMNS.length / (2 * 0.9 * aimRho)), within(1e-9));
        // annealing made later measurements more precise than the first ones
        assertThat(measurement.minScale()).isLessThan(measurement.maxScale());
        // selection used about (1 - alpha) of what rounds cost
        assertThat(selection.rho() / (selection.rho() + measurement.rho())).isCloseTo(0.1, within(0.02));

        List<String[]> rows = AdultFixtures.sample(model, 20_000, 3);
        for (String column : List.of("education", "marital-status", "relationship", "sex", "income")) {
            assertThat(AdultFixtures.tvComplement(data, rows, column)).as(column).isGreaterThan(0.97);
        }
        assertThat(AdultFixtures.conditionalShare(rows, 3, "Wife", 4, "Female")).isGreaterThan(0.9);
        assertThat(AdultFixtures.conditionalShare(rows, 2, "Never-married", 6, "<=50K")).isGreaterThan(0.9);
    }

    @Test
    void optionalThreeWayWorkloadRuns() {
        String[] cols = {"sex", "race", "relationship", "income"};
        DpSettings settings = DpSettings.of(new PrivacyGuarantee(3, 1e-9), AdultFixtures.domainOf(cols)).withSeededNoiseNotPrivate(2);
        PrivateModel model = new AimSynthesizer(settings, new AimSynthesizer.Options(true, 100_000, 50, 300))
                .fit(AdultFixtures.columns(cols), 1);
        assertThat(model.privacy().rhoSpent()).isCloseTo(model.privacy().rho(), within(model.privacy().rho() * 1e-9));
        assertThat(model.graphicalModel().tree().size()).isLessThanOrEqualTo(100_000);
    }
}
