package io.synthline.generator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent tasks on a bounded number of threads and returns results by task index, so
 * that what is computed never depends on how many threads computed it.
 */
public final class Parallel {
    private Parallel() {
    }

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static <T> List<T> map(int tasks, int threads, IntFunction<T> task) {
        List<T> results = new ArrayList<>(tasks);
        if (threads <= 1 || tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                results.add(task.apply(i));
            }
            return results;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks), r -> {
            Thread t = new Thread(r, "synthline-fit");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<T>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
