package io.synthline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void theCacheIdleTimeDefaultsToFifteenMinutesAndReachesAnotherProcess() {
        StoreSettings defaults = StoreSettings.fromEnvironment(Map.of("SYNTHLINE_STORE_KIND", "s3", "SYNTHLINE_STORE_S3_BUCKET", "b"));
        assertThat(defaults.s3().cacheMaxIdle()).isEqualTo(Duration.ofMinutes(15));

        StoreSettings set = StoreSettings.fromEnvironment(Map.of("SYNTHLINE_STORE_KIND", "s3", "SYNTHLINE_STORE_S3_BUCKET", "b",
                "SYNTHLINE_STORE_S3_CACHE_MAX_IDLE", "90s"));
        assertThat(set.s3().cacheMaxIdle()).isEqualTo(Duration.ofSeconds(90));
        assertThat(StoreSettings.fromEnvironment(set.toEnvironment())).isEqualTo(set);
    }

    @Test
    void durationsAreWrittenAsTheServicesOtherSettings() {
        assertThat(StoreSettings.duration("x", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(StoreSettings.duration("x", "15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(StoreSettings.duration("x", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(StoreSettings.duration("x", "PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> StoreSettings.duration(StoreSettings.S3_CACHE_MAX_IDLE, "soon"))
                .hasMessage("synthline.store.s3.cache-max-idle is 'soon': expected a duration such as 30s, 15m or 1h");
        assertThatThrownBy(() -> StoreSettings.fromEnvironment(Map.of("SYNTHLINE_STORE_KIND", "s3", "SYNTHLINE_STORE_S3_BUCKET", "b",
                "SYNTHLINE_STORE_S3_CACHE_MAX_IDLE", "0s"))).hasMessageContaining("must be positive");
    }
}
