package io.synthline.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The dataset store's kind ({@code synthline.store.kind}). The store itself is opened from
 * {@code io.synthline.store.StoreSettings}, which the CLI shares and which reads all of
 * {@code synthline.store.*} without Quarkus.
 */
@ConfigMapping(prefix = "synthline.store")
public interface StoreConfig {
    /** {@code filesystem} or {@code s3}. */
    @WithDefault("filesystem")
    String kind();

    default boolean s3() {
        return "s3".equalsIgnoreCase(kind().trim());
    }
}
