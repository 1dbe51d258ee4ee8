package io.synthline.generator.engine.shard;

import io.synthline.commons.json.Json;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.engine.generation.GenerationSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What every shard of one request needs, stored once under {@code prefix} so that a shard's pod
 * is given only the task's key and its index.
 *
 * @param modelKey  the stored model to sample
 * @param guardKey  the model's copy guard beside it (null: none)
 * @param scope     who the run is for (the tenant): enters the run id as in a single run
 * @param settings  the whole request's settings (all rows); each shard samples its range of them
 * @param shardRows rows per shard (the last one shorter)
 * @param header    whether the assembled file starts with the header line (written by shard 0)
 * @param prefix    the store key prefix of the task, the shards' outputs and their records
 */
public record ShardTask(String modelKey, String guardKey, String scope, GenerationSettings settings, long shardRows,
        boolean header, String prefix) {

    public static final String TASK = "task.json";

    public ShardPlan plan() {
        return new ShardPlan(settings.rows(), shardRows);
    }

    /** The settings of shard {@code index}: the request's settings on its row range. */
    public GenerationSettings shardSettings(int index, int threads) {
        ShardPlan plan = plan();
        return settings.withRange(settings.firstRow() + plan.offset(index), plan.rows(index)).withThreads(threads);
    }

    public String taskKey() {
        return prefix + "/" + TASK;
    }

    /** The shard's sampled rows, committed before its record. */
    public String partKey(int index) {
        return prefix + String.format(Locale.ROOT, "/part-%05d.csv", index);
    }

    /** The shard's {@link ShardRecord}: present only once its part is committed (the shard is done). */
    public String recordKey(int index) {
        return prefix + String.format(Locale.ROOT, "/part-%05d.json", index);
    }

    /** Stores the task at {@link #taskKey()} (the same task again changes nothing). */
    public void store(DatasetStore store) throws IOException {
        byte[] json = Json.write(this).getBytes(StandardCharsets.UTF_8);
        try (DatasetStore.Staged staged = store.stage(new ByteArrayInputStream(json), json.length)) {
            staged.commit(taskKey());
        }
    }

    public static ShardTask load(DatasetStore store, String taskKey) throws IOException {
        try (InputStream in = store.open(taskKey)) {
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ShardTask.class);
        }
    }
}
