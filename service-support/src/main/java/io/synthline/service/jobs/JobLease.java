package io.synthline.service.jobs;

import io.smallrye.mutiny.Uni;

/**
 * The current worker's hold on a job: renewed in the background while the handler runs, lost when
 * another worker took the job over (this one stalled past the lease) or the job timed out.
 * Handlers that work in steps check {@link #lost()} between them and stop early.
 */
public final class JobLease {
    private final Job job;
    private final JobQueue queue;
    private volatile boolean lost;
    private volatile boolean finished;

    JobLease(Job job, JobQueue queue) {
        this.job = job;
        this.queue = queue;
    }

    public Job job() {
        return job;
    }

    /** True once the lease passed to another worker or the job was given up; the outcome would be discarded. */
    public boolean lost() {
        return lost;
    }

    void markLost() {
        lost = true;
    }

    boolean finished() {
        return finished;
    }

    /**
     * Marks the job DONE. Call inside the Hibernate Reactive transaction that records the outcome:
     * fails with {@link LeaseLostException} (rolling the outcome back) when this claim is no longer
     * the job's current one.
     */
    public Uni<Void> finish() {
        return queue.finish(job).invoke(() -> finished = true);
    }
}
