package io.synthline.generator.shard;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Kubernetes side of a sharded generation: one Indexed Job per generation whose pods run the
 * generator image's shard entry point ({@code shard --task KEY}, index from
 * {@code JOB_COMPLETION_INDEX}), a watch on it, and its deletion. The Job's name is derived from
 * the generation, so a generator replica taking a run over finds the Job its predecessor created
 * instead of starting a second one.
 */
public final class ShardJobs {
    public static final String GENERATION_LABEL = "synthline.io/generation";
    public static final String COMPONENT = "generator-shard";

    /**
     * How shard pods look (from {@link io.synthline.generator.config.GeneratorConfig.Sharding}, the image resolved).
     *
     * @param storeSecret           a Secret read as environment (an object store's credentials), null: none
     * @param storeClaim            the filesystem store's volume claim, mounted at {@code storeMount}; null with an
     *                              object store, which the pods reach over the network
     * @param activeDeadlineSeconds the Job fails (its pods are stopped) once it has been active this long: a
     *                              Job left behind (its run cancelled while no generator watched it) cannot
     *                              run for ever; the generation's own timeout
     * @param keepFinishedSeconds   how long a finished (complete, failed or past its deadline) Job stays before
     *                              Kubernetes deletes it with its pods
     */
    public record PodSettings(String image, String serviceAccount, String configMap, String storeSecret, String storeClaim, String storeMount,
            String cpu, String memory, int parallelism, int backoffLimitPerIndex, long activeDeadlineSeconds, long keepFinishedSeconds) {
    }

    /** Where a Job stands; {@code succeeded} counts finished indexes. */
    public record State(Phase phase, int succeeded, String reason) {
        public boolean finished() {
            return phase != Phase.RUNNING;
        }
    }

    public enum Phase {
        RUNNING, COMPLETE, FAILED,
        /** The Job no longer exists (deleted by a cancellation or by hand). */
        GONE
    }

    private final KubernetesClient client;
    private final String namespace;
    private final PodSettings pods;

    public ShardJobs(KubernetesClient client, String namespace, PodSettings pods) {
        this.client = client;
        this.namespace = namespace;
        this.pods = pods;
    }

    public static String jobName(UUID generation) {
        return "synthline-shards-" + generation;
    }

    /** The Job of {@code shards} indexes for a generation's stored shard task. */
    public Job job(UUID generation, String taskKey, int shards) {
        List<EnvFromSource> envFrom = new java.util.ArrayList<>(List.of(new EnvFromSourceBuilder().withNewConfigMapRef()
                .withName(pods.configMap()).endConfigMapRef().build()));
        if (pods.storeSecret() != null) {
            // optional like the services' references to it: without it the SDK's default credential chain applies
            envFrom.add(new EnvFromSourceBuilder().withNewSecretRef().withName(pods.storeSecret()).withOptional(true).endSecretRef().build());
        }
        List<EnvVar> env = new java.util.ArrayList<>();
        List<VolumeMount> mounts = new java.util.ArrayList<>(List.of(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build()));
        List<Volume> volumes = new java.util.ArrayList<>(List.of(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build()));
        if (pods.storeClaim() != null) {
            env.add(new EnvVarBuilder().withName("SYNTHLINE_STORE_ROOT").withValue(pods.storeMount()).build());
            mounts.add(new VolumeMountBuilder().withName("store").withMountPath(pods.storeMount()).build());
            volumes.add(new VolumeBuilder().withName("store").withNewPersistentVolumeClaim().withClaimName(pods.storeClaim())
                    .endPersistentVolumeClaim().build());
        }
        Map<String, String> labels = Map.of("app.kubernetes.io/name", COMPONENT, "app.kubernetes.io/component", COMPONENT,
                "app.kubernetes.io/part-of", "synthline", GENERATION_LABEL, generation.toString());
        return new JobBuilder()
                .withNewMetadata().withName(jobName(generation)).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withCompletions(shards)
                .withParallelism(Math.max(1, Math.min(pods.parallelism(), shards)))
                // a failed pod is retried for its index only; an index out of retries fails the Job at once
                .withBackoffLimitPerIndex(pods.backoffLimitPerIndex())
                .withMaxFailedIndexes(0)
                .withActiveDeadlineSeconds(pods.activeDeadlineSeconds())
                .withTtlSecondsAfterFinished((int) pods.keepFinishedSeconds())
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(pods.serviceAccount())
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("shard")
                .withImage(pods.image())
                .withArgs(ShardMain.COMMAND, ShardMain.TASK_OPTION, taskKey)
                .withEnvFrom(envFrom)
                .withEnv(env)
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity(pods.cpu()), "memory", new Quantity(pods.memory())))
                .withLimits(Map.of("memory", new Quantity(pods.memory())))
                .endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withVolumeMounts(mounts)
                .endContainer()
                .withVolumes(volumes)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** Creates the generation's Job, or returns the one already there (a run taken over by another replica). */
    public Job start(UUID generation, String taskKey, int shards) {
        Job existing = client.batch().v1().jobs().inNamespace(namespace).withName(jobName(generation)).get();
        if (existing != null) {
            return existing;
        }
        return client.batch().v1().jobs().inNamespace(namespace).resource(job(generation, taskKey, shards)).create();
    }

    /** Deletes the generation's Job and, in the background, its pods. */
    public void delete(UUID generation) {
        client.batch().v1().jobs().inNamespace(namespace).withName(jobName(generation))
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    /** Starts watching the generation's Job (an informer on that one Job); close the watch when done. */
    public Watch watch(UUID generation) {
        return new Watch(generation);
    }

    static State state(Job job) {
        if (job == null) {
            return new State(Phase.GONE, 0, "the shard Job was deleted");
        }
        JobStatus status = job.getStatus();
        if (status == null) {
            return new State(Phase.RUNNING, 0, null);
        }
        int succeeded = Objects.requireNonNullElse(status.getSucceeded(), 0);
        List<JobCondition> conditions = Objects.requireNonNullElse(status.getConditions(), List.of());
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                String why = c.getReason() == null ? "failed" : c.getReason();
                return new State(Phase.FAILED, succeeded, c.getMessage() == null ? why : why + ": " + c.getMessage());
            }
        }
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                return new State(Phase.COMPLETE, succeeded, null);
            }
        }
        return new State(Phase.RUNNING, succeeded, null);
    }

    /** The latest state of one Job as its informer sees it; {@link #next} waits for a change. */
    public final class Watch implements AutoCloseable {
        private final SharedIndexInformer<Job> informer;
        private State state = new State(Phase.RUNNING, 0, null);
        private boolean seen;

        Watch(UUID generation) {
            informer = client.batch().v1().jobs().inNamespace(namespace).withName(jobName(generation)).inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Job job) {
                    update(job);
                }

                @Override
                public void onUpdate(Job old, Job job) {
                    update(job);
                }

                @Override
                public void onDelete(Job job, boolean unknownFinalState) {
                    update(null);
                }
            }, 0);
        }

        private synchronized void update(Job job) {
            seen |= job != null;
            state = seen ? state(job) : state;
            notifyAll();
        }

        /** The state after at most {@code wait}: at once when the Job has finished or is gone. */
        public synchronized State next(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            State before = state;
            while (!state.finished() && state.equals(before)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return state;
        }

        @Override
        public void close() {
            informer.close();
        }
    }
}
