package io.synthline.commons.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Storage for dataset files, models and reports, addressed by key. Keys are {@code /}-separated
 * paths that start with the tenant ({@code acme/datasets/<id>/data.csv}); see {@link StorageKeys}.
 * Implementations are thread-safe: a directory ({@link FileSystemDatasetStore}) or an S3 bucket
 * (module {@code object-store}).
 */
public interface DatasetStore {

    /** Something being written that becomes visible only on {@link #commit}; closing without commit discards it. */
    interface Staged extends AutoCloseable {
        /** Local file holding the staged bytes, e.g. to validate or profile them before committing. */
        Path path();

        long sizeBytes();

        String sha256();

        StoredObject commit(String key) throws IOException;

        @Override
        void close();
    }

    @FunctionalInterface
    interface OutputWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Streams {@code content} into staging, computing size and SHA-256 on the way.
     *
     * @throws ObjectTooLargeException when more than {@code maxBytes} arrive (nothing is kept)
     */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /** Stages whatever {@code writer} produces. */
    Staged stage(OutputWriter writer) throws IOException;

    /** @throws java.nio.file.NoSuchFileException when no object has this key */
    InputStream open(String key) throws IOException;

    /**
     * A local file with the object's bytes, for engines that read a file more than once. A store
     * whose objects are not local files (S3) keeps such copies: see {@link #dropLocalCopies} and
     * {@link #sweepLocalCopies}.
     */
    Path localPath(String key) throws IOException;

    /**
     * Drops this process's local copies of the objects under {@code prefix} (a deleted dataset's
     * {@code acme/datasets/<id>/}), whether or not the objects still exist; returns how many. A store
     * whose {@link #localPath} is the object itself keeps no copies.
     */
    default int dropLocalCopies(String prefix) throws IOException {
        return 0;
    }

    /**
     * Drops this process's local copies whose object was deleted or replaced (also when another
     * replica did it) or that {@link #localPath} has not handed out for the store's configured idle
     * time; returns how many. Run periodically by every process that serves {@link #localPath}.
     */
    default int sweepLocalCopies() throws IOException {
        return 0;
    }

    boolean exists(String key);

    /** Deletes the object; deleting a missing key does nothing. */
    void delete(String key) throws IOException;

    /** The keys of committed objects that start with {@code prefix} (e.g. {@code acme/} or {@code acme/datasets/}), sorted. */
    List<String> list(String prefix) throws IOException;

    /** Raised when an upload exceeds the configured limit. */
    final class ObjectTooLargeException extends IOException {
        private final long limit;

        public ObjectTooLargeException(long limit) {
            super("content exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
