package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.TableSummary;
import io.synthline.commons.table.RowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The single pass over the rows. The calling thread reads (parsing is sequential by nature) and
 * fills batches; worker threads own fixed groups of columns and update their accumulators batch
 * by batch, in file order; the reader then feeds the batch's quantile sketches (see
 * {@link SeededKll}). Every column therefore sees exactly the same values in the same order
 * and the same batch boundaries whatever the thread count, which is what makes results identical
 * to a single-threaded run. Row-level work that spans columns (duplicate rows) is combined by the
 * reader, batch by batch, in order.
 */
public final class ProfilePass {
    /**
     * Cells per batch: large enough to amortise hand-over, small enough that the batches in flight
     * (whose cells are live when a young collection runs, and get copied and promoted) stay a few MB.
     */
    private static final int BATCH_CELLS = 1 << 14;

    private final RowSource source;
    private final List<ColumnAccumulator> columns;
    private final int threads;
    private final RowSampler sampler;
    private final DuplicateRowTracker duplicates;
    private long rows;

    public ProfilePass(RowSource source, List<ColumnAccumulator> columns, int threads, int sampleRows, long seed,
            int duplicateTrackerRows) {
        this.source = source;
        this.columns = columns;
        this.threads = Math.max(1, Math.min(threads, Math.max(1, columns.size())));
        this.sampler = new RowSampler(sampleRows, seed);
        this.duplicates = new DuplicateRowTracker(duplicateTrackerRows);
    }

    public long rows() {
        return rows;
    }

    public int sampleSize() {
        return sampler.size();
    }

    public boolean sampled() {
        return sampler.sampled();
    }

    public TableSummary.DuplicateRows duplicates() {
        return duplicates.result();
    }

    public void run() {
        int n = columns.size();
        int capacity = Math.max(8, Math.min(4096, BATCH_CELLS / Math.max(1, n)));
        if (threads == 1) {
            RowBatch batch = new RowBatch(n, capacity, 1);
            long index = 0;
            while (fill(batch)) {
                batch.index = index++;
                process(batch, 0, 1);
                finish(batch);
            }
            return;
        }
        runParallel(n, capacity);
    }

    private void runParallel(int n, int capacity) {
        int groups = threads;
        int inFlight = groups + 2;
        List<BlockingQueue<RowBatch>> queues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RowBatch poison = new RowBatch(0, 0, 0);
        for (int g = 0; g < groups; g++) {
            BlockingQueue<RowBatch> q = new ArrayBlockingQueue<>(inFlight + 1);
            queues.add(q);
            int group = g;
            Thread t = Thread.ofPlatform().daemon().name("profiler-columns-" + g).unstarted(() -> {
                try {
                    while (true) {
                        RowBatch b = q.take();
                        if (b == poison) {
                            return;
                        }
                        try {
                            if (failure.get() == null) {
                                process(b, group, groups);
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            b.done.countDown();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.add(t);
            t.start();
        }
        RowBatch[] ring = new RowBatch[inFlight];
        for (int i = 0; i < inFlight; i++) {
            ring[i] = new RowBatch(n, capacity, groups);
        }
        long index = 0;
        try {
            while (true) {
                RowBatch batch = ring[(int) (index % inFlight)];
                if (batch.done != null) {
                    await(batch, failure);
                    finish(batch);
                    batch.done = null;
                }
                if (!fill(batch)) {
                    break;
                }
                batch.index = index++;
                batch.done = new CountDownLatch(groups);
                for (BlockingQueue<RowBatch> q : queues) {
                    q.put(batch);
                }
            }
            for (long k = index; k < index + inFlight; k++) {
                RowBatch batch = ring[(int) (k % inFlight)];
                if (batch.done != null) {
                    await(batch, failure);
                    finish(batch);
                    batch.done = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("profiling interrupted", e);
        } finally {
            for (BlockingQueue<RowBatch> q : queues) {
                q.offer(poison);
            }
            for (Thread t : workers) {
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void await(RowBatch batch, AtomicReference<Throwable> failure) throws InterruptedException {
        batch.done.await();
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Reads up to a batch of rows; false when there were none left. */
    private boolean fill(RowBatch batch) {
        int n = columns.size();
        int r = 0;
        while (r < batch.capacity() && source.next()) {
            for (int c = 0; c < n; c++) {
                batch.cells[c][r] = source.value(c);
            }
            batch.lines[r] = source.lineNumber();
            batch.sampleSlots[r] = sampler.next();
            r++;
        }
        batch.rows = r;
        rows += r;
        return r > 0;
    }

    /**
     * Updates the columns of one group (columns g, g + groups, g + 2 groups, ...) with a batch, row
     * by row: the reader allocated the cells row by row, so this walks memory in allocation order
     * while the group's column state stays in cache. Each column still sees its values in file order.
     */
    private void process(RowBatch batch, int group, int groups) {
        long[] parts = batch.rowHashParts[group];
        int width = (columns.size() - group + groups - 1) / groups;
        ColumnAccumulator[] accs = new ColumnAccumulator[width];
        String[][] cells = new String[width][];
        int[] index = new int[width];
        for (int k = 0, c = group; k < width; k++, c += groups) {
            accs[k] = columns.get(c);
            cells[k] = batch.cells[c];
            index[k] = c;
        }
        for (int r = 0; r < batch.rows; r++) {
            long line = batch.lines[r];
            int slot = batch.sampleSlots[r];
            long h = 0;
            for (int k = 0; k < width; k++) {
                h += ValueHash.cell(index[k], accs[k].accept(cells[k][r], line, slot));
            }
            parts[r] = h;
        }
        List<SeededKll.Feed> feeds = batch.kllFeeds.get(group);
        for (ColumnAccumulator acc : accs) {
            acc.endBatch(batch.index, feeds);
        }
    }

    /** Row-level results and sketch feeds of a processed batch, in file order. */
    private void finish(RowBatch batch) {
        for (List<SeededKll.Feed> feeds : batch.kllFeeds) {
            for (SeededKll.Feed feed : feeds) {
                feed.apply();
            }
            feeds.clear();
        }
        for (int r = 0; r < batch.rows; r++) {
            long h = 0;
            for (long[] part : batch.rowHashParts) {
                h += part[r];
            }
            duplicates.add(h);
        }
    }
}
