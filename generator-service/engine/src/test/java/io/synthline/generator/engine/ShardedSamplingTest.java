package io.synthline.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationManifest;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.shard.ShardAssembly;
import io.synthline.generator.engine.shard.ShardPlan;
import io.synthline.generator.engine.shard.ShardRecord;
import io.synthline.generator.engine.shard.ShardRunner;
import io.synthline.generator.engine.shard.ShardTask;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards sampled one by one and joined give the bytes of one run; a finished shard is not sampled again. */
class ShardedSamplingTest {
    static SynthesisModel model;

    @BeforeAll
    static void fit() {
        model = SynthesisModel.fit(Fixtures.customers(), ModelSpec.of("tree"), 7, 2, null);
    }

    @Test
    void plansCoverEveryRowOnceAndGrowShardsPastTheMaximumCount() {
        ShardPlan plan = ShardPlan.of(10_000, 3_000, 64);
        assertThat(plan.count()).isEqualTo(4);
        assertThat(List.of(plan.offset(3), plan.rows(3))).containsExactly(9_000L, 1_000L);
        ShardPlan capped = ShardPlan.of(1_000_000, 1_000, 8);
        assertThat(capped.count()).isEqualTo(8);
        assertThat(capped.shardRows()).isEqualTo(125_000);
        assertThat(ShardPlan.of(0, 10, 4).count()).isEqualTo(1);
    }

    @Test
    void joinedShardsAreTheSingleRunsBytesAndFinishedShardsAreSkipped(@TempDir Path root) throws Exception {
        DatasetStore store = new FileSystemDatasetStore(root);
        String modelKey = "acme/models/m/model.synth";
        String guardKey = "acme/models/m/guard.bin";
        try (DatasetStore.Staged s = store.stage(model::write)) {
            s.commit(modelKey);
        }
        try (DatasetStore.Staged s = store.stage(model::writeGuard)) {
            s.commit(guardKey);
        }
        GenerationSettings settings = GenerationSettings.of(8_000, 42).withProvenance(true).withThreads(2);
        Generation whole = Generation.prepare(model, settings, "acme");
        java.io.ByteArrayOutputStream single = new java.io.ByteArrayOutputStream();
        Generation.Result one = whole.writeCsv(single, true, Generation.SILENT);

        ShardTask task = new ShardTask(modelKey, guardKey, "acme", settings, 3_000, true, "acme/generations/g1/shards");
        task.store(store);
        ShardTask loaded = ShardTask.load(store, task.taskKey());
        assertThat(loaded).isEqualTo(task);
        for (int i = loaded.plan().count() - 1; i >= 0; i--) {
            assertThat(ShardRunner.run(store, loaded, i, 1).skipped()).isFalse();
        }
        ShardRunner.Outcome again = ShardRunner.run(store, loaded, 1, 1);
        assertThat(again.skipped()).isTrue();

        ShardAssembly.Assembled joined = ShardAssembly.assemble(store, loaded, whole.runId(), "acme/generations/g1/synthetic.csv");
        byte[] assembled;
        try (InputStream in = store.open("acme/generations/g1/synthetic.csv")) {
            assembled = in.readAllBytes();
        }
        assertThat(assembled).isEqualTo(single.toByteArray());
        assertThat(joined.result()).isEqualTo(one);
        assertThat(joined.shards()).extracting(ShardRecord::firstRow).containsExactly(0L, 3_000L, 6_000L);
        assertThat(joined.shards()).extracting(ShardRecord::rowsRequested).containsExactly(3_000L, 3_000L, 2_000L);
        assertThat(joined.shards().stream().mapToLong(ShardRecord::bytes).sum()).isEqualTo(assembled.length);

        GenerationManifest manifest = GenerationManifest.of(model, settings, joined.result(), Requests.CSV).withShards(joined.shards());
        assertThat(manifest.outputSha256()).isEqualTo(one.sha256());
        assertThat(manifest.shards()).hasSize(3);

        // a part changed after its shard finished is refused, not joined
        Path part = root.resolve(loaded.partKey(2));
        Files.writeString(part, "tampered\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ShardAssembly.assemble(store, loaded, whole.runId(), "acme/generations/g1/other.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shard 2 does not match");
        assertThat(store.exists("acme/generations/g1/other.csv")).isFalse();

        ShardAssembly.delete(store, loaded);
        assertThat(ShardAssembly.unfinished(store, loaded)).containsExactly(0, 1, 2);
    }
}
