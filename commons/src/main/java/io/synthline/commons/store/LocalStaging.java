package io.synthline.commons.store;

import io.synthline.commons.hash.HashingOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what is being staged to a local file, counting bytes and hashing on the way: every store
 * stages locally (engines validate or profile the staged file before it is committed) and differs
 * only in how it commits.
 */
public final class LocalStaging {

    /** A staged file with its size and SHA-256 (lower-case hex). */
    public record File(Path path, long sizeBytes, String sha256) {
    }

    private LocalStaging() {
    }

    /**
     * A staged file that a store publishes under a key on {@link #commit}; closed uncommitted, the
     * file is deleted. Subclasses say how publishing works (a rename, an upload).
     */
    public abstract static class Staged implements DatasetStore.Staged {
        private final File file;
        private boolean committed;

        protected Staged(File file) {
            this.file = file;
        }

        /** Makes the staged bytes visible under {@code key}, atomically; the staged file may be moved away. */
        protected abstract void publish(File file, String key) throws IOException;

        @Override
        public Path path() {
            return file.path();
        }

        @Override
        public long sizeBytes() {
            return file.sizeBytes();
        }

        @Override
        public String sha256() {
            return file.sha256();
        }

        @Override
        public StoredObject commit(String key) throws IOException {
            publish(file, key);
            committed = true;
            return new StoredObject(key, file.sizeBytes(), file.sha256());
        }

        @Override
        public void close() {
            if (!committed) {
                try {
                    Files.deleteIfExists(file.path());
                } catch (IOException ignored) {
                    // A leftover staging file is harmless and is not visible under any key.
                }
            }
        }
    }

    /** Runs {@code writer} into a new file in {@code dir}; on failure nothing is left behind. */
    public static File write(Path dir, DatasetStore.OutputWriter writer) throws IOException {
        Path file = Files.createTempFile(dir, "stage-", ".part");
        HashingOutputStream hashed;
        try (OutputStream out = hashed = new HashingOutputStream(Files.newOutputStream(file))) {
            writer.writeTo(out);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new File(file, hashed.count(), hashed.sha256());
    }

    /**
     * A writer copying {@code content}.
     *
     * @throws DatasetStore.ObjectTooLargeException from the writer when more than {@code maxBytes} arrive
     */
    public static DatasetStore.OutputWriter copying(InputStream content, long maxBytes) {
        return out -> {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = content.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new DatasetStore.ObjectTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        };
    }
}
