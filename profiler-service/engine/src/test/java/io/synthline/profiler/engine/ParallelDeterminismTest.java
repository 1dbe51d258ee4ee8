package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.fixtures.MixedCsvGenerator;
import io.synthline.profiler.engine.scan.SeededKll;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads give exactly the profile one thread gives, and repeated runs give the same
 * profile, on data large enough that every sketch is in estimation mode and correlations are sampled.
 */
class ParallelDeterminismTest {
    @TempDir
    static Path dir;
    static Path file;
    static ProfileOptions options;

    @BeforeAll
    static void generate() {
        file = MixedCsvGenerator.write(dir.resolve("mixed.csv"), 60_000, 23, 11);
        options = ProfileOptions.defaults().withCorrelationRowLimit(5_000).withDuplicateTrackerRows(20_000);
    }

    @Test
    void threadsDoNotChangeTheResult() {
        DatasetProfile one = new DatasetProfiler(options.withThreads(1)).profile(file, CsvOptions.defaults());
        DatasetProfile three = new DatasetProfiler(options.withThreads(3)).profile(file, CsvOptions.defaults());
        DatasetProfile two = new DatasetProfiler(options.withThreads(2)).profile(file, CsvOptions.defaults());

        // the comparison must cover the randomized parts: sketches in estimation mode, sampled correlations and duplicates
        assertThat(SeededKll.deterministic()).isTrue();
        assertThat(one.column("amount_2").orElseThrow().numeric().quantiles().exact()).isFalse();
        assertThat(one.column("id_0").orElseThrow().distinct().exact()).isFalse();
        assertThat(one.correlations().sampled()).isTrue();
        assertThat(one.correlations().sampleSize()).isEqualTo(5_000);
        assertThat(one.table().duplicates().exact()).isFalse();

        assertThat(content(three)).isEqualTo(content(one));
        assertThat(content(two)).isEqualTo(content(one));
    }

    @Test
    void repeatedRunsAreIdentical() {
        DatasetProfile a = new DatasetProfiler(options.withThreads(2)).profile(file, CsvOptions.defaults());
        DatasetProfile b = new DatasetProfiler(options.withThreads(2)).profile(file, CsvOptions.defaults());
        assertThat(content(a)).isEqualTo(content(b));
        DatasetProfile otherSeed = new DatasetProfiler(options.withThreads(2).withSeed(7)).profile(file, CsvOptions.defaults());
        assertThat(content(a)).as("the seed drives the randomized parts").isNotEqualTo(content(otherSeed));
    }

    /** The profile as JSON without what legitimately differs between runs: the time and the thread count. */
    static String content(DatasetProfile p) {
        ObjectNode node = Json.mapper().valueToTree(p);
        node.remove("profiledAt");
        ((ObjectNode) node.get("settings")).remove("threads");
        return Json.write(node);
    }
}
