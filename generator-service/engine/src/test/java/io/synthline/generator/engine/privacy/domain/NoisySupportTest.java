package io.synthline.generator.engine.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.PrivacyAccountant;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.noise.RandomBits;
import org.junit.jupiter.api.Test;

/** Where learned numeric domains end: anchors, extension over thin tails, cliffs. */
class NoisySupportTest {
    @Test
    void extendsOverAThinTailAndStopsAtACliffOrANonPositiveCount() {
        // 200 and 30 thin out below the bulk; 2 is under a tenth of 30 and 1 under a tenth of 800: cliffs
        assertThat(NoisySupport.of(new long[] {-3, 2, 30, 200, 900, 1000, 800, 1, 0, 5}, 500, 1, NoisySupport.CLIFF))
                .containsExactly(2, 6);
        // a non-positive count ends the support however thin the tail before it
        assertThat(NoisySupport.of(new long[] {-3, 30, 200, 900}, 500, 1, NoisySupport.CLIFF)).containsExactly(1, 3);
        assertThat(NoisySupport.of(new long[] {3, -2, 4}, 500, 1, NoisySupport.CLIFF)).isNull();
    }

    /**
     * Adult's education-num at the default discretisation budget without a schema: its lowest
     * value (1) is held by 51 rows, below the noise's anchor threshold and under a third of its
     * neighbour's count, and 16 (413 rows) is followed by nothing. Missing the 1 or adding a 17
     * shifts every bin of the synthetic column, so the support must keep the 1 and end at 16 most
     * of the time (taking an empty 0 in, which happens in about 40 % of the runs, costs much less).
     * With a cliff of a quarter of the neighbour's count the 1 was lost in about 40 % of the runs.
     */
    @Test
    void findsTheThinEdgesOfAdultsEducationNumMostOfTheTime() {
        Table adult = CsvTableReader.read(Datasets.adult());
        double[] values = ((NumericColumn) adult.column("education-num")).values();
        PublicDomain.Numeric learnedBounds = new PublicDomain.Numeric(ColumnSchema.of("education-num", ColumnType.INTEGER), 0, 63, false);
        double rho = 0.25 * 0.014884 / 6; // the default discretisation share of (1, 1e-9), over Adult's six numeric columns
        int trials = 200;
        int lowestKept = 0;
        int overshoot = 0;
        int topExact = 0;
        for (int t = 0; t < trials; t++) {
            Mechanisms m = new Mechanisms(new PrivacyAccountant(new PrivacyGuarantee(1, 1e-9), 0), RandomBits.seededNotPrivate(t));
            Binning b = PrivateHistogram.binning(values, learnedBounds, 16, true, rho, m, "discretisation");
            lowestKept += b.min() <= 1 ? 1 : 0;
            overshoot += b.min() < 0 ? 1 : 0;
            topExact += b.max() == 16 ? 1 : 0;
        }
        assertThat(lowestKept).as("runs that keep the 1").isGreaterThan(trials * 8 / 10);
        assertThat(overshoot).as("runs that go more than one value below it").isLessThan(trials / 20);
        assertThat(topExact).as("runs that end at 16").isGreaterThan(trials * 85 / 100);
    }
}
