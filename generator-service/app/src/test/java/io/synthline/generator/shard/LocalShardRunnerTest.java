package io.synthline.generator.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.store.DatasetStore;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.generator.GeneratorMain;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationManifest;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.shard.ShardAssembly;
import io.synthline.generator.engine.shard.ShardRecord;
import io.synthline.generator.engine.shard.ShardTask;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sharded generation end to end without a cluster: the generator's coordinator creates the Job
 * on fabric8's mock API server, and this test plays the Job controller, running each index as a
 * separate JVM with the Job's own container arguments and {@code JOB_COMPLETION_INDEX} through
 * the image's entry point ({@link GeneratorMain}). The joined file is byte-identical to one
 * in-process run of the same seed, and a shard that had finished is not sampled again.
 */
@EnableKubernetesMockClient(crud = true)
class LocalShardRunnerTest {
    static final String NS = "synthline";
    static SynthesisModel model;

    KubernetesClient client;

    @BeforeAll
    static void fit(@TempDir Path dir) throws Exception {
        Random r = new Random(3);
        String[] cities = {"Berlin", "Lyon", "Austin", "Osaka", "Lima"};
        StringBuilder csv = new StringBuilder("city,amount,segment\n");
        for (int i = 0; i < 2_000; i++) {
            double amount = Math.round(r.nextGaussian() * 800 + 2_500) / 10.0;
            csv.append(cities[r.nextInt(cities.length)]).append(',').append(amount).append(',')
                    .append(amount > 250 ? "gold" : r.nextBoolean() ? "basic" : "silver").append('\n');
        }
        Path file = dir.resolve("sample.csv");
        Files.writeString(file, csv);
        model = SynthesisModel.fit(CsvTableReader.read(file), ModelSpec.of("tree"), 7, 2, null);
    }

