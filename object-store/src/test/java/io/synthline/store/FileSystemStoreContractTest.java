package io.synthline.store;

import io.synthline.commons.store.DatasetStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a directory, opened the way a service opens it (through {@link DatasetStores}). */
class FileSystemStoreContractTest extends DatasetStoreContract {
    @TempDir
    Path root;
    private DatasetStore store;

    @BeforeEach
    void open() throws IOException {
        store = DatasetStores.open(StoreSettings.filesystem(root));
    }

    @Override
    DatasetStore store() {
        return store;
    }

    @Override
    String tenant() {
        return "acme";
    }
}
