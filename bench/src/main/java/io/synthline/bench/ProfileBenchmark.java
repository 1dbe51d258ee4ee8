package io.synthline.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.profile.SourceInfo;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures profiling throughput against the reference the issue sets: a bare FastCSV parse of the
 * same file (every record read, every field touched), timed in the same process, so the ratio
 * holds on a busy machine where absolute numbers do not. Wall time is the best of {@code repeats}
 * runs each; process CPU time (all threads, GC and JIT included) is the mean over the runs, and a
 * small file gets as many runs as make half a second of parsing, because the process CPU clock may
 * tick in milliseconds. On a machine shared with other work the wall ratio depends on what else
 * runs, the CPU ratio does not. Both are first run, untimed and alternating, for a given warm-up
 * time (at most {@link #WARM_UP_ROUNDS} times), so that a small file measures compiled code, as a
 * long-running service runs it, rather than the JIT compiler.
 */
public final class ProfileBenchmark {
    /** One file's result. */
    public record Result(String name, long bytes, long rows, int columns, double parseSeconds, double profileSeconds,
            double parseCpuSeconds, double profileCpuSeconds, double singleThreadSeconds, int threads,
            boolean identicalToSingleThread, long peakHeapBytes, long maxHeapBytes, double sequentialReaderSeconds,
            double sequentialReaderCpuSeconds, double serialCpuSeconds) {
        public double parseMbPerSecond() {
            return bytes / 1e6 / parseSeconds;
        }

        public double profileMbPerSecond() {
            return bytes / 1e6 / profileSeconds;
        }

        /** Profiling throughput as a share of the bare parse's throughput. */
        public double ratio() {
            return parseSeconds / profileSeconds;
        }

        /** Parse CPU time over profiling CPU time: the share of the parse's efficiency the profiler keeps. */
        public double cpuRatio() {
            return parseCpuSeconds / profileCpuSeconds;
        }

        /**
         * Amdahl's law from this run's measurements: wall time with {@code p} threads on {@code p}
         * idle cores, in bare parses, when the serial CPU time stays serial and the rest of the
         * profile's CPU time (all threads, JIT and GC included) is shared by the cores. CPU times
         * only, so that other load on the machine does not enter.
         */
        public double predictedParses(int p) {
            return (serialCpuSeconds + (profileCpuSeconds - serialCpuSeconds) / p) / parseCpuSeconds;
        }
    }

    static final int WARM_UP_ROUNDS = 50;
    static final double MIN_CPU_SECONDS = 0.5;
    static final int MAX_RUNS = 200;

    private ProfileBenchmark() {
    }

    /** Seconds of a bare FastCSV pass over the file; {@code sink} keeps the JIT from skipping the work. */
    public static double bareParse(Path file, long[] sink) {
        long t0 = System.nanoTime();
        long fields = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord r : reader) {
                int n = r.getFieldCount();
                fields += n;
                for (int i = 0; i < n; i++) {
                    chars += r.getField(i).length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sink[0] += fields + chars;
        return (System.nanoTime() - t0) / 1e9;
    }

    public static Result run(String name, Path file, ProfileOptions options, int repeats, boolean compareSingleThread,
            double warmUpSeconds) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] sink = new long[1];
        double parse = Double.MAX_VALUE;
        double profile = Double.MAX_VALUE;
        double sequential = Double.MAX_VALUE;
        long parseCpu = 0;
        long profileCpu = 0;
        long sequentialCpu = 0;
        long serialCpu = 0;
        DatasetProfile result = null;
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        double lastParse = Double.NaN;
        for (int i = 0; i < WARM_UP_ROUNDS && System.nanoTime() < warmUpEnd; i++) {
            lastParse = bareParse(file, sink);
            new DatasetProfiler(options).profile(file, CsvOptions.defaults());
        }
        // the process CPU clock may tick in milliseconds: time at least MIN_CPU_SECONDS of parsing in all
        int runs = Double.isNaN(lastParse) ? repeats
                : (int) Math.min(MAX_RUNS, Math.max(repeats, Math.ceil(MIN_CPU_SECONDS / Math.max(lastParse, 1e-6))));
        ProcessMeters.resetHeapPeaks();
        long[] lastSerialNanos = new long[1];
        for (int i = 0; i < runs; i++) {
            // alternate so that both see the same machine conditions and page cache
            long c0 = ProcessMeters.cpuNanos();
            parse = Math.min(parse, bareParse(file, sink));
            long c1 = ProcessMeters.cpuNanos();
            long t0 = System.nanoTime();
            DatasetProfiler profiler = new DatasetProfiler(options);
            result = profiler.profile(file, CsvOptions.defaults());
            profile = Math.min(profile, (System.nanoTime() - t0) / 1e9);
            lastSerialNanos[0] = profiler.lastSerialCpuNanos();
            long c2 = ProcessMeters.cpuNanos();
            parseCpu += c1 - c0;
            profileCpu += c2 - c1;
            serialCpu += lastSerialNanos[0];
            if (compareSingleThread) {
                long t1 = System.nanoTime();
                profileSequentially(file, options);
                sequential = Math.min(sequential, (System.nanoTime() - t1) / 1e9);
                sequentialCpu += ProcessMeters.cpuNanos() - c2;
            }
        }
        long peak = ProcessMeters.heapPeakBytes();
        double single = Double.NaN;
        boolean identical = false;
        if (compareSingleThread) {
            long t0 = System.nanoTime();
            DatasetProfile one = new DatasetProfiler(options.withThreads(1)).profile(file, CsvOptions.defaults());
            single = (System.nanoTime() - t0) / 1e9;
            identical = ProfileComparison.sameContent(result, one);
        }
        return new Result(name, bytes, result.rowCount(), result.columnCount(), parse, profile, parseCpu / 1e9 / runs,
                profileCpu / 1e9 / runs, single, options.threads(), identical, peak, Runtime.getRuntime().maxMemory(),
                compareSingleThread ? sequential : Double.NaN, sequentialCpu / 1e9 / runs, serialCpu / 1e9 / runs);
    }

    /** The profile as it is computed when one thread parses the file (the CSV reader before it was parallel). */
    static DatasetProfile profileSequentially(Path file, ProfileOptions options) {
        try (CsvRowSource source = CsvRowSource.open(file, CsvOptions.defaults())) {
            return new DatasetProfiler(options).profile(source, new SourceInfo(file.getFileName().toString(), "csv",
                    Files.size(file), null, DatasetProfiler.dialect(source)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
