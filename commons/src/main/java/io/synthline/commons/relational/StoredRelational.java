package io.synthline.commons.relational;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * How the services store a dataset made of several tables: one object per table
 * ({@code <prefix>/tables/TABLE.csv}), the metadata in force ({@code <prefix>/metadata.json}, as
 * declared or as proposed by the profiler) and an index, {@code <prefix>/relational.json}
 * ({@link Index}), which is the dataset's storage key: a key ending in {@value #INDEX_FILE} names a
 * relational dataset, any other a single table. The index's SHA-256 covers every table's and the
 * metadata's hash, so it identifies the dataset's content as a single file's hash does.
 */
public final class StoredRelational {
    public static final String INDEX_FILE = "relational.json";
    public static final String ZIP_CONTENT_TYPE = "application/zip";

    private StoredRelational() {
    }

    /**
     * @param metadataSource {@code declared} or {@code proposed}
     * @param tables         per table (in the metadata's order) its stored object
     */
    public record Index(String metadataKey, String metadataSha256, String metadataSource, Map<String, TableObject> tables) {
        public long rows() {
            return tables.values().stream().mapToLong(TableObject::rows).sum();
        }

        public long sizeBytes() {
            return tables.values().stream().mapToLong(TableObject::sizeBytes).sum();
        }
    }

    public record TableObject(String key, String sha256, long sizeBytes, long rows) {
    }

    /** Whether a dataset's (or an output's) storage key names a relational dataset's index. */
    public static boolean isRelational(String storageKey) {
        return storageKey != null && storageKey.endsWith("/" + INDEX_FILE);
    }

    /** The folder of an index key, with its trailing slash. */
    public static String prefix(String indexKey) {
        return indexKey.substring(0, indexKey.length() - INDEX_FILE.length());
    }

    public static Index readIndex(DatasetStore store, String indexKey) throws IOException {
        try (InputStream in = store.open(indexKey)) {
            return Json.mapper().readValue(in, Index.class);
        }
    }

    /**
     * Reads a stored relational dataset with its metadata in force (types as the metadata declares
     * them, keys as text). The tables are copied into a temporary directory, deleted afterwards.
     */
    public static RelationalDataset read(DatasetStore store, String indexKey) throws IOException {
        Path dir = materialize(store, readIndex(store, indexKey));
        try {
            return RelationalReader.read(dir, null, CsvOptions.defaults()).dataset();
        } finally {
            RelationalReader.deleteTree(dir);
        }
    }

    /** Tables that imitate {@code like} (an output, a holdout) stored under {@code indexKey}, read with exactly its types. */
    public static RelationalDataset readLike(DatasetStore store, String indexKey, RelationalDataset like) throws IOException {
        Path dir = materialize(store, readIndex(store, indexKey));
        try {
            return RelationalReader.readLike(dir, like, CsvOptions.defaults(), false);
        } finally {
            RelationalReader.deleteTree(dir);
        }
    }

    private static Path materialize(DatasetStore store, Index index) throws IOException {
        Path dir = Files.createTempDirectory("synthline-stored-tables-");
        try {
            for (var e : index.tables().entrySet()) {
                copy(store, e.getValue().key(), dir.resolve(e.getKey() + ".csv"));
            }
            copy(store, index.metadataKey(), dir.resolve(RelationalReader.METADATA_FILE));
            return dir;
        } catch (IOException | RuntimeException e) {
            RelationalReader.deleteTree(dir);
            throw e;
        }
    }

    private static void copy(DatasetStore store, String key, Path target) throws IOException {
        try (InputStream in = store.open(key)) {
            Files.copy(in, target);
        }
    }

    /**
     * Writes {@code dataset} under {@code prefix} (tables, metadata, index) and returns the index's
     * key. The index is committed last, so a reader never finds an index whose tables are missing.
     */
    public static String write(DatasetStore store, String prefix, RelationalDataset dataset, String metadataSource) throws IOException {
        Map<String, TableObject> tables = new LinkedHashMap<>();
        try {
            for (var e : dataset.tables().entrySet()) {
                try (DatasetStore.Staged staged = store.stage(out -> io.synthline.commons.csv.CsvTableWriter.write(e.getValue(), out))) {
                    var stored = staged.commit(prefix + "tables/" + e.getKey() + ".csv");
                    tables.put(e.getKey(), new TableObject(stored.key(), stored.sha256(), stored.sizeBytes(), e.getValue().rowCount()));
                }
            }
            byte[] metadata = MetadataJson.write(dataset.metadata()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var meta = commitBytes(store, prefix + "metadata.json", metadata);
            Index index = new Index(meta.key(), meta.sha256(), metadataSource, tables);
            return commitBytes(store, prefix + INDEX_FILE, Json.writePretty(index).getBytes(java.nio.charset.StandardCharsets.UTF_8)).key();
        } catch (IOException | RuntimeException e) {
            for (TableObject t : tables.values()) {
                try {
                    store.delete(t.key());
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    static io.synthline.commons.store.StoredObject commitBytes(DatasetStore store, String key, byte[] bytes) throws IOException {
        try (DatasetStore.Staged staged = store.stage(out -> out.write(bytes))) {
            return staged.commit(key);
        }
    }

    /**
     * Deletes a stored relational dataset: its tables and metadata, the index last (a retry after a
     * failure finds the index and deletes again). Deleting what is not there does nothing.
     */
    public static void delete(DatasetStore store, String indexKey) throws IOException {
        if (store.exists(indexKey)) {
            Index index = readIndex(store, indexKey);
            for (TableObject t : index.tables().values()) {
                store.delete(t.key());
            }
            store.delete(index.metadataKey());
        } else {
            // written partially: the index is committed last, the tables may be there without it
            String prefix = prefix(indexKey);
            store.delete(prefix + "metadata.json");
        }
        store.delete(indexKey);
    }

    /**
     * Streams the stored tables and the metadata as one zip (TABLE.csv per table, {@code metadata.json}),
     * for download; with {@code escapeFormulas} cells a spreadsheet would run get a leading apostrophe
     * ({@link io.synthline.commons.csv.FormulaGuard}), as single-table downloads do.
     */
    public static void zip(DatasetStore store, String indexKey, OutputStream target, boolean escapeFormulas) throws IOException {
        Index index = readIndex(store, indexKey);
        ZipOutputStream zip = new ZipOutputStream(target);
        for (var e : index.tables().entrySet()) {
            put(zip, store, e.getKey() + ".csv", e.getValue().key(), escapeFormulas);
        }
        put(zip, store, RelationalReader.METADATA_FILE, index.metadataKey(), false);
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, DatasetStore store, String name, String key, boolean escape) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the same tables give the same zip bytes
        zip.putNextEntry(entry);
        try (InputStream in = store.open(key)) {
            if (escape) {
                io.synthline.commons.csv.FormulaGuard.escape(in, new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        zip.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        zip.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the zip goes on with the next entry
                    }
                });
            } else {
                in.transferTo(zip);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
    }
}
