package io.synthline.service.jobs;

/** The job's lease passed to another worker (or the job was given up): this worker's outcome is discarded. */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(Job job) {
        super("lease of " + job.kind() + " job " + job.key() + " (claim " + job.leaseToken() + ") was lost");
    }
}
