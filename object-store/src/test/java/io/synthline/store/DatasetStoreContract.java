package io.synthline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DatasetStore} promises, run against each implementation by a subclass: the
 * services and the shard processes may be given either one.
 */
abstract class DatasetStoreContract {

    /** Larger than the part size the subclasses configure (5 MiB), so S3 commits it as a multipart upload. */
    static final long LARGE_BYTES = 23L * 1024 * 1024 + 12_345;

    /** A store with no object of tenant {@link #tenant()} yet. */
    abstract DatasetStore store();

    /** A tenant name unique to the test run, so runs against a reused server do not see each other's objects. */
    abstract String tenant();

    String key(String rest) {
        return tenant() + "/" + rest;
    }

    @Test
    void committedObjectsCanBeReadListedAndDeleted() throws Exception {
        DatasetStore store = store();
        StoredObject a;
        try (DatasetStore.Staged staged = store.stage(bytes("abc"), 10)) {
            assertThat(staged.sizeBytes()).isEqualTo(3);
            // sha256("abc"), a published test vector
            assertThat(staged.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(Files.readString(staged.path())).isEqualTo("abc");
            assertThat(store.exists(key("datasets/d1/data.csv"))).isFalse();
            a = staged.commit(key("datasets/d1/data.csv"));
        }
        assertThat(a).isEqualTo(new StoredObject(key("datasets/d1/data.csv"), 3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        try (DatasetStore.Staged staged = store.stage(out -> out.write("{}".getBytes(StandardCharsets.UTF_8)))) {
            staged.commit(key("datasets/d1/profile.json"));
        }
        assertThat(store.exists(key("datasets/d1/data.csv"))).isTrue();
        assertThat(read(store, key("datasets/d1/data.csv"))).isEqualTo("abc");
        assertThat(Files.readString(store.localPath(key("datasets/d1/data.csv")))).isEqualTo("abc");
        assertThat(store.localPath(key("datasets/d1/data.csv")).getFileName()).hasToString("data.csv");
        assertThat(store.list(key("datasets/d1/"))).containsExactly(key("datasets/d1/data.csv"), key("datasets/d1/profile.json"));
        assertThat(store.list(key("datasets/d2/"))).isEmpty();

        store.delete(key("datasets/d1/data.csv"));
        store.delete(key("datasets/d1/data.csv"));
        assertThat(store.exists(key("datasets/d1/data.csv"))).isFalse();
        assertThatThrownBy(() -> store.open(key("datasets/d1/data.csv"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.localPath(key("datasets/d1/data.csv"))).isInstanceOf(NoSuchFileException.class);
        assertThat(store.list(tenant() + "/")).containsExactly(key("datasets/d1/profile.json"));
    }

    @Test
    void aCommitReplacesTheObjectAndLocalCopiesFollow() throws Exception {
        DatasetStore store = store();
        try (DatasetStore.Staged staged = store.stage(bytes("first"), 100)) {
            staged.commit(key("models/m1/model.json"));
        }
        assertThat(Files.readString(store.localPath(key("models/m1/model.json")))).isEqualTo("first");
        try (DatasetStore.Staged staged = store.stage(bytes("second"), 100)) {
            staged.commit(key("models/m1/model.json"));
        }
        assertThat(Files.readString(store.localPath(key("models/m1/model.json")))).isEqualTo("second");
        assertThat(read(store, key("models/m1/model.json"))).isEqualTo("second");
    }

    @Test
    void eachTenantListsOnlyItsOwnObjects() throws Exception {
        DatasetStore store = store();
        String other = tenant() + "x";
        for (String k : new String[] {key("datasets/1/data.csv"), other + "/datasets/1/data.csv", key("reports/r/evaluation.json")}) {
            try (DatasetStore.Staged staged = store.stage(bytes(k), 1000)) {
                staged.commit(k);
            }
        }
        assertThat(store.list(tenant() + "/")).containsExactly(key("datasets/1/data.csv"), key("reports/r/evaluation.json"));
        assertThat(store.list(other + "/")).containsExactly(other + "/datasets/1/data.csv");
        assertThat(read(store, other + "/datasets/1/data.csv")).isEqualTo(other + "/datasets/1/data.csv");
    }

    @Test
    void aLargeObjectIsStreamedInAndOutWhole() throws Exception {
        DatasetStore store = store();
        StoredObject stored;
        try (DatasetStore.Staged staged = store.stage(out -> writeRandom(out, LARGE_BYTES, 7))) {
            stored = staged.commit(key("generations/g1/synthetic.csv"));
        }
        assertThat(stored.sizeBytes()).isEqualTo(LARGE_BYTES);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long n = 0;
        try (InputStream in = new DigestInputStream(store.open(key("generations/g1/synthetic.csv")), digest)) {
            n = in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(n).isEqualTo(LARGE_BYTES);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(stored.sha256());
        assertThat(Files.size(store.localPath(key("generations/g1/synthetic.csv")))).isEqualTo(LARGE_BYTES);
    }

    @Test
    void aFailedOrAbandonedWriteLeavesNothingVisible() throws Exception {
        DatasetStore store = store();
        assertThatThrownBy(() -> store.stage(out -> {
            writeRandom(out, 6L << 20, 3);
            throw new IOException("the generator failed half-way");
        })).hasMessageContaining("half-way");
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[100]), 10))
                .isInstanceOf(DatasetStore.ObjectTooLargeException.class);
        DatasetStore.Staged abandoned = store.stage(bytes("never committed"), 100);
        abandoned.close();
        assertThat(Files.exists(abandoned.path())).isFalse();
        assertThat(store.list(tenant() + "/")).isEmpty();
    }

    @Test
    void keysThatEscapeOrAreMalformedAreRefused() {
        DatasetStore store = store();
        for (String bad : new String[] {"../etc/passwd", "/abs", key("a/../b"), key("a//b"), key(".hidden"), ""}) {
            assertThatThrownBy(() -> store.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.list("../")).isInstanceOf(IllegalArgumentException.class);
    }

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String read(DatasetStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes {@code size} seeded random bytes in 64 KiB blocks: the object is never held in memory. */
    static void writeRandom(OutputStream out, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 16];
        for (long left = size; left > 0; left -= block.length) {
            for (int i = 0; i < block.length; i += 8) {
                long v = random.nextLong();
                for (int j = 0; j < 8; j++) {
                    block[i + j] = (byte) (v >>> (8 * j));
                }
            }
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }
}
