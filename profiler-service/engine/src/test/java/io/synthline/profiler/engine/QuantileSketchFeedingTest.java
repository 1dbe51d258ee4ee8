package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.DatasetProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.synthline.commons.table.ColumnType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    /**
     * Repeats of a datetime value reuse its first reading once one candidate pattern is left, so
     * every repeat must still reach the sketch: "iso" has one candidate from its first value on;
     * "us" starts with values that two patterns read (M/d/uuuu and d/M/uuuu) until 1/13/2020
     * leaves one, so it mixes re-read and reused values; "broken" loses its last candidate at the
     * end and is categorical.
     */
    @Test
    void repeatedDatetimesAreCountedEveryTime() throws IOException {
        int rows = 20_000;
        SplittableRandom random = new SplittableRandom(11);
        double[] iso = new double[rows];
        double[] us = new double[rows];
        StringBuilder csv = new StringBuilder("iso,us,broken\n");
        DateTimeFormatter usFormat = DateTimeFormatter.ofPattern("M/d/uuuu");
        for (int i = 0; i < rows; i++) {
            LocalDate isoDay = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(300));
            LocalDate usDay = i < 50 ? LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(12))
                    : i == 50 ? LocalDate.of(2020, 1, 13) : LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(28));
            iso[i] = isoDay.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            us[i] = usDay.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            csv.append(isoDay).append(',').append(usFormat.format(usDay)).append(',')
                    .append(i == rows - 1 ? "unknown" : isoDay.toString()).append('\n');
        }
        Path file = Files.writeString(dir.resolve("dates.csv"), csv);
        for (int threads : new int[] {1, 2}) {
            DatasetProfile profile = new DatasetProfiler(ProfileOptions.defaults().withThreads(threads)).profile(file,
                    CsvOptions.defaults());
            for (String name : new String[] {"iso", "us"}) {
                ColumnProfile column = profile.column(name).orElseThrow();
                assertThat(column.type()).as(name).isEqualTo(ColumnType.DATETIME);
                assertThat(column.distinct().exact()).as("%s stays exact, so repeats hit the cache", name).isTrue();
                double[] truth = name.equals("iso") ? iso : us;
                QuantileBounds.assertWithinKllBound(name, column.datetime().quantiles(), column.datetime().histogram(), truth);
                assertThat(column.datetime().minEpochMillis()).isEqualTo((long) Arrays.stream(truth).min().orElseThrow());
                assertThat(column.datetime().maxEpochMillis()).isEqualTo((long) Arrays.stream(truth).max().orElseThrow());
            }
            assertThat(profile.column("us").orElseThrow().format()).isEqualTo("M/d/uuuu");
            ColumnProfile broken = profile.column("broken").orElseThrow();
            assertThat(broken.type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(broken.datetime()).isNull();
        }
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
