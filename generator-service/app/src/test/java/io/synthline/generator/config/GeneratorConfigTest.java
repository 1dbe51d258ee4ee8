package io.synthline.generator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mapping binds the service's shipped settings with the defaults it always had. */
class GeneratorConfigTest {

    @Test
    void theShippedSettingsBindWithTheirDefaults() throws IOException {
        GeneratorConfig c = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors().withValidateUnknown(false)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(GeneratorConfigTest.class.getResource("/application.properties"), 250))
                .withMapping(GeneratorConfig.class).build().getConfigMapping(GeneratorConfig.class);
        assertThat(c.maxRows()).isEqualTo(1_000_000_000L);
        assertThat(c.requireApproval()).isTrue();
        assertThat(c.defaultHoldout()).isEqualTo(0.2);
        assertThat(c.threads()).isZero();
        assertThat(c.progressIntervalMs()).isEqualTo(2000);
        assertThat(c.sharding().enabled()).isFalse();
        assertThat(c.sharding().minRows()).isEqualTo(5_000_000L);
        assertThat(c.sharding().image()).isEmpty();
        assertThat(c.sharding().keepFinished()).isEqualTo(Duration.ofHours(1));
        assertThat(c.sharding().pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }
}
