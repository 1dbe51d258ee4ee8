package io.synthline.service.store;

import io.synthline.commons.store.DatasetStore;
import io.synthline.store.DatasetStores;
import io.synthline.store.StoreSettings;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The dataset store all services share, chosen by {@code synthline.store.kind}: a directory
 * ({@code filesystem}, the default, at {@code synthline.store.root}) or an S3 bucket ({@code s3},
 * {@code synthline.store.s3.*}); see docs/object-storage.md.
 */
public class StoreProducer {
    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    DatasetStore store() throws IOException {
        // read by name, not through a mapping: StoreSettings is plain Java, shared with the CLI, and owns synthline.store.*
        Config config = ConfigProvider.getConfig();
        StoreSettings settings = StoreSettings.read(name -> config.getOptionalValue(name, String.class));
        LOG.infof("dataset store: %s", settings.kind() == StoreSettings.Kind.FILESYSTEM ? settings.root() : settings.s3());
        return DatasetStores.open(settings);
    }

    void close(@Disposes DatasetStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
