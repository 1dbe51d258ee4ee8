package io.synthline.generator.engine.shard;

import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Samples one shard of a {@link ShardTask}: loads the stored model, writes the shard's rows to the
 * store, then commits its {@link ShardRecord}. The record is the shard's completion: a shard whose
 * record exists is done and is not sampled again (a retried pod, or a run taken over by another
 * generator replica, redoes only the shards that never finished).
 */
public final class ShardRunner {
    private ShardRunner() {
    }

    /** @param skipped true when the shard had finished before and nothing was sampled */
    public record Outcome(ShardRecord record, boolean skipped) {
    }

    public static Outcome run(DatasetStore store, ShardTask task, int index, int threads) throws IOException {
        if (index < 0 || index >= task.plan().count()) {
            throw new IllegalArgumentException("shard index " + index + " is outside the task's " + task.plan().count() + " shards");
        }
        ShardRecord done = finished(store, task, index);
        if (done != null) {
            return new Outcome(done, true);
        }
        SynthesisModel model = StoredModels.load(store, task.modelKey(), task.guardKey(), threads);
        GenerationSettings settings = task.shardSettings(index, threads);
        Generation generation = Generation.prepare(model, settings, task.scope());
        Generation.Result[] result = new Generation.Result[1];
        try (DatasetStore.Staged staged = store.stage(out -> result[0] = generation.writeCsv(out, task.header() && index == 0,
                Generation.SILENT))) {
            staged.commit(task.partKey(index));
        }
        Generation.Result r = result[0];
        ShardRecord record = new ShardRecord(index, settings.firstRow(), r.rowsRequested(), r.rowsWritten(), r.copiesRedrawn(),
                r.rowsDropped(), r.bytes(), r.sha256());
        byte[] json = Json.write(record).getBytes(StandardCharsets.UTF_8);
        try (DatasetStore.Staged staged = store.stage(new ByteArrayInputStream(json), json.length)) {
            staged.commit(task.recordKey(index));
        }
        return new Outcome(record, false);
    }

    /** The shard's record when it has finished (record and part committed), else null. */
    public static ShardRecord finished(DatasetStore store, ShardTask task, int index) throws IOException {
        if (!store.exists(task.recordKey(index)) || !store.exists(task.partKey(index))) {
            return null;
        }
        try (InputStream in = store.open(task.recordKey(index))) {
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ShardRecord.class);
        }
    }
}
