package io.synthline.profiler.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.json.Json;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import io.synthline.profiler.repository.DatasetEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listing must survive rows whose profile an older release wrote. */
class StoredProfilesTest {
    @TempDir
    Path dir;

    @Test
    void currentProfilesAreReadAndSummarised() throws Exception {
        Path csv = Files.writeString(dir.resolve("d.csv"), "id,sex\n1,F\n2,M\n3,F\n");
        String json = Json.write(new DatasetProfiler(ProfileOptions.defaults()).profile(csv, CsvOptions.defaults()));
        assertThat(StoredProfiles.readable(json)).isPresent();
        DatasetEntity e = entity(json);
        assertThat(DatasetMapper.toView(e).columns()).extracting(c -> c.name() + "=" + c.distinctEstimate())
                .containsExactly("id=3", "sex=2");
    }

    @Test
    void olderOrUnreadableProfilesGiveNoSummariesAndA409ForTheReport() {
        String older = "{\"profileVersion\":\"1.0\",\"rowCount\":3,\"columns\":[{\"name\":\"a\",\"distinctEstimate\":3}]}";
        String noVersion = "{\"rowCount\":3,\"columns\":[{\"name\":\"a\"}]}";
        for (String json : new String[] {older, noVersion, "{not json", null}) {
            assertThat(StoredProfiles.readable(json)).as(String.valueOf(json)).isEmpty();
            assertThat(DatasetMapper.toView(entity(json)).columns()).isNull();
        }
        assertThatThrownBy(() -> StoredProfiles.require("d1", older)).isInstanceOfSatisfying(BadInputException.class, b -> {
            assertThat(b.status()).isEqualTo(409);
            assertThat(b.slug()).isEqualTo("profile-outdated");
            assertThat(b.getMessage()).contains("PUT /api/v1/datasets/d1/schema");
        });
    }

    private static DatasetEntity entity(String json) {
        DatasetEntity e = new DatasetEntity();
        e.id = UUID.randomUUID();
        e.name = "d";
        e.status = "PROFILED";
        e.profileJson = json;
        return e;
    }
}
