package io.synthline.generator.shard;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.config.GeneratorConfig;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.shard.ShardAssembly;
import io.synthline.generator.engine.shard.ShardPlan;
import io.synthline.generator.engine.shard.ShardTask;
import io.synthline.service.config.JobsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a generation is sharded ({@link GeneratorConfig.Sharding}) and runs it so. The Kubernetes
 * client is only created for the first sharded run: a generator with sharding off never talks to
 * an API server.
 */
@ApplicationScoped
public class ShardedGeneration {
    @Inject
    GeneratorConfig generator;

    @Inject
    DatasetStore store;

    @Inject
    Instance<KubernetesClient> clients;

    /** A run's time budget per attempt ({@code generation} jobs): its shard Job gets the same as its active deadline. */
    @Inject
    JobsConfig jobsConfig;

    /**
     * {@code s3}: shard pods reach the store over the network and mount no volume. Not a mapping:
     * {@code synthline.store.*} belongs to StoreSettings, shared with the CLI (see StoreProducer).
     */
    @ConfigProperty(name = "synthline.store.kind", defaultValue = "filesystem")
    String storeKind;

    private volatile ShardCoordinator coordinator;

    /**
     * Sharding on, at least the configured rows, and a model that samples without its training
     * rows (a tree conditioned or rebalanced grows again on the dataset, which stays in-process).
     */
    public boolean applies(SynthesisModel model, GenerationSettings settings) {
        return applies(generator.sharding().enabled(), generator.sharding().minRows(), model, settings);
    }

    static boolean applies(boolean enabled, long minRows, SynthesisModel model, GenerationSettings settings) {
        return enabled && settings.rows() >= minRows
                && !(model.conditioningNeedsTraining() && (!settings.conditions().isEmpty() || settings.rebalance() != null));
    }

    /**
     * @param modelKey  the stored model the shards load
     * @param guardKey  its copy guard (null: none)
     * @param scope     the tenant (enters the run id as in {@code generation})
     * @param outputKey where the joined file is committed
     */
    public ShardAssembly.Assembled run(UUID id, String scope, String modelKey, String guardKey, Generation generation,
            GenerationSettings settings, String outputKey, ShardCoordinator.Control control) throws IOException, InterruptedException {
        ShardPlan plan = ShardPlan.of(settings.rows(), generator.sharding().shardRows(), generator.sharding().maxShards());
        String prefix = outputKey.substring(0, outputKey.lastIndexOf('/')) + "/shards";
        ShardTask task = new ShardTask(modelKey, guardKey, scope, settings, plan.shardRows(), true, prefix);
        return coordinator().run(id, task, generation.runId(), outputKey, control);
    }

    private ShardCoordinator coordinator() {
        if (coordinator == null) {
            synchronized (this) {
                if (coordinator == null) {
                    GeneratorConfig.Sharding config = generator.sharding();
                    KubernetesClient client = clients.get();
                    String namespace = config.namespace().orElseGet(client::getNamespace);
                    String image = config.image().orElseGet(() -> ownImage(client, namespace));
                    String claim = "s3".equalsIgnoreCase(storeKind.trim()) ? null : config.storeClaim();
                    ShardJobs jobs = new ShardJobs(client, namespace, new ShardJobs.PodSettings(image, config.serviceAccount(),
                            config.configMap(), config.storeSecret().orElse(null), claim, config.storeMount(), config.cpu(), config.memory(),
                            config.parallelism(), config.backoffLimitPerIndex(), jobsConfig.timeout("generation").toSeconds(),
                            config.keepFinished().toSeconds()));
                    coordinator = new ShardCoordinator(store, jobs, config.pollInterval());
                }
            }
        }
        return coordinator;
    }

    /** The image of the generator's own pod (its name is the pod's hostname), so shards run the same build. */
    private static String ownImage(KubernetesClient client, String namespace) {
        String podName = System.getenv("HOSTNAME");
        Pod pod = podName == null ? null : client.pods().inNamespace(namespace).withName(podName).get();
        if (pod == null) {
            throw new IllegalStateException("sharded generation needs synthline.generator.sharding.image when the generator does not"
                    + " run in a pod");
        }
        return pod.getSpec().getContainers().getFirst().getImage();
    }
}
