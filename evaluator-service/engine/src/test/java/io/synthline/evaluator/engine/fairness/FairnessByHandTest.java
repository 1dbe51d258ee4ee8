package io.synthline.evaluator.engine.fairness;

import static io.synthline.evaluator.engine.TestTables.categorical;
import static io.synthline.evaluator.engine.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.evaluation.Fairness;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.EvalData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every fairness metric on tables small enough to compute on paper. */
class FairnessByHandTest {
    /** (group, label, count) triples to rows. */
    static Table groups(Object... spec) {
        List<String> g = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < spec.length; i += 3) {
            g.addAll(Collections.nCopies((Integer) spec[i + 2], (String) spec[i]));
            y.addAll(Collections.nCopies((Integer) spec[i + 2], (String) spec[i + 1]));
        }
        return table(categorical("sex", g.toArray(String[]::new)), categorical("y", y.toArray(String[]::new)));
    }

    @Test
    void groupRatesParityAndDisparateImpact() {
        // real: F 10 of 40 favourable (0.25), M 20 of 40 (0.5); synthetic: F 15/50 (0.3), M 21/50 (0.42)
        EvalData d = EvalData.of(groups("F", "yes", 10, "F", "no", 30, "M", "yes", 20, "M", "no", 20),
                groups("F", "yes", 15, "F", "no", 35, "M", "yes", 21, "M", "no", 29));
        Fairness f = FairnessEvaluation.run(d, d.column("y"), List.of(d.column("sex")), "yes", null);
        assertThat(f.favourable()).isEqualTo("yes");
        Fairness.GroupRate female = f.groups().stream().filter(g -> g.group().equals("F")).findFirst().orElseThrow();
        assertThat(female.realRate()).isEqualTo(0.25);
        assertThat(female.syntheticRate()).isEqualTo(0.3);
        assertThat(female.realCount()).isEqualTo(40);
        Fairness.Gap dpd = f.gaps().get(0);
        assertThat(dpd.metric()).isEqualTo("demographic_parity_difference");
        assertThat(dpd.real()).isCloseTo(0.25, within(1e-15));
        assertThat(dpd.synthetic()).isCloseTo(0.12, within(1e-15));
        assertThat(dpd.effect()).isEqualTo("reduces");
        Fairness.Gap dir = f.gaps().get(1);
        assertThat(dir.metric()).isEqualTo("disparate_impact_ratio");
        assertThat(dir.real()).isCloseTo(0.5, within(1e-15));
        assertThat(dir.synthetic()).isCloseTo(0.3 / 0.42, within(1e-15));
        assertThat(dir.effect()).isEqualTo("reduces");
    }

    @Test
    void defaultFavourableIsTheLessFrequentRealValue() {
        EvalData d = EvalData.of(groups("F", "yes", 10, "F", "no", 30, "M", "yes", 20, "M", "no", 20),
                groups("F", "yes", 15, "F", "no", 35, "M", "yes", 21, "M", "no", 29));
        assertThat(FairnessEvaluation.run(d, d.column("y"), List.of(d.column("sex")), null, null).favourable()).isEqualTo("yes");
    }

    @Test
    void amplificationIsReportedAndSmallGroupsStayOutOfGaps() {
        // real: F .4, M .5 (gap .1); synthetic: F .2, M .6 (gap .4); group X has 5 real rows only
        EvalData d = EvalData.of(groups("F", "yes", 40, "F", "no", 60, "M", "yes", 50, "M", "no", 50, "X", "yes", 5),
                groups("F", "yes", 20, "F", "no", 80, "M", "yes", 60, "M", "no", 40, "X", "no", 5));
        Fairness f = FairnessEvaluation.run(d, d.column("y"), List.of(d.column("sex")), "yes", null);
        assertThat(f.gaps().get(0).real()).isCloseTo(0.1, within(1e-12));
        assertThat(f.gaps().get(0).synthetic()).isCloseTo(0.4, within(1e-12));
        assertThat(f.gaps().get(0).effect()).isEqualTo("amplifies");
        assertThat(f.groups()).anySatisfy(g -> assertThat(g.group()).isEqualTo("X"));
    }

    @Test
    void intersectionalGroups() {
        EvalData d = EvalData.of(
                table(categorical("sex", "F", "F", "M", "M"), categorical("race", "a", "b", "a", "b"), categorical("y", "1", "0", "1", "1")),
                table(categorical("sex", "F", "F", "M", "M"), categorical("race", "a", "b", "a", "b"), categorical("y", "0", "0", "1", "1")));
        Fairness f = FairnessEvaluation.run(d, d.column("y"), List.of(d.column("sex"), d.column("race")), "1", null);
        assertThat(f.groups()).filteredOn(g -> g.attribute().equals("sex x race")).hasSize(4)
                .anySatisfy(g -> {
                    assertThat(g.group()).isEqualTo("F x a");
                    assertThat(g.realRate()).isEqualTo(1.0);
                    assertThat(g.syntheticRate()).isEqualTo(0.0);
                });
    }

    @Test
    void equalizedOddsDifferenceByHand() {
        // group A (30 rows): TPR 8/10, FPR 2/20; group B (30 rows): TPR 5/10, FPR 6/20
        List<int[]> rows = new ArrayList<>(); // group (0 = A), truth, predicted
        addRows(rows, 0, 1, 1, 8);
        addRows(rows, 0, 1, 0, 2);
        addRows(rows, 0, 0, 1, 2);
        addRows(rows, 0, 0, 0, 18);
        addRows(rows, 1, 1, 1, 5);
        addRows(rows, 1, 1, 0, 5);
        addRows(rows, 1, 0, 1, 6);
        addRows(rows, 1, 0, 0, 14);
        int[] truth = rows.stream().mapToInt(r -> r[1]).toArray();
        int[] predicted = rows.stream().mapToInt(r -> r[2]).toArray();
        String[] group = rows.stream().map(r -> r[0] == 0 ? "A" : "B").toArray(String[]::new);
        // TPR range 0.3, FPR range 0.2 -> 0.3
        assertThat(FairnessEvaluation.equalizedOddsDifference(truth, predicted, group, 1)).isCloseTo(0.3, within(1e-15));
    }

    private static void addRows(List<int[]> rows, int group, int truth, int predicted, int n) {
        for (int i = 0; i < n; i++) {
            rows.add(new int[] {group, truth, predicted});
        }
    }
}
