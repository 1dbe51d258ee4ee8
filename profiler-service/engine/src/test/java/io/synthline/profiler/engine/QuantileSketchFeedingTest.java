package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.DatasetProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quantiles and histograms stay within the KLL bound however a numeric column's sketch is fed:
 * from distinct values with counts for a column that stays exact, from those counts and then cell
 * by cell for one that gets too many distinct values midway, and exactly for a short column.
 */
class QuantileSketchFeedingTest {
    @TempDir
    Path dir;

    @Test
    void everyWayOfFeedingTheSketchKeepsTheBound() throws IOException {
        int rows = 40_000;
        SplittableRandom random = new SplittableRandom(5);
        double[] few = new double[rows];
        double[] turning = new double[rows];
        StringBuilder csv = new StringBuilder("few,turning\n");
        for (int i = 0; i < rows; i++) {
            few[i] = random.nextInt(300) - 20;
            // 400 distinct values for the first half, then values never seen before: the column overflows midway
            turning[i] = i < rows / 2 ? random.nextInt(400) : 1_000 + random.nextInt(1_000_000);
            csv.append((long) few[i]).append(',').append((long) turning[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("numbers.csv"), csv);
        DatasetProfile profile = new DatasetProfiler(ProfileOptions.defaults().withThreads(2)).profile(file, CsvOptions.defaults());

        QuantileBounds.assertWithinKllBound(profile.column("few").orElseThrow(), few);
        QuantileBounds.assertWithinKllBound(profile.column("turning").orElseThrow(), turning);
        assertThat(profile.column("turning").orElseThrow().distinct().exact()).as("the column did overflow").isFalse();
    }

    @Test
    void aShortColumnStaysExact() throws IOException {
        double[] values = IntStream.range(0, 150).mapToDouble(i -> i % 7 * 10).toArray();
        String csv = "x\n" + Arrays.stream(values).mapToObj(v -> Long.toString((long) v)).collect(Collectors.joining("\n")) + "\n";
        Path file = Files.writeString(dir.resolve("short.csv"), csv);
        ColumnProfile column = new DatasetProfiler(ProfileOptions.defaults()).profile(file, CsvOptions.defaults())
                .column("x").orElseThrow();

        assertThat(column.numeric().quantiles().exact()).isTrue();
        QuantileBounds.assertWithinKllBound(column, values);
    }
}
