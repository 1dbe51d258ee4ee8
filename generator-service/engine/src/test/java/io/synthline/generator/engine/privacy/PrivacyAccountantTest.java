package io.synthline.generator.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivacyAccountantTest {
    private static PrivacySpend gaussian(double rho) {
        return new PrivacySpend(Mechanism.DISCRETE_GAUSSIAN, "stage", "a marginal", rho, 0, 10);
    }

    @Test
    void grantsTheConvertedBudgetAndReportsWhatWasSpent() {
        PrivacyAccountant accountant = new PrivacyAccountant(new PrivacyGuarantee(1, 1e-9));
        assertThat(accountant.rhoBudget()).isCloseTo(0.014973057673588523, within(1e-6));
        accountant.charge(gaussian(accountant.rhoBudget() / 2));
        PrivacyReport half = accountant.report("test", true, List.of());
        assertThat(half.rhoSpent()).isCloseTo(accountant.rhoBudget() / 2, within(1e-15));
        assertThat(half.epsilonSpent()).isLessThan(1).isCloseTo(ZeroConcentratedDp.epsilon(half.rhoSpent(), 1e-9), within(1e-12));
        accountant.charge(gaussian(accountant.rhoBudget() / 2));
        PrivacyReport full = accountant.report("test", true, List.of());
        assertThat(full.epsilonSpent()).isCloseTo(1, within(1e-6)).isLessThanOrEqualTo(1);
        assertThat(full.deltaSpent()).isEqualTo(1e-9);
        assertThat(full.mechanisms()).singleElement().satisfies(u -> {
            assertThat(u.uses()).isEqualTo(2);
            assertThat(u.mechanism()).isEqualTo("discrete-gaussian");
        });
    }

    @Test
    void refusesToOverspend() {
        PrivacyAccountant accountant = new PrivacyAccountant(new PrivacyGuarantee(1, 1e-9));
        accountant.charge(gaussian(accountant.rhoBudget() * 0.9));
        assertThatThrownBy(() -> accountant.charge(gaussian(accountant.rhoBudget() * 0.2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("privacy budget exceeded");
        assertThat(accountant.spends()).hasSize(1);
    }

    @Test
    void thresholdDeltaIsCarvedOutOfDeltaBeforeConverting() {
        PrivacyAccountant accountant = new PrivacyAccountant(new PrivacyGuarantee(1, 1e-9), 1e-10);
        assertThat(accountant.rhoBudget()).isCloseTo(ZeroConcentratedDp.rho(1, 9e-10), within(1e-12));
        accountant.charge(new PrivacySpend(Mechanism.THRESHOLDED_GAUSSIAN, "domain", "categories of x", 0.001, 5e-11, 20));
        assertThatThrownBy(() -> accountant.charge(
                new PrivacySpend(Mechanism.THRESHOLDED_GAUSSIAN, "domain", "categories of y", 0.001, 6e-11, 20)))
                .hasMessageContaining("threshold delta exceeded");
        accountant.charge(gaussian(accountant.rhoRemaining()));
        PrivacyReport report = accountant.report("test", true, List.of());
        assertThat(report.deltaSpent()).isCloseTo(9e-10 + 5e-11, within(1e-20)).isLessThanOrEqualTo(1e-9);
        assertThat(report.epsilonSpent()).isLessThanOrEqualTo(1);
    }

    @Test
    void seededNoiseIsFlaggedInTheReport() {
        PrivacyReport report = new PrivacyAccountant(new PrivacyGuarantee(1, 1e-9)).report("seeded PRNG", false, List.of());
        assertThat(report.privateNoise()).isFalse();
        assertThat(report.summary()).startsWith("NOT PRIVATE");
    }

    @Test
    void validatesTheRequest() {
        assertThatThrownBy(() -> new PrivacyGuarantee(0, 1e-9)).isInstanceOf(BadInputException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new PrivacyGuarantee(1, 0)).isInstanceOf(BadInputException.class).hasMessageContaining("delta");
        assertThatThrownBy(() -> new PrivacyGuarantee(1, 0.5)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new PrivacyGuarantee(Double.NaN, 1e-9)).isInstanceOf(BadInputException.class);
    }
}
