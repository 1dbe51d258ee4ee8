package io.synthline.governance.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetRulesTest {
    static BudgetAccount capped(String eps, String delta) {
        return new BudgetAccount(new BigDecimal(eps), new BigDecimal(delta), PrivacyAmount.ZERO, PrivacyAmount.ZERO);
    }

    @Test
    void fiftyReservationsOfTwoHundredthsFillACapOfOneExactly() {
        BudgetAccount dataset = capped("1.0", "1e-5");
        BudgetAccount tenant = BudgetAccount.UNCAPPED;
        PrivacyAmount request = PrivacyAmount.of(0.02, 1e-7);
        for (int i = 0; i < 50; i++) {
            BudgetRules.Decision d = BudgetRules.reserve(dataset, tenant, request);
            assertThat(d).as("reservation %d", i + 1).isInstanceOf(BudgetRules.Granted.class);
            dataset = ((BudgetRules.Granted) d).dataset();
            tenant = ((BudgetRules.Granted) d).tenant();
        }
        assertThat(dataset.epsilonRemaining()).isEqualByComparingTo("0");
        assertThat(dataset.deltaRemaining()).isEqualByComparingTo("5e-6");
        // what binary floating point would have got wrong: 50 * 0.02 summed as doubles exceeds 1.0
        double sum = 0;
        for (int i = 0; i < 50; i++) {
            sum += 0.02;
        }
        assertThat(sum).isGreaterThan(1.0);

        BudgetRules.Decision refused = BudgetRules.reserve(dataset, tenant, request);
        assertThat(refused).isInstanceOf(BudgetRules.Refused.class);
        assertThat(((BudgetRules.Refused) refused).violations()).containsExactly(BudgetRules.DATASET_EXHAUSTED);
        assertThat(((BudgetRules.Refused) refused).reason()).contains("remaining epsilon 0");
    }

    @Test
    void theTenantCapBindsAcrossDatasets() {
        BudgetAccount tenant = new BudgetAccount(new BigDecimal("1.5"), null, PrivacyAmount.of(1.0, 0), PrivacyAmount.ZERO);
        BudgetRules.Decision d = BudgetRules.reserve(capped("10", "1"), tenant, PrivacyAmount.of(0.6, 0));
        assertThat(((BudgetRules.Refused) d).violations()).containsExactly(BudgetRules.TENANT_EXHAUSTED);
        assertThat(BudgetRules.reserve(capped("10", "1"), tenant, PrivacyAmount.of(0.5, 0))).isInstanceOf(BudgetRules.Granted.class);
    }

    @Test
    void deltaIsCappedToo() {
        BudgetRules.Decision d = BudgetRules.reserve(capped("10", "1e-6"), BudgetAccount.UNCAPPED, PrivacyAmount.of(0.1, 2e-6));
        assertThat(d).isInstanceOf(BudgetRules.Refused.class);
    }

    @Test
    void chargesWhatTheRunReportsAndFlagsOverspending() {
        PrivacyAmount reserved = PrivacyAmount.of(1.0, 1e-6);
        assertThat(BudgetRules.charge(reserved, null)).isEqualTo(reserved);
        assertThat(BudgetRules.charge(reserved, PrivacyAmount.of(0.8, 1e-6)).epsilon()).isEqualByComparingTo("0.8");
        assertThat(BudgetRules.overspent(reserved, PrivacyAmount.of(1.2, 1e-6))).isTrue();
        assertThat(BudgetRules.overspent(reserved, PrivacyAmount.of(1.0, 1e-6))).isFalse();
    }

    @Test
    void invalidRequestsAreBadInput() {
        assertThatThrownBy(() -> PrivacyAmount.requested(0.0, 0.0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> PrivacyAmount.requested(Double.NaN, 0.0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> PrivacyAmount.requested(1.0, 1.0)).isInstanceOf(BadInputException.class);
        assertThat(PrivacyAmount.requested(0.1, null).delta()).isEqualByComparingTo("0");
    }
}
