package io.synthline.evaluator.engine.privacy;

import io.synthline.evaluator.engine.SharedData;
import static io.synthline.evaluator.engine.TestTables.categorical;
import static io.synthline.evaluator.engine.TestTables.numeric;
import static io.synthline.evaluator.engine.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.stats.Intervals;
import io.synthline.evaluator.engine.stats.RocAuc;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every privacy metric on tables small enough to compute on paper. */
class PrivacyMetricsByHandTest {
    /** real: x in {0, 10, 5}, c in {a, b, null}; synthetic rows (0,a), (4,b), (NaN,null), (20,z). */
    static EvalData tiny() {
        return EvalData.of(
                table(numeric("x", 0, 10, 5), categorical("c", "a", "b", null)),
                table(numeric("x", 0, 4, Double.NaN, 20), categorical("c", "a", "b", null, "z")),
                table(numeric("x", 1, 9), categorical("c", "a", "a")), Map.of());
    }

    @Test
    void dcrIsSdmetricsGowerDistance() {
        EvalData d = tiny();
        double[] dcr = DcrMetrics.calculateDcr(d.columns(), d.synthetic(), d.real(), SharedData.pool());
        // range of x in the real data = 10; row distance = mean of the two column terms
        assertThat(dcr[0]).isEqualTo(0.0);                      // (0,a) equals real row 0
        assertThat(dcr[1]).isCloseTo((0.6 + 0) / 2, within(1e-15)); // (4,b) vs (10,b): |4-10|/10 = .6, same category
        assertThat(dcr[2]).isEqualTo(0.5);                      // (NaN,null) vs (5,null): missing vs value 1, null = null 0
        assertThat(dcr[3]).isEqualTo(1.0);                      // (20,z): |20-10|/10 = 1 (capped), z matches nothing
        double[] toHoldout = DcrMetrics.calculateDcr(d.columns(), d.synthetic(), d.holdout().orElseThrow(), SharedData.pool());
        // holdout range of x = 8: (0,a) vs (1,a) = (1/8)/2
        assertThat(toHoldout[0]).isCloseTo(1.0 / 16, within(1e-15));
    }

    @Test
    void constantReferenceColumnCountsAnyDifferenceAsOne() {
        EvalData d = EvalData.of(table(numeric("x", 3, 3)), table(numeric("x", 3, 3.0001)));
        assertThat(DcrMetrics.calculateDcr(d.columns(), d.synthetic(), d.real(), SharedData.pool())).containsExactly(0.0, 1.0);
    }

    @Test
    void baselineAndOverfittingProtectionFormulas() {
        Privacy.DcrBaselineProtection b = DcrMetrics.baselineProtection(new double[] {0.1, 0.2, 0.3}, new double[] {0.4, 0.5, 0.6, 0.7});
        assertThat(b.medianDcrToRealData().syntheticData()).isEqualTo(0.2);
        assertThat(b.medianDcrToRealData().randomDataBaseline()).isCloseTo(0.55, within(1e-15));
        assertThat(b.score()).isCloseTo(0.2 / 0.55, within(1e-15));
        assertThat(DcrMetrics.baselineProtection(new double[] {0.9}, new double[] {0.5}).score()).isEqualTo(1.0);
        assertThat(DcrMetrics.baselineProtection(new double[] {0.9}, new double[] {0.0}).score()).isNull();

        // closer to train: 0.1 < 0.2 yes, tie no, 0.3 < 0.1 no, 0.4 < 0.5 yes -> 2 of 4
        Privacy.DcrOverfittingProtection even = DcrMetrics.overfittingProtection(new double[] {0.1, 0.2, 0.3, 0.4},
                new double[] {0.2, 0.2, 0.1, 0.5});
        assertThat(even.syntheticDataPercentages().closerToTraining()).isEqualTo(0.5);
        assertThat(even.score()).isEqualTo(1.0);
        Privacy.DcrOverfittingProtection overfit = DcrMetrics.overfittingProtection(new double[] {0, 0, 0, 0.4},
                new double[] {0.1, 0.1, 0.1, 0.4});
        assertThat(overfit.syntheticDataPercentages().closerToTraining()).isEqualTo(0.75);
        assertThat(overfit.score()).isEqualTo(0.5);
    }

