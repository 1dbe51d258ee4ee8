package io.synthline.service.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.synthline.commons.api.BadInputException;
import io.synthline.service.config.JobsConfig;
import io.synthline.service.persistence.BlockingTx;
import io.synthline.service.scheduling.OncePerPeriod;
import io.synthline.service.scheduling.Replica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs the jobs of every {@link JobHandler} on worker threads of their own (never on a Kafka
 * consumer's thread, never on the Vert.x pools): {@code synthline.jobs.<kind>.concurrency} workers
 * per kind claim jobs, renew their lease every third of {@code synthline.jobs.lease} while the
 * handler runs, and
 * <ul>
 * <li>retry an attempt that threw, after {@code retry-backoff} (doubling), up to {@code max-attempts};</li>
 * <li>give a job up with a reason (recorded by the handler where users see it) when it keeps failing,
 *     when its workers keep dying on it (lease expired: killed, out of memory), or when it runs
 *     past {@code synthline.jobs.<kind>.timeout};</li>
 * <li>on shutdown hand their jobs back to the queue, not counting the attempt.</li>
 * </ul>
 * Workers poll every {@code poll-interval} and are woken at once by {@link #wake} after a local enqueue.
 */
@ApplicationScoped
public class JobWorkers {
    private static final Logger LOG = Logger.getLogger(JobWorkers.class);

    @Inject
    JobQueue queue;

    @Inject
    Instance<JobHandler> handlers;

    @Inject
    MeterRegistry meters;

    @Inject
    OncePerPeriod oncePerPeriod;

    @Inject
    JobsConfig config;

    private final Map<String, Object> signals = new ConcurrentHashMap<>();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService timers;
    private String workerId;
    private volatile boolean stopping;

    /** A job being run by one of this process's workers. */
    private record Running(Job job, JobLease lease, Thread thread, long startedNanos) {
    }

    void start(@Observes StartupEvent startup) {
        workerId = config.workerId().orElseGet(Replica::id);
        timers = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "job-leases");
            t.setDaemon(true);
            return t;
        });
        long renewMillis = Math.max(100, config.lease().toMillis() / 3);
        timers.scheduleWithFixedDelay(this::renewLeases, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::purge, 60, 600, TimeUnit.SECONDS);
        for (JobHandler handler : handlers) {
            String kind = handler.kind();
            signals.put(kind, new Object());
            int concurrency = config.concurrency(kind);
            for (int i = 0; i < concurrency; i++) {
                Thread t = new Thread(() -> loop(handler), "job-" + kind + "-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            registerGauges(kind);
            LOG.infof("job workers: %d for %s jobs as %s (lease %s, at most %d attempts, timeout %s)", concurrency, kind, workerId,
                    config.lease(), config.maxAttempts(), timeout(kind));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        signals.values().forEach(this::signalAll);
        for (Running r : running) {
            r.lease().markLost();
            try {
                if (queue.release(r.job()).await().atMost(Duration.ofSeconds(5))) {
                    LOG.infof("%s job %s handed back to the queue (shutting down)", r.job().kind(), r.job().key());
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s job %s could not be handed back (%s); its lease expires in %s", r.job().kind(), r.job().key(),
                        e.getMessage(), config.lease());
            }
            r.thread().interrupt();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    /** Wakes this process's idle workers of {@code kind} (call after a job was queued and committed). */
    public void wake(String kind) {
        Object signal = signals.get(kind);
        if (signal != null) {
            signalAll(signal);
        }
    }

    /** The id this process's workers claim jobs under (shown in job states). */
    public String workerId() {
        return workerId;
    }

    private void signalAll(Object signal) {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop(JobHandler handler) {
        Object signal = signals.get(handler.kind());
        String lastProblem = null;
        while (!stopping) {
            Job job;
            try {
                job = queue.claim(handler.kind(), workerId, config.lease()).await().atMost(Duration.ofSeconds(30));
                lastProblem = null;
            } catch (RuntimeException e) {
                if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                    LOG.warnf("%s workers cannot claim jobs, will retry: %s", handler.kind(), e.getMessage());
                    lastProblem = String.valueOf(e.getMessage());
                }
                job = null;
            }
            if (job == null) {
                synchronized (signal) {
                    try {
                        signal.wait(config.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.interrupted();
                    }
                }
                continue;
            }
            run(handler, job);
            Thread.interrupted(); // an interrupt meant for the finished job must not reach the next one
        }
    }

    private void run(JobHandler handler, Job job) {
        if (job.attempt() > config.maxAttempts()) {
            giveUp(handler, job, "gave up after " + config.maxAttempts() + " attempts; the last one: " + job.lastError());
            return;
        }
        JobLease jobLease = new JobLease(job, queue);
        Running r = new Running(job, jobLease, Thread.currentThread(), System.nanoTime());
        running.add(r);
        try {
            if (job.attempt() > 1) {
                LOG.infof("%s job %s: attempt %d of %d (previous: %s)", job.kind(), job.key(), job.attempt(), config.maxAttempts(),
                        job.lastError());
            }
            handler.run(job, jobLease);
            if (!jobLease.finished() && !jobLease.lost()) {
                // the handler found nothing to do (its outcome was recorded before, e.g. by a redelivery)
                BlockingTx.inTransaction(jobLease::finish);
            }
        } catch (LeaseLostException e) {
            LOG.infof("%s job %s: outcome discarded, another worker holds the job now or it was given up", job.kind(), job.key());
        } catch (Throwable e) {
            failed(handler, job, jobLease, e);
        } finally {
            running.remove(r);
        }
    }

    private void failed(JobHandler handler, Job job, JobLease jobLease, Throwable e) {
        if (jobLease.lost() || stopping) {
            LOG.infof("%s job %s: attempt %d ended after its lease was lost: %s", job.kind(), job.key(), job.attempt(), e);
            return;
        }
        String reason = reason(e);
        if (e instanceof Error && !(e instanceof OutOfMemoryError)) {
            LOG.errorf(e, "%s job %s: attempt %d failed", job.kind(), job.key(), job.attempt());
        }
        if (job.attempt() >= config.maxAttempts()) {
            giveUp(handler, job, "gave up after " + config.maxAttempts() + " attempts; the last one: " + reason);
            return;
        }
        Duration delay = config.retryBackoff().multipliedBy(1L << Math.min(10, job.attempt() - 1));
        LOG.warnf("%s job %s: attempt %d of %d failed (%s), retrying in %s", job.kind(), job.key(), job.attempt(), config.maxAttempts(),
                reason, delay);
        try {
            queue.retryLater(job, reason, delay).await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException again) {
            LOG.warnf("%s job %s: could not queue the retry (%s); the lease expires in %s and the job is claimed again",
                    job.kind(), job.key(), again.getMessage(), config.lease());
        }
    }

    /** What a failed attempt tells the user: never a Java class name, never raw data. */
    private static String reason(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "ran out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)";
        }
        if (e instanceof BadInputException b) {
            return b.getMessage();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "job attempt failed (error id %s)", errorId);
        return "internal error, error id " + errorId;
    }

    private void giveUp(JobHandler handler, Job job, String reason) {
        try {
            BlockingTx.inTransaction(() -> queue.fail(job, reason).chain(() -> handler.giveUp(job, reason)));
            LOG.warnf("%s job %s given up: %s", job.kind(), job.key(), reason);
        } catch (LeaseLostException e) {
            LOG.infof("%s job %s: not given up here, another worker holds it", job.kind(), job.key());
        } catch (RuntimeException e) {
            LOG.warnf("%s job %s: could not record the give-up (%s); retried when the lease expires", job.kind(), job.key(),
                    e.getMessage());
        }
    }

    /** Renews the lease of every running job and gives up those past their timeout. */
    private void renewLeases() {
        for (Running r : running) {
            if (r.lease().lost()) {
                continue;
            }
            Duration timeout = timeout(r.job().kind());
            if (System.nanoTime() - r.startedNanos() > timeout.toNanos()) {
                JobHandler handler = handlers.stream().filter(h -> h.kind().equals(r.job().kind())).findFirst().orElseThrow();
                giveUp(handler, r.job(), "did not finish within " + timeout + " (synthline.jobs." + r.job().kind() + ".timeout)");
                r.lease().markLost();
                r.thread().interrupt();
                continue;
            }
            try {
                if (!queue.renew(r.job(), config.lease()).await().atMost(config.lease().dividedBy(3))) {
                    r.lease().markLost();
                    LOG.warnf("%s job %s: lease lost (another worker took it over)", r.job().kind(), r.job().key());
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s job %s: lease not renewed, will retry: %s", r.job().kind(), r.job().key(), e.getMessage());
            }
        }
    }

    private Duration timeout(String kind) {
        return config.timeout(kind);
    }

    private void purge() {
        try {
            Integer n = oncePerPeriod.run("job-purge", Duration.ofHours(1), () -> queue.purgeFinished(config.retention()))
                    .await().atMost(Duration.ofMinutes(1));
            if (n != null && n > 0) {
                LOG.infof("job queue: removed %d jobs finished more than %s ago", n, config.retention());
            }
        } catch (RuntimeException e) {
            LOG.debugf("job purge failed, will retry: %s", e.getMessage());
        }
    }

    /** {@code synthline_jobs{kind, status}}: queued and running jobs of all replicas (refreshed every 15 s). */
    private void registerGauges(String kind) {
        AtomicLong queued = new AtomicLong();
        AtomicLong runningJobs = new AtomicLong();
        meters.gauge("synthline.jobs", Tags.of("kind", kind, "status", "queued"), queued);
        meters.gauge("synthline.jobs", Tags.of("kind", kind, "status", "running"), runningJobs);
        timers.scheduleWithFixedDelay(() -> {
            try {
                Map<String, Long> counts = queue.counts(kind).await().atMost(Duration.ofSeconds(10));
                queued.set(counts.get(JobQueue.QUEUED));
                runningJobs.set(counts.get(JobQueue.RUNNING));
            } catch (RuntimeException e) {
                LOG.debugf("job gauges not refreshed: %s", e.getMessage());
            }
        }, 5, 15, TimeUnit.SECONDS);
    }
}
