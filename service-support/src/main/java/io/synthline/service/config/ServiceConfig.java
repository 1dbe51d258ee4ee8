package io.synthline.service.config;

import io.smallrye.config.ConfigMapping;

/**
 * What every service sets the same way ({@code synthline.service.*}); each service's own settings
 * are in its {@code config} package, one mapping per service.
 */
@ConfigMapping(prefix = "synthline.service")
public interface ServiceConfig {
    /** The CloudEvents {@code source} of the events this service writes, e.g. {@code /synthline/profiler}. */
    String source();
}
