package io.synthline.commons.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Keys map to files under a root directory; staging files live in {@code root/.staging} on the same filesystem so commit is an atomic rename. */
public final class FileSystemDatasetStore implements DatasetStore {
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
        return stage(LocalStaging.copying(content, maxBytes));
    }

    @Override
    public Staged stage(OutputWriter writer) throws IOException {
        return new FileStaged(LocalStaging.write(staging, writer));
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

    @Override
    public List<String> list(String prefix) throws IOException {
        StorageKeys.checkPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(Files::isRegularFile).filter(f -> !f.startsWith(staging))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(k -> k.startsWith(prefix))
                    .forEach(keys::add);
        }
        keys.sort(null);
        return keys;
    }

    private Path resolve(String key) {
        return root.resolve(StorageKeys.check(key));
    }

    private final class FileStaged extends LocalStaging.Staged {
        FileStaged(LocalStaging.File file) {
            super(file);
        }

        @Override
        protected void publish(LocalStaging.File file, String key) throws IOException {
            Path target = resolve(key);
            Files.createDirectories(target.getParent());
            try {
                Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
