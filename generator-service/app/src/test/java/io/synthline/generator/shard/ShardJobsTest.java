package io.synthline.generator.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shard Job's lifecycle against fabric8's mock API server in CRUD mode: spec, status transitions, deletion. */
@EnableKubernetesMockClient(crud = true)
class ShardJobsTest {
    static final ShardJobs.PodSettings PODS = new ShardJobs.PodSettings("registry.example.com/synthline/generator-service:0.1.0",
            "synthline-generator-shard", "synthline-config", "synthline-store-s3", "synthline-store", "/data/store", "1", "2Gi", 4, 2, 7200, 3600);

    KubernetesClient client;

    ShardJobs jobs() {
        return new ShardJobs(client, "synthline", PODS);
    }

    @Test
    void createsOneIndexedJobPerGenerationWithThePodsSpec() {
        UUID id = UUID.randomUUID();
        ShardJobs jobs = jobs();
        jobs.start(id, "acme/generations/" + id + "/shards/task.json", 7);
        jobs.start(id, "acme/generations/" + id + "/shards/task.json", 7); // a replica taking over finds the same Job
        assertThat(client.batch().v1().jobs().inNamespace("synthline").list().getItems()).hasSize(1);

        Job job = client.batch().v1().jobs().inNamespace("synthline").withName(ShardJobs.jobName(id)).get();
        assertThat(job.getMetadata().getLabels()).containsEntry(ShardJobs.GENERATION_LABEL, id.toString());
        var spec = job.getSpec();
        assertThat(spec.getCompletionMode()).isEqualTo("Indexed");
        assertThat(spec.getCompletions()).isEqualTo(7);
        assertThat(spec.getParallelism()).isEqualTo(4);
        assertThat(spec.getBackoffLimitPerIndex()).isEqualTo(2);
        assertThat(spec.getMaxFailedIndexes()).isZero();
        // bounded even when no generator watches it (its run cancelled meanwhile): failed at the generation's
        // timeout, then deleted with its pods an hour after finishing
        assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(7200L);
        assertThat(spec.getTtlSecondsAfterFinished()).isEqualTo(3600);
        PodSpec pod = spec.getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never"); // required by backoffLimitPerIndex
        assertThat(pod.getServiceAccountName()).isEqualTo("synthline-generator-shard");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        Container c = pod.getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo(PODS.image());
        assertThat(c.getArgs()).containsExactly("shard", "--task", "acme/generations/" + id + "/shards/task.json");
        assertThat(c.getEnvFrom().getFirst().getConfigMapRef().getName()).isEqualTo("synthline-config");
        assertThat(c.getEnvFrom().get(1).getSecretRef().getName()).isEqualTo("synthline-store-s3");
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("SYNTHLINE_STORE_ROOT");
            assertThat(e.getValue()).isEqualTo("/data/store");
        });
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getResources().getLimits()).containsKey("memory");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .extracting(v -> v.getPersistentVolumeClaim().getClaimName()).containsExactly("synthline-store");
        // a small request gets no more pods than shards
        UUID small = UUID.randomUUID();
        assertThat(jobs.start(small, "k", 2).getSpec().getParallelism()).isEqualTo(2);
    }

    @Test
    void withAnObjectStoreThePodsReadItsSettingsAndSecretAndMountNoVolume() {
        ShardJobs.PodSettings s3 = new ShardJobs.PodSettings(PODS.image(), PODS.serviceAccount(), PODS.configMap(), "synthline-object-storage",
                null, PODS.storeMount(), PODS.cpu(), PODS.memory(), 4, 2, 7200, 3600);
        UUID id = UUID.randomUUID();
        PodSpec pod = new ShardJobs(client, "synthline", s3).start(id, "task", 3).getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().getFirst();
        assertThat(c.getEnvFrom()).extracting(e -> e.getConfigMapRef() != null ? "configMap " + e.getConfigMapRef().getName()
                : "secret " + e.getSecretRef().getName()).containsExactly("configMap synthline-config", "secret synthline-object-storage");
        assertThat(c.getEnvFrom().get(1).getSecretRef().getOptional()).isTrue();
        assertThat(c.getEnv()).noneMatch(e -> e.getName().equals("SYNTHLINE_STORE_ROOT"));
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("tmp");
        assertThat(c.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/tmp");
    }

    @Test
    void aJobPastItsDeadlineFailsTheRunWithKubernetesReason() throws Exception {
        UUID id = UUID.randomUUID();
        ShardJobs jobs = jobs();
        jobs.start(id, "task", 3);
        try (ShardJobs.Watch watch = jobs.watch(id)) {
            // what the Job controller writes when activeDeadlineSeconds passes: the pods are stopped, the Job failed
            setStatus(id, new JobStatusBuilder().withSucceeded(1).withFailed(0)
                    .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True").withReason("DeadlineExceeded")
                            .withMessage("Job was active longer than specified deadline").build()).build());
            ShardJobs.State failed = awaitState(watch, ShardJobs.State::finished);
            assertThat(failed.phase()).isEqualTo(ShardJobs.Phase.FAILED);
            assertThat(failed.reason()).isEqualTo("DeadlineExceeded: Job was active longer than specified deadline");
        }
    }

    @Test
    void theWatchFollowsTheJobToCompletion() throws Exception {
        UUID id = UUID.randomUUID();
        ShardJobs jobs = jobs();
        jobs.start(id, "task", 3);
        try (ShardJobs.Watch watch = jobs.watch(id)) {
            assertThat(watch.next(Duration.ofMillis(300)).phase()).isEqualTo(ShardJobs.Phase.RUNNING);
            setStatus(id, new JobStatusBuilder().withActive(1).withSucceeded(2).withCompletedIndexes("0-1").build());
            ShardJobs.State running = awaitState(watch, s -> s.succeeded() == 2);
            assertThat(running.phase()).isEqualTo(ShardJobs.Phase.RUNNING);
            setStatus(id, new JobStatusBuilder().withSucceeded(3).withCompletedIndexes("0-2")
                    .withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build()).build());
            ShardJobs.State done = awaitState(watch, ShardJobs.State::finished);
            assertThat(done.phase()).isEqualTo(ShardJobs.Phase.COMPLETE);
            assertThat(done.succeeded()).isEqualTo(3);
        }
    }

    @Test
    void aShardOutOfRetriesFailsTheRunWithKubernetesReason() throws Exception {
        UUID id = UUID.randomUUID();
        ShardJobs jobs = jobs();
        jobs.start(id, "task", 3);
        try (ShardJobs.Watch watch = jobs.watch(id)) {
            setStatus(id, new JobStatusBuilder().withSucceeded(1).withFailedIndexes("2").withFailed(3)
                    .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True").withReason("FailedIndexes")
                            .withMessage("Job has failed indexes").build()).build());
            ShardJobs.State failed = awaitState(watch, ShardJobs.State::finished);
            assertThat(failed.phase()).isEqualTo(ShardJobs.Phase.FAILED);
            assertThat(failed.reason()).isEqualTo("FailedIndexes: Job has failed indexes");
        }
    }

    @Test
    void cancellingDeletesTheJobAndTheWatchSeesItGone() throws Exception {
        UUID id = UUID.randomUUID();
        ShardJobs jobs = jobs();
        jobs.start(id, "task", 3);
        try (ShardJobs.Watch watch = jobs.watch(id)) {
            awaitState(watch, s -> true);
            jobs.delete(id);
            assertThat(client.batch().v1().jobs().inNamespace("synthline").withName(ShardJobs.jobName(id)).get()).isNull();
            assertThat(awaitState(watch, ShardJobs.State::finished).phase()).isEqualTo(ShardJobs.Phase.GONE);
        }
    }

    /** What the Job controller does: writes the Job's status. */
    void setStatus(UUID id, io.fabric8.kubernetes.api.model.batch.v1.JobStatus status) {
        Job job = client.batch().v1().jobs().inNamespace("synthline").withName(ShardJobs.jobName(id)).get();
        job.setStatus(status);
        client.batch().v1().jobs().inNamespace("synthline").resource(job).updateStatus();
    }

    static ShardJobs.State awaitState(ShardJobs.Watch watch, java.util.function.Predicate<ShardJobs.State> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ShardJobs.State s = watch.next(Duration.ofMillis(100));
        while (!until.test(s) && System.nanoTime() < deadline) {
            s = watch.next(Duration.ofMillis(100));
        }
        assertThat(until.test(s)).as("state reached within 10 s, last %s", s).isTrue();
        return s;
    }
}
