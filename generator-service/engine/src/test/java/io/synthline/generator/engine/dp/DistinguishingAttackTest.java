package io.synthline.generator.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.pgm.MarginalEstimator;
import io.synthline.generator.engine.privacy.PrivacyGuarantee;
import io.synthline.generator.engine.privacy.ZeroConcentratedDp;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import io.synthline.generator.engine.privacy.noise.DiscreteGaussian;
import io.synthline.generator.engine.privacy.noise.RandomBits;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Empirical privacy sanity check (method and results in docs/privacy.md): a distinguishing
 * attack on neighbouring datasets D and D' = D plus one target row. The measured epsilon lower
 * bound must stay within the claimed epsilon; negative controls show that the same attack
 * catches a mechanism that adds too little noise, so the check can fail.
 */
class DistinguishingAttackTest {
    private static final double CONFIDENCE = 0.95;

    /** The core release: discrete Gaussian noise on the count of the target's cell, sigma set from (epsilon, delta). */
    private static double[] gaussianReleases(long count, double sigma, int trials, long seed) {
        DiscreteGaussian noise = DiscreteGaussian.withSigmaAtLeast(sigma);
        RandomBits bits = RandomBits.seededNotPrivate(seed);
        double[] out = new double[trials];
        for (int i = 0; i < trials; i++) {
            out[i] = count + noise.sample(bits);
        }
        return out;
    }

    @Test
    void gaussianMeasurementStaysWithinItsEpsilon() {
        double epsilon = 1;
        double delta = 1e-5;
        double sigma = ZeroConcentratedDp.gaussianSigma(1, ZeroConcentratedDp.rho(epsilon, delta));
        int trials = 200_000;
        double[] onD = gaussianReleases(10, sigma, trials, 1);
        double[] onNeighbour = gaussianReleases(11, sigma, trials, 2);
        EmpiricalPrivacy.Result result = EmpiricalPrivacy.evaluate(onD, onNeighbour, delta, CONFIDENCE);
        assertThat(result.epsilonLowerBound()).isLessThanOrEqualTo(epsilon);
        assertThat(result.advantage()).isLessThanOrEqualTo(EmpiricalPrivacy.advantageBound(epsilon, delta));
        // the attack is not toothless: it certifies a good part of the epsilon the mechanism really has
        assertThat(result.epsilonLowerBound()).isGreaterThan(0.3);
    }

    @Test
    void theSameAttackCatchesTooLittleNoise() {
        // negative control: noise calibrated for epsilon = 4 while claiming epsilon = 1
        double sigma = ZeroConcentratedDp.gaussianSigma(1, ZeroConcentratedDp.rho(4, 1e-5));
        int trials = 200_000;
        EmpiricalPrivacy.Result result = EmpiricalPrivacy.evaluate(gaussianReleases(10, sigma, trials, 3),
                gaussianReleases(11, sigma, trials, 4), 1e-5, CONFIDENCE);
        assertThat(result.epsilonLowerBound()).isGreaterThan(1);
    }

    // ------------------------------------------------------------------------------ end to end

    private static final List<String> A = List.of("a0", "a1", "a2");
    private static final List<String> B = List.of("b0", "b1", "b2", "b3");
    private static final List<String> C = List.of("c0", "c1");
    private static final DeclaredSchema DOMAIN = DeclaredSchema.parse("""
            {"columns": [
              {"name": "a", "type": "CATEGORICAL", "categories": ["a0", "a1", "a2"], "nullable": false},
              {"name": "b", "type": "CATEGORICAL", "categories": ["b0", "b1", "b2", "b3"], "nullable": false},
              {"name": "c", "type": "CATEGORICAL", "categories": ["c0", "c1"], "nullable": false}]}""", "test");

    /**
     * 150 rows in which no two of the target's values (a2, b3, c1) ever occur together, so each
     * of its 2-way marginals differs between D and D'; the neighbour adds exactly the target row.
     */
    private static Table dataset(boolean withTarget) {
        SplittableRandom random = new SplittableRandom(12);
        int n = 150 + (withTarget ? 1 : 0);
        int[] a = new int[n];
        int[] b = new int[n];
        int[] c = new int[n];
        for (int r = 0; r < 150; r++) {
            do {
                a[r] = random.nextInt(3);
                b[r] = random.nextInt(4);
                c[r] = random.nextInt(2);
            } while ((a[r] == 2 && b[r] == 3) || (a[r] == 2 && c[r] == 1) || (b[r] == 3 && c[r] == 1));
        }
        if (withTarget) {
            a[150] = 2;
            b[150] = 3;
            c[150] = 1;
        }
        List<Column> columns = List.of(new CategoricalColumn(ColumnSchema.of("a", ColumnType.CATEGORICAL), a, A),
                new CategoricalColumn(ColumnSchema.of("b", ColumnType.CATEGORICAL), b, B),
                new CategoricalColumn(ColumnSchema.of("c", ColumnType.CATEGORICAL), c, C));
        return new Table(columns);
    }

    /**
     * Per run: how many of 1,000 synthetic rows share at least two of the target's three values
     * (MST models 2-way marginals, so that is where a single row shows).
     */
    private static double[] mstRuns(Table data, double epsilon, int runs, long seed) {
        double[] out = new double[runs];
        for (int i = 0; i < runs; i++) {
            DpSettings settings = DpSettings.of(new PrivacyGuarantee(epsilon, 1e-6), DOMAIN).withSeededNoiseNotPrivate(seed + i);
            PrivateModel model = new MstSynthesizer(settings, new MarginalEstimator.Options(200, 1e-6)).fit(data, 1);
            int[] hits = new int[1];
            model.sample(1000, i, row -> {
                int matches = (row[0].equals("a2") ? 1 : 0) + (row[1].equals("b3") ? 1 : 0) + (row[2].equals("c1") ? 1 : 0);
                hits[0] += matches >= 2 ? 1 : 0;
            });
            out[i] = hits[0];
        }
        return out;
    }

    @Test
    void mstEndToEndStaysWithinItsEpsilon() {
        int runs = 300;
        double epsilon = 1;
        EmpiricalPrivacy.Result result = EmpiricalPrivacy.evaluate(mstRuns(dataset(false), epsilon, runs, 1_000),
                mstRuns(dataset(true), epsilon, runs, 2_000), 1e-6, CONFIDENCE);
        assertThat(result.epsilonLowerBound()).isLessThanOrEqualTo(epsilon);
        assertThat(result.advantage()).isLessThanOrEqualTo(EmpiricalPrivacy.advantageBound(epsilon, 1e-6));
    }

    @Test
    void theEndToEndAttackSeesTheTargetWhenThereIsLittleNoise() {
        // negative control for the end-to-end attack: at epsilon = 60 the target row shows through
        EmpiricalPrivacy.Result result = EmpiricalPrivacy.evaluate(mstRuns(dataset(false), 60, 100, 3_000),
                mstRuns(dataset(true), 60, 100, 4_000), 1e-6, CONFIDENCE);
        assertThat(result.epsilonLowerBound()).isGreaterThan(1);
    }
}
