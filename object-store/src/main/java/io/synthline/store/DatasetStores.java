package io.synthline.store;

import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.FileSystemDatasetStore;
import java.io.IOException;

/** Opens the store the settings name: the one place that chooses between a directory and a bucket. */
public final class DatasetStores {
    private DatasetStores() {
    }

    public static DatasetStore open(StoreSettings settings) throws IOException {
        return switch (settings.kind()) {
            case FILESYSTEM -> new FileSystemDatasetStore(settings.root());
            case S3 -> new S3DatasetStore(settings.s3());
        };
    }

    /** Opens the store described by this process's environment ({@code SYNTHLINE_STORE_KIND}, ...), e.g. in a shard process. */
    public static DatasetStore fromEnvironment() throws IOException {
        return open(StoreSettings.fromEnvironment(System.getenv()));
    }
}
