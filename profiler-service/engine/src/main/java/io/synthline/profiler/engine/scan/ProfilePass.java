package io.synthline.profiler.engine.scan;

import io.synthline.commons.profile.TableSummary;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TextBlock;
import io.synthline.commons.table.ValueHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The single pass over the rows. The calling thread reads (parsing is sequential by nature) and
 * fills batches; it and the worker threads each own a group of columns and update their
 * accumulators batch by batch, in file order; the reader then feeds the batch's quantile sketches (see
 * {@link SeededKll}). Every column therefore sees exactly the same values in the same order
 * and the same batch boundaries whatever the thread count, which is what makes results identical
 * to a single-threaded run. Row-level work that spans columns (duplicate rows, the correlation sample) is combined by the
 * reader, batch by batch, in order.
 */
public final class ProfilePass {
    /**
     * Cells per batch: large enough to amortise hand-over, small enough that the batches in flight
     * (whose cells are live when a young collection runs, and get copied and promoted) stay a few MB.
     */
    private static final int BATCH_CELLS = 1 << 14;

    /** Batches timed column by column after the first regrouping: one in this many (every one before it). */
    private static final int TIMED_EVERY = 4;
    /**
     * The first regrouping, after four batches, all timed. The striped split it replaces gives the
     * reader, which also parses, half the columns, so until then the reader is the bottleneck: on
     * adult.csv (30 batches) regrouping at 4 instead of 16 took 2-3 ms off a 27-30 ms profile.
     * Timings this early include JIT compilation in a fresh JVM, so the split is redone at
     * {@link #SECOND_REGROUP} and every {@link #REGROUP_EVERY} batches after that.
     */
    private static final long FIRST_REGROUP = 4;
    private static final long SECOND_REGROUP = 16;
    private static final long REGROUP_EVERY = 512;

    private final RowSource source;
    private final List<ColumnAccumulator> columns;
    private final int threads;
    private final RowSampler sampler;
    private final DuplicateRowTracker duplicates;
    /** The leading columns that take part in the correlation sample. */
    private final int sampleColumns;
    private final CorrelationSample sample;
    private long rows;
    /** With several threads: CPU time of the reading thread's share that no other thread can do (handing out and finishing batches). */
    private long serialCpuNanos;
    private boolean timeSerial;
    private static final java.lang.management.ThreadMXBean THREAD_CLOCK = java.lang.management.ManagementFactory.getThreadMXBean();

    public ProfilePass(RowSource source, List<ColumnAccumulator> columns, int threads, int sampleRows, long seed,
            int duplicateTrackerRows) {
        this.source = source;
        this.columns = columns;
        this.threads = Math.max(1, Math.min(threads, Math.max(1, columns.size())));
        this.sampler = new RowSampler(sampleRows, seed);
        this.duplicates = new DuplicateRowTracker(duplicateTrackerRows);
        int m = 0;
        while (m < columns.size() && columns.get(m).correlated) {
            m++;
        }
        this.sampleColumns = sampleRows > 0 ? m : 0;
        this.sample = sampleColumns > 0 ? new CorrelationSample(sampleRows, sampleColumns) : null;
        for (int c = 0; c < sampleColumns; c++) {
            columns.get(c).sample = sample;
        }
    }

    public long rows() {
        return rows;
    }

    /**
     * CPU time the reading thread spent on what only it does, in order: taking rows from the
     * source (with a parallel CSV reader only copying them) and finishing batches (row hashes,
     * correlation sample, quantile feeds). 0 with one thread. The serial fraction of the pass, for
     * benchmarks that predict more threads.
     */
    public long serialCpuNanos() {
        return serialCpuNanos;
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
        scan();
        for (ColumnAccumulator column : columns) {
            column.endPass();
        }
    }

    private void scan() {
        int n = columns.size();
        int capacity = Math.max(8, Math.min(4096, BATCH_CELLS / Math.max(1, n)));
        if (threads == 1) {
            RowBatch batch = new RowBatch(n, capacity, 1, sampleColumns);
            batch.groupColumns = ColumnGroups.striped(n, 1);
            long index = 0;
            while (fill(batch)) {
                batch.index = index++;
                process(batch, 0);
                finish(batch);
            }
            return;
        }
        runParallel(n, capacity);
    }