    @Test
    void randomBaselineFollowsSdmetricsRecipe() {
        EvalData d = tiny();
        var random = RandomBaseline.generate(d.columns(), d.real(), 2000, new SplittableRandom(1));
        double[] x = random.values(0);
        int[] c = random.codes(1);
        long missingC = 0;
        for (int i = 0; i < 2000; i++) {
            assertThat(x[i]).isBetween(0.0, 10.0);
            assertThat(x[i]).isEqualTo(Math.rint(x[i])); // integer real column -> integers
            assertThat(c[i]).isIn(-1, 0, 1);             // only categories the real data has
            missingC += c[i] < 0 ? 1 : 0;
        }
        assertThat(missingC / 2000.0).isCloseTo(1.0 / 3, within(0.05)); // the real missing share
    }

    @Test
    void nndrAndIdenticalMatches() {
        EvalData d = EvalData.of(table(numeric("x", 0, 2, 10)), table(numeric("x", 0, 1, 9)));
        NearestRecords.Result r = NearestRecords.search(new GowerSpace(d.columns(), d.real()), d.synthetic(), d.real(),
                SharedData.pool());
        // range 10: x=0 -> 0 and 0.2; x=1 -> 0.1 and 0.1; x=9 -> 0.1 and 0.7
        assertThat(r.nearest()).containsExactly(0.0, 0.1, 0.1);
        assertThat(r.second()[0]).isCloseTo(0.2, within(1e-15));
        assertThat(r.second()[2]).isCloseTo(0.7, within(1e-15));
        double[] ratio = PrivacyEvaluation.nndr(r);
        assertThat(ratio[0]).isEqualTo(0.0);
        assertThat(ratio[1]).isCloseTo(1.0, within(1e-12));
        assertThat(ratio[2]).isCloseTo(1.0 / 7, within(1e-12));
        Privacy p = PrivacyEvaluation.run(d, new PrivacyEvaluation.Options(List.of(), List.of(), 10, 1), SharedData.pool())
                .privacy();
        assertThat(p.identicalMatch().syntheticShare()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(p.attacks()).isNull(); // no holdout, no control
    }

    @Test
    void wilsonIntervalAndResidualRisk() {
        Rate r = Intervals.wilson(8, 10);
        assertThat(r.value()).isEqualTo(0.8);
        assertThat(r.low()).isCloseTo(0.4902, within(1e-4));   // textbook Wilson 95 % interval for 8/10
        assertThat(r.high()).isCloseTo(0.9433, within(1e-4));
        Rate risk = Intervals.residualRisk(new Rate(0.6, 0.5, 0.7), new Rate(0.2, 0.1, 0.3));
        assertThat(risk.value()).isCloseTo(0.5, within(1e-15)); // (0.6 - 0.2) / (1 - 0.2)
        // error = sqrt((0.1 / 0.8)^2 + (0.1 * 0.4 / 0.64)^2)
        double err = Math.sqrt(Math.pow(0.1 / 0.8, 2) + Math.pow(0.1 * 0.4 / 0.64, 2));
        assertThat(risk.high() - risk.value()).isCloseTo(err, within(1e-12));
    }

    @Test
    void membershipAucIsMannWhitneyWithHalfTies() {
        // positives {3, 2}, negatives {1, 2}: pairs (3>1, 3>2, 2>1, 2=2) -> (1 + 1 + 1 + 0.5) / 4
        assertThat(RocAuc.auc(new double[] {3, 2}, new double[] {1, 2})).isEqualTo(0.875);
        var ci = RocAuc.hanleyMcNeil(0.875, 2, 2);
        double q1 = 0.875 / 1.125;
        double q2 = 2 * 0.875 * 0.875 / 1.875;
        double se = Math.sqrt((0.875 * 0.125 + (q1 - 0.765625) + (q2 - 0.765625)) / 4);
        assertThat(ci.high()).isCloseTo(Math.min(1, 0.875 + 1.959963984540054 * se), within(1e-9));
    }

    @Test
    void membershipInferenceSeesMembersCopiedIntoSyntheticData() {
        // synthetic = the training rows: members are at distance 0, holdout rows are not
        EvalData d = EvalData.of(table(numeric("x", 1, 2, 3, 4)), table(numeric("x", 1, 2, 3, 4)),
                table(numeric("x", 1.5, 2.5, 3.5, 4.5)), Map.of());
        Privacy.MembershipInference m = MembershipInference.run(d, 10, new SplittableRandom(1), SharedData.pool());
        assertThat(m.auc()).isEqualTo(1.0);
        assertThat(m.advantage()).isEqualTo(1.0);
        assertThat(m.members()).isEqualTo(4);
    }

    @Test
    void capCountsKeyMatchingSyntheticRows() {
        // key q, secret s. synthetic: (q1,A) (q1,A) (q1,B) (q2,B); targets (train): (q1,A) (q2,A) (q3,B)
        EvalData d = EvalData.of(table(categorical("q", "q1", "q2", "q3"), categorical("s", "A", "A", "B")),
                table(categorical("q", "q1", "q1", "q1", "q2"), categorical("s", "A", "A", "B", "B")),
                table(categorical("q", "q1", "q2", "q3"), categorical("s", "B", "B", "B")), Map.of());
        AttackSetup setup = new AttackSetup(d.real(), d.holdout().orElseThrow(), d.synthetic(), d.real(), d.holdout().orElseThrow(), 3);
        Privacy.Cap cap = AttributeInference.cap(setup, AttributeInference.Secret.of(d.column("s"), d.real()),
                List.of(d.column("q")));
        // target 1: 2 of 3 q1 rows say A -> 2/3; target 2: the q2 row says B -> 0; target 3: no q3 row
        assertThat(cap.attackScore()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-15));
        assertThat(cap.coverage()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(cap.zeroCapScore()).isCloseTo((2.0 / 3) / 3, within(1e-15));
        assertThat(cap.baseline()).isEqualTo(0.5);
        assertThat(cap.protection()).isCloseTo((1 - 2.0 / 9) / 0.5 > 1 ? 1 : (1 - 2.0 / 9) / 0.5, within(1e-15));
        // controls (holdout): q1 -> B 1/3, q2 -> B 1, q3 -> none
        assertThat(cap.controlZeroCapScore()).isCloseTo((1.0 / 3 + 1) / 3, within(1e-15));
    }

    @Test
    void nearestNeighbourAttributeInferenceAndLinkability() {
        // synthetic rows copy the training rows exactly, holdout rows are far from all of them
        EvalData d = EvalData.of(
                table(numeric("a", 0, 10, 20, 30), numeric("b", 0, 10, 20, 30), categorical("s", "x", "y", "x", "y")),
                table(numeric("a", 0, 10, 20, 30), numeric("b", 0, 10, 20, 30), categorical("s", "x", "y", "x", "y")),
                table(numeric("a", 3, 9, 21, 29), numeric("b", 9, 19, 27, 14), categorical("s", "x", "x", "y", "y")), Map.of());
        AttackSetup setup = new AttackSetup(d.real(), d.holdout().orElseThrow(), d.synthetic(), d.real(), d.holdout().orElseThrow(), 4);
        Privacy.Risk nn = AttributeInference.nearestNeighbour(setup, AttributeInference.Secret.of(d.column("s"), d.real()),
                List.of(d.column("a"), d.column("b")), new SplittableRandom(3), SharedData.pool());
        assertThat(nn.main().value()).isEqualTo(1.0);    // every member's secret is its copy's
        // holdout rows' nearest synthetic rows on (a, b): rows 1, 1, 2, 2, each with the other secret
        assertThat(nn.control().value()).isEqualTo(0.0);
        assertThat(nn.risk().value()).isEqualTo(1.0);
        Privacy.Risk link = Linkability.run(d, List.of(d.column("a")), List.of(d.column("b")), 4, new SplittableRandom(3),
                SharedData.pool());
        assertThat(link.main().value()).isEqualTo(1.0);  // both halves of a member point at its copy
        // holdout rows' nearest by a: rows 0, 1, 2, 3; by b: rows 1, 2, 3, 1: no agreement
        assertThat(link.control().value()).isEqualTo(0.0);
    }

    @Test
    void singlingOutPredicatesMatchExactlyOneRow() {
        EvalData d = EvalData.of(table(numeric("x", 1, 2, 3), categorical("c", "a", "a", "b")),
                table(numeric("x", 1, 2, 3), categorical("c", "a", "a", "b")));
        SinglingOut.Query q = new SinglingOut.Query(new int[] {0, 1}, new int[] {SinglingOut.Query.GE, SinglingOut.Query.EQ},
                new double[] {2, 0});
        assertThat(q.singlesOut(d.real())).isTrue();     // x >= 2 and c == a: only the row (2, a)
        SinglingOut.Query two = new SinglingOut.Query(new int[] {1}, new int[] {SinglingOut.Query.EQ}, new double[] {0});
        assertThat(two.singlesOut(d.real())).isFalse();  // c == a matches two rows
        assertThat(q.describe(d.columns())).isEqualTo("x >= 2.00000 and c == a");
    }
}
