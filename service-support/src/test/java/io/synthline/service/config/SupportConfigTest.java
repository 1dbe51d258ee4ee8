package io.synthline.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared mappings bind the defaults the services always had, and per-kind and per-tenant keys. */
class SupportConfigTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withValidateUnknown(true)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withMapping(JobsConfig.class).withMapping(ConsumerConfig.class).withMapping(OutboxConfig.class)
                .withMapping(LimitsConfig.class).build();
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        SmallRyeConfig c = config(Map.of());
        JobsConfig jobs = c.getConfigMapping(JobsConfig.class);
        assertThat(jobs.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(jobs.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(jobs.maxAttempts()).isEqualTo(3);
        assertThat(jobs.retryBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(jobs.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(jobs.workerId()).isEmpty();
        assertThat(jobs.concurrency("generation")).isEqualTo(1);
        assertThat(jobs.timeout("generation")).isEqualTo(Duration.ofHours(1));
        ConsumerConfig.Retry retry = c.getConfigMapping(ConsumerConfig.class).retry();
        assertThat(retry.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.giveUpAfter()).isEqualTo(Duration.ofHours(1));
        OutboxConfig outbox = c.getConfigMapping(OutboxConfig.class);
        assertThat(outbox.pollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(outbox.sendTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(outbox.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(outbox.cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.getConfigMapping(LimitsConfig.class).jobsPerMinute("acme")).isEqualTo(60);
    }

    @Test
    void perKindAndPerTenantKeysBindNextToTheGeneralOnes() {
        SmallRyeConfig c = config(Map.of(
                "synthline.jobs.lease", "5s",
                "synthline.jobs.worker-id", "w1",
                "synthline.jobs.generation.concurrency", "2",
                "synthline.jobs.generation.timeout", "3h",
                "synthline.jobs.evaluation.timeout", "20m",
                "synthline.limits.jobs-per-minute", "100",
                "synthline.limits.tenants.\"acme.eu\".jobs-per-minute", "7"));
        JobsConfig jobs = c.getConfigMapping(JobsConfig.class);
        assertThat(jobs.lease()).isEqualTo(Duration.ofSeconds(5));
        assertThat(jobs.workerId()).contains("w1");
        assertThat(jobs.concurrency("generation")).isEqualTo(2);
        assertThat(jobs.timeout("generation")).isEqualTo(Duration.ofHours(3));
        assertThat(jobs.concurrency("evaluation")).isEqualTo(1);
        assertThat(jobs.timeout("evaluation")).isEqualTo(Duration.ofMinutes(20));
        assertThat(jobs.timeout("profiling")).isEqualTo(Duration.ofHours(1));
        LimitsConfig limits = c.getConfigMapping(LimitsConfig.class);
        assertThat(limits.jobsPerMinute("acme.eu")).isEqualTo(7);
        assertThat(limits.jobsPerMinute("globex")).isEqualTo(100);
    }
}
