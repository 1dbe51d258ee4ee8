package io.synthline.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.stack.testing.TestS3;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit and read-back time of one large object through each store, measured in the same run (a
 * benchmark, not a check: it asserts only that the bytes came back whole). Off unless asked for:
 * {@code -Dsynthline.store.benchMb=1024} (see docs/object-storage.md).
 */
@EnabledIfSystemProperty(named = "synthline.store.benchMb", matches = "\\d+")
class StoreThroughputIT {
    @TempDir
    Path work;

    @Test
    void commitAndReadBackALargeObject() throws Exception {
        long size = Long.getLong("synthline.store.benchMb") << 20;
        Map<String, String> cfg = new HashMap<>(TestS3.storeSettings());
        cfg.put(StoreSettings.S3_CACHE_DIR, work.resolve("cache").toString());
        Map<String, DatasetStore> stores = new LinkedHashMap<>();
        stores.put("filesystem", DatasetStores.open(StoreSettings.filesystem(work.resolve("fs"))));
        stores.put("s3", DatasetStores.open(StoreSettings.read(n -> Optional.ofNullable(cfg.get(n)))));
        for (Map.Entry<String, DatasetStore> e : stores.entrySet()) {
            DatasetStore store = e.getValue();
            String key = "bench/datasets/large/data.bin";
            try (DatasetStore.Staged staged = store.stage(out -> DatasetStoreContract.writeRandom(out, size, 11))) {
                long t0 = System.nanoTime();
                StoredObject stored = staged.commit(key);
                double commit = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                long read;
                try (InputStream in = store.open(key)) {
                    read = in.transferTo(OutputStream.nullOutputStream());
                }
                double readBack = (System.nanoTime() - t1) / 1e9;
                assertThat(read).isEqualTo(stored.sizeBytes());
                System.out.printf(Locale.ROOT, "[store-bench] %-10s %d MiB: commit %.2f s (%.0f MB/s), read back %.2f s (%.0f MB/s), heap max %d MiB%n",
                        e.getKey(), size >> 20, commit, size / 1e6 / commit, readBack, size / 1e6 / readBack,
                        Runtime.getRuntime().maxMemory() >> 20);
            }
            store.delete(key);
            if (store instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

}
