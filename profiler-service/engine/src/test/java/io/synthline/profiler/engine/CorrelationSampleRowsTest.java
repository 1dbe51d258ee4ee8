package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.profile.CorrelationMeasure;
import io.synthline.commons.profile.Correlations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the correlation sample is full and later rows replace earlier ones, every column's share of
 * a sampled row is the same row: columns that are exact functions of each other keep their perfect
 * association. A mix-up of rows between columns (or a slot keeping an older row in one column
 * only) would pull these towards zero.
 */
class CorrelationSampleRowsTest {
    @TempDir
    Path dir;

    @Test
    void everyColumnOfASampledRowIsThatRow() throws IOException {
        StringBuilder csv = new StringBuilder("x,y,g,h,k\n");
        for (int i = 0; i < 30_000; i++) {
            String y = i % 10 == 3 ? "" : Long.toString(3L * i + 1);
            csv.append(i).append(',').append(y).append(",g").append(i % 7).append(",h").append((i % 7) * 5)
                    .append(',').append(i % 7 * 2 + 1).append('\n');
        }
        Path file = Files.writeString(dir.resolve("aligned.csv"), csv);
        ProfileOptions options = ProfileOptions.defaults().withCorrelationRowLimit(2_000);
        for (int threads : new int[] {1, 2}) {
            Correlations c = new DatasetProfiler(options.withThreads(threads)).profile(file, CsvOptions.defaults()).correlations();

            assertThat(c.sampled()).isTrue();
            assertThat(c.sampleSize()).isEqualTo(2_000);
            assertThat(c.value("x", "y", CorrelationMeasure.PEARSON)).isCloseTo(1.0, within(1e-12));
            assertThat(c.value("x", "y", CorrelationMeasure.SPEARMAN)).isCloseTo(1.0, within(1e-12));
            assertThat(c.value("g", "h", CorrelationMeasure.CRAMERS_V)).isCloseTo(1.0, within(1e-12));
            assertThat(c.value("g", "k", CorrelationMeasure.CORRELATION_RATIO)).isCloseTo(1.0, within(1e-12));
        }
    }
}
