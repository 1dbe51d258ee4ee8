package io.synthline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.table.ColumnType;
import io.synthline.fixtures.MixedCsvGenerator;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixedCsvGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void byRowsAndBySizeTheFilesHaveAHeaderAndEveryKind() throws Exception {
        Path byRows = MixedCsvGenerator.write(dir.resolve("rows.csv"), 500, 12, 1);
        Path bySize = dir.resolve("size.csv");
        long rows = MixedCsvGenerator.writeBytes(bySize, 200_000, 12, 1);
        assertThat(Files.size(bySize)).isBetween(200_000L, 260_000L);
        for (Path f : new Path[] {byRows, bySize}) {
            assertThat(Files.readAllLines(f).getFirst()).startsWith("id_0,count_1,amount_2,category_3,flag_4,day_5");
            var profile = new DatasetProfiler(ProfileOptions.defaults()).profile(f, CsvOptions.defaults());
            assertThat(profile.columns()).extracting(c -> c.type()).contains(ColumnType.INTEGER,
                    ColumnType.DECIMAL, ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.DATETIME);
            if (f == bySize) {
                assertThat(profile.rowCount()).isEqualTo(rows);
            }
        }
    }
}
