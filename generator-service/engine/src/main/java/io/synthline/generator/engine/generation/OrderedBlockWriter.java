package io.synthline.generator.engine.generation;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.hash.HashingOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Writes a run's blocks of rows in row order while they are produced ahead on several threads
 * (one {@link RowProducer} each), through a stream that counts and hashes the bytes; progress
 * is reported and cancellation checked between blocks, on the writing thread.
 */
final class OrderedBlockWriter {
    private OrderedBlockWriter() {
    }

    /** What was written: rows, the copies redrawn and rows dropped making them, and the bytes with their SHA-256. */
    record Written(long rows, long copies, long dropped, long bytes, String sha256) {
    }

    /**
     * @param header    bytes written first, or null for none
     * @param rows      rows of the run, in blocks of {@link Generation#BLOCK_ROWS}
     * @param producers a new producer for each thread
     */
    static Written write(OutputStream target, byte[] header, long rows, int threads, Supplier<RowProducer> producers,
            Generation.Listener listener) {
        HashingOutputStream counting = new HashingOutputStream(new BufferedOutputStream(target, 1 << 16));
        long blocks = (rows + Generation.BLOCK_ROWS - 1) / Generation.BLOCK_ROWS;
        Tally tally = new Tally();
        try {
            if (header != null) {
                counting.write(header);
            }
            // one producer per thread; blocks are produced ahead on the pool and written here, in order
            ThreadLocal<RowProducer> workers = ThreadLocal.withInitial(producers);
            checkCancelled(listener);
            try (Parallel parallel = Parallel.open(blocks <= 1 ? 1 : threads, "synthline-sample")) {
                parallel.forEachOrdered(blocks, threads * 2, b -> workers.get().produce(b), block -> {
                    try {
                        block.bytes().writeTo(counting);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    tally.add(block);
                    listener.progress(Math.min(rows, tally.blocks * Generation.BLOCK_ROWS), rows);
                    checkCancelled(listener);
                });
            } finally {
                workers.remove();
            }
            counting.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Generation.CancelledException();
        }
        return new Written(tally.rows, tally.copies, tally.dropped, counting.count(), counting.sha256());
    }

    private static void checkCancelled(Generation.Listener listener) {
        if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
            throw new Generation.CancelledException();
        }
    }

    /** What the written blocks add up to; updated by the writing thread only. */
    private static final class Tally {
        long rows;
        long copies;
        long dropped;
        long blocks;

        void add(RowProducer.Block block) {
            rows += block.rows();
            copies += block.copies();
            dropped += block.dropped();
            blocks++;
        }
    }
}
