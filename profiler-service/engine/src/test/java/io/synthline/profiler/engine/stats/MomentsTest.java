package io.synthline.profiler.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class MomentsTest {
    /** Skewed values far from zero (epoch milliseconds), in blocks of uneven size, against Commons Math and one-by-one updates. */
    @Test
    void blocksMatchOneByOneAndCommonsMath() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200_000;
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            double e = -Math.log(1 - random.nextDouble());
            all[i] = 1.6e12 + Math.round(86_400_000 * e * e);
        }
        Moments blocks = new Moments();
        Moments single = new Moments();
        DescriptiveStatistics reference = new DescriptiveStatistics(all);
        for (int from = 0; from < n; ) {
            int size = Math.min(n - from, 1 + random.nextInt(700));
            double[] block = new double[size + 3]; // a buffer longer than its content, as the profiler passes it
            System.arraycopy(all, from, block, 0, size);
            blocks.addAll(block, size);
            from += size;
        }
        for (double x : all) {
            single.add(x);
        }
        for (Moments m : new Moments[] {blocks, single}) {
            assertThat(m.count()).isEqualTo(n);
            assertThat(m.mean()).isCloseTo(reference.getMean(), within(reference.getMean() * 1e-13));
            assertThat(m.variance()).isCloseTo(reference.getVariance(), within(reference.getVariance() * 1e-9));
            assertThat(m.skewness()).isCloseTo(reference.getSkewness(), within(1e-7));
            assertThat(m.kurtosis()).isCloseTo(reference.getKurtosis(), within(1e-6));
            assertThat(m.min()).isEqualTo(reference.getMin());
            assertThat(m.max()).isEqualTo(reference.getMax());
            // Commons Math sums naively; ours is compensated
            assertThat(m.sum()).isCloseTo(reference.getSum(), within(Math.abs(reference.getSum()) * 1e-13));
        }
        assertThat(blocks.sum()).isEqualTo(single.sum());
        assertThat(reference.getSkewness()).isGreaterThan(2); // the third and fourth moments are not trivially zero
    }

    @Test
    void smallBlocksAndConstants() {
        Moments m = new Moments();
        m.addAll(new double[] {5, 5}, 2);
        m.addAll(new double[] {5}, 1);
        m.addAll(new double[0], 0);
        m.addAll(new double[] {5, 5}, 2);
        assertThat(m.count()).isEqualTo(5);
        assertThat(m.mean()).isEqualTo(5);
        assertThat(m.variance()).isEqualTo(0);
        assertThat(m.skewness()).isEqualTo(0);
        assertThat(m.kurtosis()).isEqualTo(0);
        Moments two = new Moments();
        two.addAll(new double[] {1, 2, 3}, 1);
        two.addAll(new double[] {4, 9}, 2);
        // 1, 4, 9: mean 14 / 3, squared deviations (121 + 4 + 169) / 9, sample variance 49 / 3
        assertThat(two.mean()).isCloseTo(14.0 / 3, within(1e-15));
        assertThat(two.variance()).isCloseTo(49.0 / 3, within(1e-12));
        assertThat(two.skewness()).isCloseTo(new DescriptiveStatistics(new double[] {1, 4, 9}).getSkewness(), within(1e-12));
    }
}
