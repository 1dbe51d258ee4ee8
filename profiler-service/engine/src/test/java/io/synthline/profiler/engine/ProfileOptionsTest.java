package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.profile.DatasetProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes that wide tables share out, and that the profile reports the sizes it applied. */
class ProfileOptionsTest {
    @TempDir
    Path dir;

    @Test
    void wideTablesGetSmallerSketchesAndSamplesDownToAFloor() {
        ProfileOptions o = ProfileOptions.defaults();
        assertThat(o.kllK(50)).isEqualTo(800);
        assertThat(o.kllK(256)).isEqualTo(800);
        assertThat(o.kllK(1_000)).isEqualTo(204);
        assertThat(o.kllK(100_000)).isEqualTo(200);
        assertThat(o.piiSampleValues(50)).isEqualTo(1_000);
        assertThat(o.piiSampleValues(100_000)).isEqualTo(50);
    }

    @Test
    void theProfileReportsTheSizesItApplied() throws IOException {
        int columns = 2_000;
        String header = IntStream.range(0, columns).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        String row = IntStream.range(0, columns).mapToObj(Integer::toString).collect(Collectors.joining(","));
        Path file = Files.writeString(dir.resolve("wide.csv"), header + "\n" + row + "\n" + row + "\n");
        DatasetProfile profile = new DatasetProfiler(ProfileOptions.defaults()).profile(file, CsvOptions.defaults());
        assertThat(profile.settings().kllK()).isEqualTo(200);
        assertThat(profile.settings().piiSampleValues()).isEqualTo(1_000);
    }
}
