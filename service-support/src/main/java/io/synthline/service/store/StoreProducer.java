package io.synthline.service.store;

import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.FileSystemDatasetStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The dataset store all services share; a filesystem directory until the object-storage implementation lands. */
public class StoreProducer {
    @Produces
    @Singleton
    DatasetStore store(@ConfigProperty(name = "synthline.store.root") Path root) throws IOException {
        return new FileSystemDatasetStore(root);
    }
}
