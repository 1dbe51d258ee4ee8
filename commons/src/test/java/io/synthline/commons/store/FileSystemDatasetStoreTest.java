package io.synthline.commons.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDatasetStoreTest {
    @TempDir
    Path root;

    @Test
    void stagedContentIsInvisibleUntilCommitAndHashed() throws IOException {
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        try (DatasetStore.Staged staged = store.stage(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), 10)) {
            assertThat(staged.sizeBytes()).isEqualTo(3);
            // sha256("abc"), a published test vector
            assertThat(staged.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(store.exists("acme/datasets/d1/data.csv")).isFalse();
            StoredObject obj = staged.commit("acme/datasets/d1/data.csv");
            assertThat(obj.sizeBytes()).isEqualTo(3);
        }
        assertThat(store.exists("acme/datasets/d1/data.csv")).isTrue();
        try (var in = store.open("acme/datasets/d1/data.csv")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
        }
    }

    @Test
    void oversizedOrAbandonedUploadsLeaveNothing() throws IOException {
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[100]), 10))
                .isInstanceOf(DatasetStore.ObjectTooLargeException.class);
        store.stage(new ByteArrayInputStream(new byte[5]), 10).close();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void rejectsKeysThatEscapeTheRoot() throws IOException {
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        assertThatThrownBy(() -> store.open("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("/abs")).isInstanceOf(IllegalArgumentException.class);
    }
}
