package io.synthline.service.jobs;

import io.smallrye.mutiny.Uni;

/**
 * The work of one kind of job. Implementations are CDI beans; {@link JobWorkers} finds them and
 * runs {@code synthline.jobs.<kind>.concurrency} workers for each.
 */
public interface JobHandler {
    /** The job kind this handler runs (the {@code kind} column). */
    String kind();

    /**
     * Runs the job on a worker thread (blocking). Records the outcome in one transaction that also
     * calls {@link JobLease#finish()}, so that the outcome is written once even if the lease was
     * lost to another worker meanwhile. An outcome the user caused (bad input) is an outcome, not an
     * exception; an exception means "try again" until {@code max-attempts}, then {@link #giveUp}.
     */
    void run(Job job, JobLease lease) throws Exception;

    /**
     * Records that the job is given up, with the reason, in the Hibernate Reactive transaction that
     * marks the job FAILED (same transaction: the reason is never lost, never recorded twice).
     */
    Uni<Void> giveUp(Job job, String reason);
}
