package io.synthline.commons.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * Maps independent work items over a few threads and returns the results in item order, so that
 * what is computed never depends on how many threads computed it. The one way engines run work in
 * parallel: a thread count the user gives ({@code --threads}, a service setting) bounds it, which
 * the common fork-join pool of parallel streams would not.
 *
 * <p>An instance keeps its threads for several maps in a row (a profile runs three after its pass;
 * starting and stopping a pool of two threads costs about 0.2-0.4 ms each time); the static
 * {@code map} methods open one for a single map. Threads start only when work is handed out. Not
 * re-entrant: work running on a pool must not map on the same pool.
 */
public final class Parallel implements AutoCloseable {
    /** Null when single-threaded: work runs on the caller. */
    private final ExecutorService pool;

    private Parallel(int threads, String name) {
        this.pool = threads <= 1 ? null
                : Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(name + "-", 0).factory());
    }

    /** All cores. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** A pool of {@code threads} daemon threads named {@code name-0}, {@code name-1}, ...; close it when done. */
    public static Parallel open(int threads, String name) {
        return new Parallel(threads, name);
    }

    /** {@link #map(List, int, Function)} on a pool of its own. */
    public static <T, R> List<R> map(List<T> items, int threads, int chunks, String name, Function<T, R> work) {
        try (Parallel parallel = open(Math.min(threads, items.size()), name)) {
            return parallel.map(items, chunks, work);
        }
    }

    /** Task {@code i} for every {@code i} below {@code tasks}, each handed out on its own, on a pool of its own. */
    public static <T> List<T> map(int tasks, int threads, String name, IntFunction<T> task) {
        try (Parallel parallel = open(Math.min(threads, tasks), name)) {
            return parallel.map(tasks, task);
        }
    }

    /** The results of task {@code i} for every {@code i} below {@code tasks}, in index order, each task handed out on its own. */
    public <T> List<T> map(int tasks, IntFunction<T> task) {
        List<Integer> indexes = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            indexes.add(i);
        }
        return map(indexes, tasks, task::apply);
    }

    /**
     * Runs task {@code i} for every {@code i} below {@code tasks}, each handed out on its own, and returns once
     * all are done; what the tasks wrote is then visible to the caller. Tasks must write to disjoint places.
     */
    public void forEach(int tasks, IntConsumer task) {
        map(tasks, i -> {
            task.accept(i);
            return null;
        });
    }

    /**
     * @param chunks items are handed out in this many chunks (more chunks balance uneven items)
     */
    public <T, R> List<R> map(List<T> items, int chunks, Function<T, R> work) {
        int size = Math.max(1, (items.size() + chunks - 1) / Math.max(1, chunks));
        if (pool == null || items.size() <= size) {
            return items.stream().map(work).toList();
        }
        try {
            List<Future<List<R>>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += size) {
                List<T> chunk = items.subList(from, Math.min(items.size(), from + size));
                futures.add(pool.submit(() -> chunk.stream().map(work).toList()));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<List<R>> f : futures) {
                out.addAll(result(f));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Produces results {@code 0 .. tasks - 1} on the pool, at most {@code window} ahead of the consumer, and
     * hands them to {@code consumer} on the calling thread in index order: an ordered stream whose memory
     * stays bounded by the window. Single-threaded, each result is produced and consumed in turn on the
     * caller. When the consumer or a task throws, the results still in flight are cancelled.
     */
    public <R> void forEachOrdered(long tasks, int window, LongFunction<R> produce, Consumer<R> consumer)
            throws InterruptedException {
        if (pool == null) {
            for (long i = 0; i < tasks; i++) {
                consumer.accept(produce.apply(i));
            }
            return;
        }
        Deque<Future<R>> inFlight = new ArrayDeque<>();
        long next = 0;
        try {
            for (long i = 0; i < tasks; i++) {
                while (next < tasks && inFlight.size() < Math.max(1, window)) {
                    long index = next++;
                    inFlight.add(pool.submit(() -> produce.apply(index)));
                }
                consumer.accept(result(inFlight.poll()));
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    /** The task's result, or what it threw: a runtime exception or error as itself, anything else wrapped. */
    private static <R> R result(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
