package io.synthline.generator.engine.shard;

import io.synthline.commons.hash.HashingOutputStream;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.StoredObject;
import io.synthline.generator.engine.generation.Generation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the finished shards of a task, in index order, into one stored file: the bytes a single
 * run of the whole request writes. Every part is checked against its record's SHA-256 while it
 * is copied, so a damaged or replaced part fails the join instead of entering the output.
 */
public final class ShardAssembly {
    private ShardAssembly() {
    }

    /**
     * @param output the committed file
     * @param result the whole run's numbers, as {@link Generation#writeCsv} reports them for one run
     * @param shards every shard's record, in order
     */
    public record Assembled(StoredObject output, Generation.Result result, List<ShardRecord> shards) {
    }

    /** The indexes of the task's shards that have not finished yet. */
    public static List<Integer> unfinished(DatasetStore store, ShardTask task) throws IOException {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < task.plan().count(); i++) {
            if (ShardRunner.finished(store, task, i) == null) {
                open.add(i);
            }
        }
        return open;
    }

    /**
     * @param runId the run's id ({@link Generation#runId()} of the whole request)
     * @throws IllegalStateException when a shard has not finished or its part does not match its record
     */
    public static Assembled assemble(DatasetStore store, ShardTask task, String runId, String outputKey) throws IOException {
        int count = task.plan().count();
        List<ShardRecord> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ShardRecord r = ShardRunner.finished(store, task, i);
            if (r == null) {
                throw new IllegalStateException("shard " + i + " of " + count + " has not finished");
            }
            shards.add(r);
        }
        StoredObject output;
        try (DatasetStore.Staged staged = store.stage(out -> {
            for (ShardRecord r : shards) {
                HashingOutputStream part = new HashingOutputStream(out);
                try (InputStream in = store.open(task.partKey(r.index()))) {
                    in.transferTo(part);
                }
                long copied = part.count();
                String sha = part.sha256();
                if (copied != r.bytes() || !sha.equals(r.sha256())) {
                    throw new IllegalStateException("shard " + r.index() + " does not match its record (" + copied + " bytes, SHA-256 "
                            + sha + "; recorded " + r.bytes() + " bytes, " + r.sha256() + ")");
                }
            }
        })) {
            output = staged.commit(outputKey);
        }
        long requested = 0;
        long written = 0;
        long copies = 0;
        long dropped = 0;
        for (ShardRecord r : shards) {
            requested += r.rowsRequested();
            written += r.rowsWritten();
            copies += r.copiesRedrawn();
            dropped += r.rowsDropped();
        }
        return new Assembled(output, new Generation.Result(runId, requested, written, copies, dropped, output.sizeBytes(),
                output.sha256()), shards);
    }

    /** Deletes the task, its parts and records (after the assembled file is committed). */
    public static void delete(DatasetStore store, ShardTask task) throws IOException {
        for (int i = 0; i < task.plan().count(); i++) {
            store.delete(task.recordKey(i));
            store.delete(task.partKey(i));
        }
        store.delete(task.taskKey());
    }
}
