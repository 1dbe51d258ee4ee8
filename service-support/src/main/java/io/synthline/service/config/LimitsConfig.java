package io.synthline.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.OptionalInt;

/** How many jobs a tenant may start per minute on one replica ({@code synthline.limits.*}). */
@ConfigMapping(prefix = "synthline.limits")
public interface LimitsConfig {
    @WithDefault("60")
    int jobsPerMinute();

    /** Per tenant: {@code synthline.limits.tenants."<tenant>".jobs-per-minute}. */
    Map<String, Tenant> tenants();

    interface Tenant {
        OptionalInt jobsPerMinute();
    }

    default int jobsPerMinute(String tenant) {
        Tenant t = tenants().get(tenant);
        return t == null ? jobsPerMinute() : t.jobsPerMinute().orElse(jobsPerMinute());
    }
}
