package io.synthline.bench;

import io.synthline.commons.table.Table;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The child JVM of {@code synth bench generate --memory-rows}: builds the {@link WideTable}, fits
 * one model (holding out the given share of rows, as the platform does), writes its artifact to
 * nowhere (counting the bytes) and samples a few rows, all within the heap the parent gave it
 * ({@code -Xmx}). Arguments: model, rows, columns, threads, holdout share. Prints one line the
 * parent parses: {@code RESULT model status tableMB fitWallMs fitCpuMs peakHeapMB artifactMB
 * liveAfterGcMB}. A fit that runs out of heap is reported as {@code OOM}, not as a crash.
 */
public final class MemoryFitProbe {
    static final String RESULT = "RESULT";
    static final int SAMPLE_ROWS = 20_000;

    private MemoryFitProbe() {
    }

    public static void main(String[] args) throws IOException {
        String model = args[0];
        int rows = Integer.parseInt(args[1]);
        int columns = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        double holdout = Double.parseDouble(args[4]);
        Table table = WideTable.generate(rows, columns, 2026);
        System.gc();
        long tableBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        ProcessMeters.resetHeapPeaks();
        LiveHeap live = LiveHeap.watch();
        long t0 = System.nanoTime();
        long c0 = ProcessMeters.cpuNanos();
        long fitWallMs = -1;
        long fitCpuMs = -1;
        long artifactBytes = -1;
        String status = "OK";
        try {
            SynthesisModel fitted = SynthesisModel.fit(table, ModelSpec.of(model).withHoldout(holdout), 1, threads, "memory-bench");
            fitWallMs = (System.nanoTime() - t0) / 1_000_000;
            fitCpuMs = (ProcessMeters.cpuNanos() - c0) / 1_000_000;
            CountingSink sink = new CountingSink();
            fitted.write(sink);
            artifactBytes = sink.count;
            Generation.prepare(fitted, GenerationSettings.of(SAMPLE_ROWS, 3).withThreads(threads))
                    .writeCsv(OutputStream.nullOutputStream(), true, Generation.SILENT);
        } catch (OutOfMemoryError e) {
            status = "OOM";
        } catch (RuntimeException e) {
            status = causedByOutOfMemory(e) ? "OOM" : "FAILED:" + e.getClass().getSimpleName();
        }
        System.out.printf("%s %s %s %d %d %d %d %d %d%n", RESULT, model, status, tableBytes >> 20, fitWallMs, fitCpuMs,
                ProcessMeters.heapPeakBytes() >> 20, artifactBytes < 0 ? -1 : artifactBytes >> 20, live.maxAfterGc() >> 20);
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * The largest heap occupancy right after a garbage collection: what was still reachable
     * then, so a lower bound of the peak live data (the sum of pool peaks is the upper bound).
     */
    private static final class LiveHeap implements javax.management.NotificationListener {
        private volatile long maxAfterGc;

        static LiveHeap watch() {
            LiveHeap live = new LiveHeap();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(live, null, null);
            }
            return live;
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long used = 0;
            for (var usage : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeap(usage.getKey())) {
                    used += usage.getValue().getUsed();
                }
            }
            synchronized (this) {
                maxAfterGc = Math.max(maxAfterGc, used);
            }
        }

        long maxAfterGc() {
            return maxAfterGc;
        }

        private static boolean isHeap(String pool) {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getName().equals(pool)) {
                    return p.getType() == MemoryType.HEAP;
                }
            }
            return false;
        }
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
