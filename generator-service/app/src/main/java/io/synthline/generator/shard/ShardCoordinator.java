package io.synthline.generator.shard;

import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.shard.ShardAssembly;
import io.synthline.generator.engine.shard.ShardTask;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs one sharded generation from the generator's side: stores the shard task, starts (or finds)
 * its Indexed Job unless every shard has finished already, follows the Job through its informer
 * while reporting progress and looking for a cancellation, then joins the shards into the output.
 * A cancelled run deletes the Job (its pods in the background); a run whose lease passed to
 * another replica only stops watching, since that replica carries on with the same Job.
 */
public final class ShardCoordinator {

    /** Progress and cancellation of the run; {@link #cancelled()} is also true once the lease is lost. */
    public interface Control extends Generation.Listener {
        /** True when another replica took the run over (the Job must then be left running). */
        boolean leaseLost();
    }

    /** The Job failed (a shard out of retries) or disappeared before it finished. */
    public static final class ShardJobFailedException extends RuntimeException {
        public ShardJobFailedException(String message) {
            super(message);
        }
    }

    private final DatasetStore store;
    private final ShardJobs jobs;
    private final Duration poll;

    public ShardCoordinator(DatasetStore store, ShardJobs jobs, Duration poll) {
        this.store = store;
        this.jobs = jobs;
        this.poll = poll;
    }

    /**
     * @param runId the whole request's run id ({@link Generation#runId()})
     * @throws Generation.CancelledException when cancelled or the lease was lost
     * @throws ShardJobFailedException       when the Job failed or was deleted by someone else
     */
    public ShardAssembly.Assembled run(UUID generation, ShardTask task, String runId, String outputKey, Control control)
            throws IOException, InterruptedException {
        if (!store.exists(task.taskKey())) {
            task.store(store);
        }
        long total = task.settings().rows();
        if (!ShardAssembly.unfinished(store, task).isEmpty()) {
            jobs.start(generation, task.taskKey(), task.plan().count());
            try (ShardJobs.Watch watch = jobs.watch(generation)) {
                ShardJobs.State state;
                do {
                    state = watch.next(poll);
                    control.progress(Math.min(total, state.succeeded() * task.shardRows()), total);
                    if (control.leaseLost()) {
                        throw new Generation.CancelledException();
                    }
                    if (control.cancelled()) {
                        jobs.delete(generation);
                        throw new Generation.CancelledException();
                    }
                } while (!state.finished());
                if (state.phase() != ShardJobs.Phase.COMPLETE) {
                    throw new ShardJobFailedException("the shard Job " + ShardJobs.jobName(generation) + " did not complete: "
                            + state.reason());
                }
            }
        }
        ShardAssembly.Assembled assembled = ShardAssembly.assemble(store, task, runId, outputKey);
        ShardAssembly.delete(store, task);
        return assembled;
    }
}