    /**
     * The reader thread updates group 0 itself, between reading batches, and {@code threads - 1}
     * workers update the other groups: as many busy threads as asked for, not one more (on two
     * cores a third thread only takes turns with the other two). The first batches and then every
     * {@link #TIMED_EVERY}th batch are timed column by column; from those times and the reader's
     * own, the columns are regrouped so that the reader, which also parses, gets less column work
     * (see {@link ColumnGroups}).
     * Groups change only while no batch is in flight.
     */
    private void runParallel(int n, int capacity) {
        timeSerial = THREAD_CLOCK.isCurrentThreadCpuTimeSupported();
        int groups = threads;
        int inFlight = groups + 2;
        List<BlockingQueue<RowBatch>> queues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RowBatch poison = new RowBatch(0, 0, 0, 0);
        for (int g = 1; g < groups; g++) {
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
                        processGuarded(b, group, failure);
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
            ring[i] = new RowBatch(n, capacity, groups, sampleColumns);
        }
        int[][] groupColumns = ColumnGroups.striped(n, groups);
        long[] columnNanos = new long[n];
        long readerNanos = 0;
        long nextRegroup = FIRST_REGROUP;
        long index = 0;
        try {
            while (true) {
                if (index == nextRegroup) {
                    readerNanos += drain(ring, index, failure, columnNanos);
                    groupColumns = ColumnGroups.balanced(columnNanos, readerNanos, groups);
                    Arrays.fill(columnNanos, 0);
                    readerNanos = 0;
                    nextRegroup = nextRegroup == FIRST_REGROUP ? SECOND_REGROUP : nextRegroup + REGROUP_EVERY;
                }
                RowBatch batch = ring[(int) (index % inFlight)];
                if (batch.done != null) {
                    readerNanos += finishWhenDone(batch, failure, columnNanos);
                }
                boolean timed = index < FIRST_REGROUP || index % TIMED_EVERY == TIMED_EVERY - 1;
                long t0 = timed ? System.nanoTime() : 0;
                if (!fill(batch)) {
                    break;
                }
                if (timed) {
                    readerNanos += System.nanoTime() - t0;
                }
                batch.index = index++;
                batch.timed = timed;
                batch.groupColumns = groupColumns;
                batch.done = new CountDownLatch(groups);
                for (BlockingQueue<RowBatch> q : queues) {
                    q.put(batch);
                }
                processGuarded(batch, 0, failure);
            }
            drain(ring, index, failure, columnNanos);
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

    private void processGuarded(RowBatch batch, int group, AtomicReference<Throwable> failure) {
        try {
            if (failure.get() == null) {
                process(batch, group);
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            batch.done.countDown();
        }
    }

    /** Finishes every batch in flight, oldest first; returns the reader's time spent finishing timed batches. */
    private long drain(RowBatch[] ring, long index, AtomicReference<Throwable> failure, long[] columnNanos)
            throws InterruptedException {
        long readerNanos = 0;
        for (long k = index; k < index + ring.length; k++) {
            RowBatch batch = ring[(int) (k % ring.length)];
            if (batch.done != null) {
                readerNanos += finishWhenDone(batch, failure, columnNanos);
            }
        }
        return readerNanos;
    }

    /** Waits for every group to be done with the batch, then finishes it; returns the finishing time of a timed batch. */
    private long finishWhenDone(RowBatch batch, AtomicReference<Throwable> failure, long[] columnNanos)
            throws InterruptedException {
        await(batch, failure);
        long t0 = System.nanoTime();
        finish(batch);
        batch.done = null;
        if (!batch.timed) {
            return 0;
        }
        for (int c = 0; c < columnNanos.length; c++) {
            columnNanos[c] += batch.columnNanos[c];
        }
        return System.nanoTime() - t0;
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
        long c0 = timeSerial ? THREAD_CLOCK.getCurrentThreadCpuTime() : 0;
        boolean filled = source.fill(batch.cells);
        if (timeSerial) {
            serialCpuNanos += THREAD_CLOCK.getCurrentThreadCpuTime() - c0;
        }
        if (!filled) {
            return false;
        }
        int r = batch.rows();
        for (int i = 0; i < r; i++) {
            batch.sampleSlots[i] = sampler.next();
        }
        rows += r;
        return true;
    }

    /**
     * Updates the columns of one group with a batch, column by column: a column's state stays in
     * cache and its cells' starts and lengths are read from dense arrays, while the characters,
     * one buffer per batch, stay in cache across columns. A timed batch also times each column.
     * Each column sees its values in file order.
     */
    private void process(RowBatch batch, int group) {
        long[] parts = batch.rowHashParts[group];
        int[] index = batch.groupColumns[group];
        TextBlock cells = batch.cells;
        char[] chars = cells.chars();
        int rowCount = cells.rows();
        Arrays.fill(parts, 0, rowCount, 0L);
        for (int column : index) {
            long t0 = batch.timed ? System.nanoTime() : 0;
            ColumnAccumulator acc = columns.get(column);
            boolean sampled = column < sampleColumns;
            for (int r = 0; r < rowCount; r++) {
                int slot = batch.sampleSlots[r];
                long key = acc.accept(chars, cells.start(column, r), cells.length(column, r), cells.line(r), slot);
                parts[r] += ValueHash.cell(column, key);
                if (slot >= 0 && sampled) {
                    batch.sampleNumbers[column][r] = acc.sampleNumber;
                    batch.sampleCodes[column][r] = acc.sampleCode;
                }
            }
            if (batch.timed) {
                batch.columnNanos[column] = System.nanoTime() - t0;
            }
        }
        List<SeededKll.Feed> feeds = batch.kllFeeds.get(group);
        for (int column : index) {
            columns.get(column).endBatch(batch.index, feeds);
        }
    }

    /** Row-level results and sketch feeds of a processed batch, in file order. */
    private void finish(RowBatch batch) {
        long c0 = timeSerial ? THREAD_CLOCK.getCurrentThreadCpuTime() : 0;
        finishRows(batch);
        if (timeSerial) {
            serialCpuNanos += THREAD_CLOCK.getCurrentThreadCpuTime() - c0;
        }
    }

    private void finishRows(RowBatch batch) {
        for (List<SeededKll.Feed> feeds : batch.kllFeeds) {
            for (SeededKll.Feed feed : feeds) {
                feed.apply();
            }
            feeds.clear();
        }
        for (int r = 0, n = batch.rows(); r < n; r++) {
            if (sample != null && batch.sampleSlots[r] >= 0) {
                sample.put(batch.sampleSlots[r], batch.sampleNumbers, batch.sampleCodes, r);
            }
            long h = 0;
            for (long[] part : batch.rowHashParts) {
                h += part[r];
            }
            duplicates.add(h);
        }
    }
}
