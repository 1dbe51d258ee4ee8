package io.synthline.service.store;

import io.quarkus.scheduler.Scheduled;
import io.synthline.commons.store.DatasetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Each replica's sweep of its local copies of stored objects ({@link DatasetStore#sweepLocalCopies}):
 * with the S3 store, engines read plaintext copies kept in the replica's cache directory, and a
 * dataset deleted through another replica (which drops only its own copies) must not leave them
 * behind here. Runs on every replica, not once per period: each has its own cache. Nothing to do on
 * the filesystem store, whose local paths are the objects themselves.
 */
@ApplicationScoped
public class LocalCopySweep {
    private static final Logger LOG = Logger.getLogger(LocalCopySweep.class);

    // not a mapping: synthline.store.* belongs to StoreSettings (shared with the CLI), see StoreProducer
    @ConfigProperty(name = "synthline.store.kind", defaultValue = "filesystem")
    String kind;

    @Inject
    Instance<DatasetStore> store;

    @Scheduled(every = "${synthline.store.s3.cache-sweep-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (!"s3".equalsIgnoreCase(kind.trim())) {
            return;
        }
        try {
            int dropped = store.get().sweepLocalCopies();
            if (dropped > 0) {
                LOG.infof("dataset store: dropped %d local copies of deleted, replaced or idle objects", dropped);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("dataset store: sweeping local copies failed, will retry: %s", e.getMessage());
        }
    }
}
