package io.synthline.generator.engine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Cells computed by hand for small columns, and the rule that no value fewer than k rows share is a cell's bound. */
class NumericCellsTest {
    private static double[] values(double[] atoms, int atomCount, double... rare) {
        return DoubleStream.concat(DoubleStream.of(atoms).flatMap(a -> DoubleStream.generate(() -> a).limit(atomCount)),
                DoubleStream.of(rare)).toArray();
    }

    @Test
    void rareValuesBecomeIntervalsWithCodedOuterEdges() {
        // 1 five times (an atom for k = 2); 10..19 once each: two intervals of five rows, the two most extreme rows on
        // each side coded inside them (edges 11.5 and 17.5, halfway between neighbours), inner edge 14.5
        double[] v = values(new double[] {1}, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, Double.NaN);
        NumericCells cells = NumericCells.of(v, 2, 2);
        assertThat(cells.cells()).isEqualTo(3);
        assertThat(cells.missing()).isEqualTo(1);
        assertThat(cells.isAtom(0)).isTrue();
        assertThat(cells.low(0)).isEqualTo(1);
        assertThat(cells.count(0)).isEqualTo(5);
        assertThat(new double[] {cells.low(1), cells.high(1), cells.count(1)}).containsExactly(11.5, 14.5, 5);
        assertThat(new double[] {cells.low(2), cells.high(2), cells.count(2)}).containsExactly(14.5, 17.5, 5);
        assertThat(cells.min()).isEqualTo(1);
        assertThat(cells.max()).isEqualTo(17.5);
        assertThat(cells.cellOf(10)).isEqualTo(1);
        assertThat(cells.cellOf(19)).isEqualTo(2);
        assertThat(cells.cellOf(1)).isZero();
        double[] disguised = cells.disguise(v, new SplittableRandom(1));
        for (int r = 0; r < v.length; r++) {
            if (Double.isNaN(v[r])) {
                assertThat(disguised[r]).isNaN();
            } else if (v[r] == 1) {
                assertThat(disguised[r]).isEqualTo(1);
            } else {
                assertThat(disguised[r]).isBetween(11.5, 17.5).isNotIn(10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0);
            }
        }
    }

    @Test
    void betweenWholeNumbersTheCodedEdgesOnBothSidesAreNoWholeNumber() {
        // 10, 12, ..., 28 once each, k = 2: the bottom edge lies between 12 and 14, the top one between 24 and 26;
        // halfway would be 13 and 25, values another row (a held-out one, a date a day apart) may hold: 12.5 and 24.5
        NumericCells cells = NumericCells.of(new double[] {10, 12, 14, 16, 18, 20, 22, 24, 26, 28}, 2, 2);
        assertThat(cells.min()).isEqualTo(12.5);
        assertThat(cells.max()).isEqualTo(24.5);
    }

    @Test
    void tooFewRareRowsJoinTheNearestAtom() {
        // atoms 1 and 5 (five rows each); 2 and 4 once each: fewer than 2k rare rows, so 2 joins 1 and 4 joins 5
        double[] v = values(new double[] {1, 5}, 5, 2, 4);
        NumericCells cells = NumericCells.of(v, 2, 10);
        assertThat(cells.cells()).isEqualTo(2);
        assertThat(cells.count(0)).isEqualTo(6);
        assertThat(cells.count(1)).isEqualTo(6);
        assertThat(cells.disguise(new double[] {2, 4}, new SplittableRandom(1))).containsExactly(1, 5);
    }

    @Test
    void noBoundIsAValueFewerThanKRowsShare() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 200 + random.nextInt(2000);
            double[] v = new double[n];
            boolean whole = trial % 2 == 0;
            for (int i = 0; i < n; i++) {
                double x = Math.exp(random.nextGaussian() * 2) * 100;
                v[i] = whole ? Math.rint(x) : x;
            }
            int k = 2 + random.nextInt(15);
            Map<Double, Integer> counts = new HashMap<>();
            for (double x : v) {
                counts.merge(x, 1, Integer::sum);
            }
            NumericCells cells = NumericCells.of(v, k, 1 + random.nextInt(300));
            long total = 0;
            for (int c = 0; c < cells.cells(); c++) {
                total += cells.count(c);
                for (double bound : new double[] {cells.low(c), cells.high(c)}) {
                    assertThat(counts.getOrDefault(bound, 0) == 0 || counts.get(bound) >= k)
                            .as("trial %d: bound %s is a value %d rows share (k = %d)", trial, bound, counts.get(bound), k).isTrue();
                }
                assertThat(cells.count(c)).as("cell %d", c).isGreaterThanOrEqualTo(k);
            }
            assertThat(total).isEqualTo(n);
        }
    }
}
