package io.synthline.generator.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ZeroConcentratedDpTest {

    /** Reference values of cdp_rho (Canonne, Kamath and Steinke's conversion), to 1e-4 relative. */
    @ParameterizedTest
    @CsvSource({
        "1,  1e-9, 0.014973057673588523",
        "1,  1e-5, 0.03055659519763956",
        "3,  1e-9, 0.12058242891101999",
        "10, 1e-9, 1.0907857043970155",
        "0.1, 1e-9, 0.00017713844718502086",
    })
    void rhoFromEpsilonDeltaMatchesTheTightConversion(double epsilon, double delta, double expectedRho) {
        assertThat(ZeroConcentratedDp.rho(epsilon, delta)).isCloseTo(expectedRho, withinPercentage(1e-2));
    }

    @ParameterizedTest
    @CsvSource({"1, 1e-9", "1, 1e-5", "3, 1e-9", "10, 1e-9", "0.3, 1e-7"})
    void conversionsInvertEachOther(double epsilon, double delta) {
        double rho = ZeroConcentratedDp.rho(epsilon, delta);
        assertThat(ZeroConcentratedDp.epsilon(rho, delta)).isCloseTo(epsilon, withinPercentage(1e-6));
        assertThat(ZeroConcentratedDp.delta(rho, epsilon)).isCloseTo(delta, withinPercentage(1e-4));
        // rho is rounded down, so converting it back never claims more than asked for
        assertThat(ZeroConcentratedDp.delta(rho, epsilon)).isLessThanOrEqualTo(delta);
    }

    @Test
    void tightConversionIsNeverWorseThanTheClassicalBound() {
        for (double rho : new double[] {1e-4, 0.01, 0.1, 1, 5}) {
            for (double delta : new double[] {1e-12, 1e-9, 1e-6, 1e-3}) {
                double classical = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
                assertThat(ZeroConcentratedDp.epsilon(rho, delta)).isLessThanOrEqualTo(classical);
            }
        }
    }

    @Test
    void deltaIsMonotoneInRhoAndEpsilon() {
        double previous = 0;
        for (double rho = 0.001; rho < 2; rho *= 1.5) {
            double d = ZeroConcentratedDp.delta(rho, 1);
            assertThat(d).isGreaterThanOrEqualTo(previous);
            previous = d;
        }
        previous = 1;
        for (double eps = 0.01; eps < 20; eps *= 1.5) {
            double d = ZeroConcentratedDp.delta(0.05, eps);
            assertThat(d).isLessThanOrEqualTo(previous);
            previous = d;
        }
        assertThat(ZeroConcentratedDp.delta(0, 1)).isZero();
    }

    @Test
    void gaussianMechanismCostsDeltaSquaredOverTwoSigmaSquared() {
        assertThat(ZeroConcentratedDp.gaussianRho(1, 10)).isEqualTo(1.0 / 200);
        assertThat(ZeroConcentratedDp.gaussianRho(3, 2)).isEqualTo(9.0 / 8);
        // sensitivity scales like sigma
        assertThat(ZeroConcentratedDp.gaussianRho(2, 7)).isCloseTo(ZeroConcentratedDp.gaussianRho(1, 3.5), within(1e-15));
        assertThat(ZeroConcentratedDp.gaussianSigma(1, ZeroConcentratedDp.gaussianRho(1, 12.5))).isCloseTo(12.5, within(1e-12));
    }

    @Test
    void exponentialMechanismCostsEpsilonSquaredOverEight() {
        assertThat(ZeroConcentratedDp.exponentialRho(1)).isEqualTo(0.125);
        assertThat(ZeroConcentratedDp.exponentialRho(0.2)).isCloseTo(0.005, within(1e-15));
        assertThat(ZeroConcentratedDp.exponentialEpsilon(ZeroConcentratedDp.exponentialRho(0.37))).isCloseTo(0.37, within(1e-12));
    }

    @Test
    void compositionAddsRhos() {
        assertThat(ZeroConcentratedDp.compose(0.01, 0.02, 0.03)).isCloseTo(0.06, within(1e-15));
        // k Gaussian measurements with sigma cost the same as one with sigma / sqrt(k)
        int k = 14;
        double sigma = 40;
        double separately = 0;
        for (int i = 0; i < k; i++) {
            separately = ZeroConcentratedDp.compose(separately, ZeroConcentratedDp.gaussianRho(1, sigma));
        }
        assertThat(separately).isCloseTo(ZeroConcentratedDp.gaussianRho(1, sigma / Math.sqrt(k)), within(1e-15));
        // splitting a budget in thirds and composing gives the whole back
        double rho = ZeroConcentratedDp.rho(1, 1e-9);
        assertThat(ZeroConcentratedDp.compose(rho / 3, rho / 3, rho / 3)).isCloseTo(rho, within(1e-15));
        // composing two runs costs more epsilon than either, less than the sum (zCDP composes sub-linearly in epsilon)
        double eps1 = ZeroConcentratedDp.epsilon(rho, 1e-9);
        double eps2 = ZeroConcentratedDp.epsilon(ZeroConcentratedDp.compose(rho, rho), 1e-9);
        assertThat(eps2).isGreaterThan(eps1).isLessThan(2 * eps1);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ZeroConcentratedDp.rho(0, 1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZeroConcentratedDp.rho(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZeroConcentratedDp.gaussianRho(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZeroConcentratedDp.compose(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
