package io.synthline.commons.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Keys map to files under a root directory; staging files live in {@code root/.staging} on the same filesystem so commit is an atomic rename. */
public final class FileSystemDatasetStore implements DatasetStore {
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private final Path root;
    private final Path staging;

    public FileSystemDatasetStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(".staging");
        Files.createDirectories(staging);
    }

    public Path root() {
        return root;
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        return stage(out -> {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = content.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ObjectTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        });
    }

    @Override
    public Staged stage(OutputWriter writer) throws IOException {
        Path file = Files.createTempFile(staging, "stage-", ".part");
        MessageDigest digest = sha256();
        CountingOutputStream counter;
        try (OutputStream out = new DigestOutputStream(counter = new CountingOutputStream(Files.newOutputStream(file)), digest)) {
            writer.writeTo(out);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new FileStaged(file, counter.count, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public Path localPath(String key) throws IOException {
        Path p = resolve(key);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException("no stored object " + key);
        }
        return p;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return root.resolve(key);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class FileStaged implements Staged {
        private final Path file;
        private final long size;
        private final String sha;
        private boolean committed;

        FileStaged(Path file, long size, String sha) {
            this.file = file;
            this.size = size;
            this.sha = sha;
        }

        @Override
        public Path path() {
            return file;
        }

        @Override
        public long sizeBytes() {
            return size;
        }

        @Override
        public String sha256() {
            return sha;
        }

        @Override
        public StoredObject commit(String key) throws IOException {
            Path target = resolve(key);
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            return new StoredObject(key, size, sha);
        }

        @Override
        public void close() {
            if (!committed) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A leftover staging file is harmless and is not visible under any key.
                }
            }
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
