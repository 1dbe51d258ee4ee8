package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.table.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetProfilerTest {
    @TempDir
    Path dir;

    @Test
    void countsRowsNullsAndDistinctValues() throws IOException {
        StringBuilder sb = new StringBuilder("k,v\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i % 10).append(',').append(i % 4 == 0 ? "" : "x" + (i % 3)).append('\n');
        }
        Path f = dir.resolve("d.csv");
        Files.writeString(f, sb);
        DatasetProfile p = new DatasetProfiler(CsvOptions.defaults()).profile(f, null);
        assertThat(p.rowCount()).isEqualTo(1000);
        Map<String, ColumnSummary> byName = p.columns().stream().collect(Collectors.toMap(ColumnSummary::name, Function.identity()));
        assertThat(byName.get("k").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(byName.get("k").nullCount()).isZero();
        assertThat(byName.get("k").distinctEstimate()).isEqualTo(10);
        assertThat(byName.get("v").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(byName.get("v").nullCount()).isEqualTo(250);
        assertThat(byName.get("v").distinctEstimate()).isEqualTo(3);
    }

    @Test
    void adultDistinctEstimatesAreWithinHllError() {
        Path adult = Path.of("../../../shared/datasets/adult.csv");
        DatasetProfile p = new DatasetProfiler(CsvOptions.defaults()).profile(adult, null);
        assertThat(p.rowCount()).isEqualTo(32_561);
        Map<String, ColumnSummary> byName = p.columns().stream().collect(Collectors.toMap(ColumnSummary::name, Function.identity()));
        // exact distinct counts of adult.csv, computed independently (sort -u per column)
        assertThat(byName.get("native-country").distinctEstimate()).isEqualTo(42);
        assertThat(byName.get("education").distinctEstimate()).isEqualTo(16);
        assertThat((double) byName.get("fnlwgt").distinctEstimate()).isCloseTo(21_648, within(21_648 * 0.05));
    }
}