    @Test
    void shardsRunAsProcessesJoinToTheSingleRunsBytesAndAreNotRedone(@TempDir Path root) throws Exception {
        DatasetStore store = stored(root);
        GenerationSettings settings = GenerationSettings.of(50_000, 42).withProvenance(true).withThreads(2);
        Generation whole = Generation.prepare(model, settings, "acme");
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        Generation.Result one = whole.writeCsv(single, true, Generation.SILENT);

        UUID id = UUID.randomUUID();
        ShardTask task = new ShardTask("acme/models/m/model.synth", "acme/models/m/guard.bin", "acme", settings, 15_000, true,
                "acme/generations/" + id + "/shards");
        // shard 1 finished before (a run taken over by another replica): its part must stay as it is
        task.store(store);
        assertThat(shard(root, List.of("shard", "--task", task.taskKey()), 1).output()).contains("shard 1: sampled");
        Path part1 = root.resolve(task.partKey(1));
        FileTime finishedAt = Files.getLastModifiedTime(part1);
        Object fileKey = Files.readAttributes(part1, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        ShardCoordinator coordinator = new ShardCoordinator(store, new ShardJobs(client, NS, ShardJobsTest.PODS), Duration.ofMillis(100));
        Control control = new Control();
        CompletableFuture<ShardAssembly.Assembled> run = CompletableFuture.supplyAsync(() -> {
            try {
                return coordinator.run(id, task, whole.runId(), "acme/generations/" + id + "/synthetic.csv", control);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Job job = awaitJob(id);
        int completions = job.getSpec().getCompletions();
        assertThat(completions).isEqualTo(4);
        Container pod = job.getSpec().getTemplate().getSpec().getContainers().getFirst();

        // a pod that fails (here: no store configured) exits non-zero, so Kubernetes retries its index
        assertThat(shard(null, pod.getArgs(), 3).exit()).isEqualTo(1);
        List<Process> pods = new ArrayList<>();
        for (int i = 0; i < completions; i++) {
            pods.add(start(root, pod.getArgs(), i));
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : pods) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(out).isZero();
            outputs.add(out);
        }
        assertThat(outputs.get(1)).contains("shard 1: already finished, skipped");
        assertThat(outputs.get(0)).contains("shard 0: sampled rows 0..14999");
        assertThat(outputs.get(3)).contains("shard 3: sampled rows 45000..49999");
        assertThat(Files.getLastModifiedTime(part1)).isEqualTo(finishedAt);
        assertThat(Files.readAttributes(part1, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
        complete(job, completions);

        ShardAssembly.Assembled joined = run.get(60, TimeUnit.SECONDS);
        byte[] assembled;
        try (InputStream in = store.open(joined.output().key())) {
            assembled = in.readAllBytes();
        }
        assertThat(assembled).isEqualTo(single.toByteArray());
        assertThat(joined.result()).isEqualTo(one);
        GenerationManifest manifest = GenerationManifest.of(model, settings, joined.result(), Requests.CSV).withShards(joined.shards());
        assertThat(manifest.outputSha256()).isEqualTo(one.sha256());
        assertThat(manifest.shards()).extracting(ShardRecord::rowsRequested).containsExactly(15_000L, 15_000L, 15_000L, 5_000L);
        assertThat(control.lastDone).isEqualTo(50_000);
        // the shards' parts are gone once joined
        assertThat(store.exists(task.partKey(0))).isFalse();
        assertThat(store.exists(task.taskKey())).isFalse();
    }

    @Test
    void onlyLargeRequestsWithShardingOnAreSharded() {
        GenerationSettings large = GenerationSettings.of(5_000_000, 1);
        assertThat(ShardedGeneration.applies(true, 5_000_000, model, large)).isTrue();
        assertThat(ShardedGeneration.applies(true, 5_000_000, model, GenerationSettings.of(4_999_999, 1))).isFalse();
        assertThat(ShardedGeneration.applies(false, 5_000_000, model, large)).as("sharding off: in-process").isFalse();
        // conditions on a model that samples them without its training rows shard like any request
        assertThat(model.conditioningNeedsTraining()).isFalse();
        assertThat(ShardedGeneration.applies(true, 5_000_000, model,
                large.withConditions(List.of(io.synthline.commons.api.ConditionSpec.equalTo("city", "Lyon"))))).isTrue();
    }

    @Test
    void cancellingTheRunDeletesItsJob(@TempDir Path root) throws Exception {
        DatasetStore store = stored(root);
        UUID id = UUID.randomUUID();
        ShardCoordinator coordinator = new ShardCoordinator(store, new ShardJobs(client, NS, ShardJobsTest.PODS), Duration.ofMillis(100));
        Control control = new Control();
        CompletableFuture<Void> run = runAsync(coordinator, id, control);
        awaitJob(id);
        control.cancelled.set(true);
        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Generation.CancelledException.class);
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName(ShardJobs.jobName(id)).get()).isNull();
    }

    @Test
    void aFailedJobFailsTheRunAndALostLeaseLeavesTheJobToTheNextReplica(@TempDir Path root) throws Exception {
        DatasetStore store = stored(root);
        ShardCoordinator coordinator = new ShardCoordinator(store, new ShardJobs(client, NS, ShardJobsTest.PODS), Duration.ofMillis(100));

        UUID failing = UUID.randomUUID();
        Control control = new Control();
        CompletableFuture<Void> run = runAsync(coordinator, failing, control);
        Job job = awaitJob(failing);
        job.setStatus(new JobStatusBuilder().withFailed(3).withFailedIndexes("1")
                .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True").withReason("FailedIndexes").build()).build());
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ShardCoordinator.ShardJobFailedException.class)
                .hasMessageContaining("FailedIndexes");

        UUID handedOver = UUID.randomUUID();
        Control lost = new Control();
        CompletableFuture<Void> stopped = runAsync(coordinator, handedOver, lost);
        awaitJob(handedOver);
        lost.leaseLost.set(true);
        assertThatThrownBy(() -> stopped.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Generation.CancelledException.class);
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName(ShardJobs.jobName(handedOver)).get()).isNotNull();
    }

    static CompletableFuture<Void> runAsync(ShardCoordinator coordinator, UUID id, Control control) {
        ShardTask task = new ShardTask("acme/models/m/model.synth", null, "acme", GenerationSettings.of(1_000, 1), 100, true,
                "acme/generations/" + id + "/shards");
        return CompletableFuture.runAsync(() -> {
            try {
                coordinator.run(id, task, "run-x", "acme/generations/" + id + "/synthetic.csv", control);
            } catch (Exception e) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
        });
    }

    static DatasetStore stored(Path root) throws Exception {
        DatasetStore store = new FileSystemDatasetStore(root);
        try (DatasetStore.Staged s = store.stage(model::write)) {
            s.commit("acme/models/m/model.synth");
        }
        try (DatasetStore.Staged s = store.stage(model::writeGuard)) {
            s.commit("acme/models/m/guard.bin");
        }
        return store;
    }

    Job awaitJob(UUID id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Job job = client.batch().v1().jobs().inNamespace(NS).withName(ShardJobs.jobName(id)).get();
            if (job != null) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the coordinator created no Job");
    }

    /** What the Job controller writes once every index succeeded. */
    void complete(Job job, int completions) {
        Job current = client.batch().v1().jobs().inNamespace(NS).withName(job.getMetadata().getName()).get();
        current.setStatus(new JobStatusBuilder().withSucceeded(completions).withCompletedIndexes("0-" + (completions - 1))
                .withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build()).build());
        client.batch().v1().jobs().inNamespace(NS).resource(current).updateStatus();
    }

    record Finished(int exit, String output) {
    }

    static Finished shard(Path root, List<String> args, int index) throws Exception {
        Process p = start(root, args, index);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Finished(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    /** One shard pod: the image's entry point in its own JVM, the Job's arguments, the index Kubernetes would set. */
    static Process start(Path root, List<String> args, int index) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), GeneratorMain.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("SYNTHLINE_STORE_ROOT");
        if (root != null) {
            env.put("SYNTHLINE_STORE_ROOT", root.toString());
        }
        env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
        env.put("SYNTHLINE_GENERATOR_THREADS", "1");
        return pb.start();
    }

    static final class Control implements ShardCoordinator.Control {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicBoolean leaseLost = new AtomicBoolean();
        volatile long lastDone;

        @Override
        public void progress(long rowsDone, long rowsTotal) {
            lastDone = rowsDone;
        }

        @Override
        public boolean cancelled() {
            return cancelled.get() || leaseLost.get();
        }

        @Override
        public boolean leaseLost() {
            return leaseLost.get();
        }
    }
}
