package io.synthline.evaluator.engine.relational;

import static io.synthline.evaluator.engine.TestTables.categorical;
import static io.synthline.evaluator.engine.TestTables.numeric;
import static io.synthline.evaluator.engine.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.evaluation.RelationalEvaluation;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.SequenceSpec;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Referential integrity and sequence metrics on tables small enough to count by hand. */
class RelationalMetricsByHandTest {
    static final RelationalMetadata METADATA = new RelationalMetadata(
            List.of(new TableMetadata("p", List.of(), List.of("id"), null),
                    new TableMetadata("c", List.of(), List.of(), new SequenceSpec(List.of("pid"), "t"))),
            List.of(new Relationship("p", "c", List.of("id"), List.of("pid"))));

    static RelationalDataset dataset(Table p, Table c) {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("p", p);
        tables.put("c", c);
        return new RelationalDataset(METADATA, tables);
    }

    // real: a has events at t = 1, 2, 3 (v 1, 2, 3; s A, B, A), b at t = 2, 1 (v 20, 10; s A, A): b's rows are out of order
    static final RelationalDataset REAL = dataset(table(categorical("id", "a", "b", "c"), numeric("x", 1, 2, 3)),
            table(categorical("pid", "a", "a", "a", "b", "b"), numeric("t", 1, 2, 3, 2, 1), numeric("v", 1, 2, 3, 20, 10),
                    categorical("s", "A", "B", "A", "A", "A")));
    // synthetic: a repeated primary key, one dangling and one missing foreign key
    static final RelationalDataset SYNTHETIC = dataset(table(categorical("id", "1", "1"), numeric("x", 1, 2)),
            table(categorical("pid", "1", "1", "9", null), numeric("t", 5, 7, 1, 1), numeric("v", 4, 5, 6, 7),
                    categorical("s", "A", "A", "B", "B")));

    @Test
    void integrityCountsMissingDanglingAndRepeatedKeys() {
        RelationalEvaluation.Integrity i = ReferentialIntegrity.check(REAL, SYNTHETIC);
        assertThat(i.primaryKeys()).singleElement().satisfies(k -> {
            assertThat(k.rows()).isEqualTo(2);
            assertThat(k.duplicates()).isEqualTo(1);
            assertThat(k.missing()).isZero();
        });
        RelationalEvaluation.ForeignKeyCheck f = i.foreignKeys().getFirst();
        assertThat(f.rows()).isEqualTo(4);
        assertThat(f.missing()).isEqualTo(1);
        assertThat(f.dangling()).isEqualTo(1);
        assertThat(f.score()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f.realMissingShare()).isZero();
        assertThat(f.syntheticMissingShare()).isEqualTo(0.25);
        assertThat(i.score()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void sequencesAreOrderedPerEntityAndComparedByLengthStepsLagsAndTransitions() {
        RelationalEvaluation.SequenceQuality q = SequenceMetrics.compare(REAL, SYNTHETIC).getFirst();
        assertThat(q.realSequences()).isEqualTo(2);
        assertThat(q.syntheticSequences()).isEqualTo(2); // "1" and "9"; the row without entity is in none
        // lengths real {3, 2}, synthetic {2, 1}: the CDFs differ by 0.5 at 1 and at 2
        assertThat(q.lengthKsComplement()).isCloseTo(0.5, within(1e-12));
        // steps real {1, 1, 1} (b sorted by t), synthetic {2}: disjoint
        assertThat(q.interArrivalKsComplement()).isCloseTo(0.0, within(1e-12));
        // lag 1 of v, real: (1, 2), (2, 3), (10, 20) once b is ordered by t
        assertThat(q.autocorrelation().getFirst().lag()).isEqualTo(1);
        assertThat(q.autocorrelation().getFirst().real()).isCloseTo(pearson(new double[] {1, 2, 10}, new double[] {2, 3, 20}),
                within(1e-12));
        // lag 2 has one real pair (1, 3): no correlation
        assertThat(q.autocorrelation().get(1).real()).isNull();
        // transitions of s, real (A,B) (B,A) (A,A) a third each, synthetic (A,A) only: TVD 2/3
        assertThat(q.transitions().get("s")).isCloseTo(1.0 / 3, within(1e-12));
    }

    private static double pearson(double[] x, double[] y) {
        double mx = (x[0] + x[1] + x[2]) / 3;
        double my = (y[0] + y[1] + y[2]) / 3;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < 3; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
