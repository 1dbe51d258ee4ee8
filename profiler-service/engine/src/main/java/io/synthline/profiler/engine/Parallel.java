package io.synthline.profiler.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps independent work items over a few threads and returns the results in item order. */
public final class Parallel {
    private Parallel() {
    }

    /**
     * @param chunks items are handed out in this many chunks (more chunks balance uneven items)
     */
    public static <T, R> List<R> map(List<T> items, int threads, int chunks, String name, Function<T, R> work) {
        if (threads <= 1 || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        int size = Math.max(1, (items.size() + chunks - 1) / chunks);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()),
                Thread.ofPlatform().daemon().name(name + "-", 0).factory())) {
            List<Future<List<R>>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += size) {
                List<T> chunk = items.subList(from, Math.min(items.size(), from + size));
                futures.add(pool.submit(() -> chunk.stream().map(work).toList()));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<List<R>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
}
