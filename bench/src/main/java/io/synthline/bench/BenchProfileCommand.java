package io.synthline.bench;

import io.synthline.cli.Files2;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.fixtures.Datasets;
import io.synthline.fixtures.MixedCsvGenerator;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profiling throughput versus a bare FastCSV parse of the same file, measured in the same run.",
                "Runs on Adult (unless --file names files), a generated mixed file, and optionally a file larger than the heap."})
public class BenchProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "CSV", description = "benchmark these files (default: Adult, as shipped in test-fixtures)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--rows", defaultValue = "1000000", description = "rows of the generated mixed file, 0 to skip (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--columns", defaultValue = "50", description = "columns of the generated mixed file (default: ${DEFAULT-VALUE})")
    int columns;

    @Option(names = "--repeat", defaultValue = "3", description = "runs per measurement, best kept (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "2",
            description = "untimed runs of both, per file, before measuring, so that compiled code is measured (default: ${DEFAULT-VALUE})")
    double warmUpSeconds;

    @Option(names = "--threads", description = "profiler threads (default: all cores)")
    Integer threads;

    @Option(names = "--large-gb", defaultValue = "0", paramLabel = "GB",
            description = "also profile a generated file of this many gigabytes once (run with a small -Xmx to show it is larger than the heap)")
    double largeGb;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "where generated files go (default: the temp directory); they are deleted afterwards")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProfileOptions options = ProfileOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        Path dir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        List<ProfileBenchmark.Result> results = new ArrayList<>();
        List<Path> inputs = new ArrayList<>(files);
        if (inputs.isEmpty()) {
            inputs.add(Datasets.adult());
        }
        for (Path f : inputs) {
            Files2.existing(f, "benchmark");
            out.printf("synth: measuring %s ...%n", f.getFileName());
            out.flush();
            results.add(ProfileBenchmark.run(f.getFileName().toString(), f, options, Math.max(repeats, 5), true, warmUpSeconds));
        }
        if (rows > 0) {
            Path mixed = Files.createTempFile(dir, "synth-bench-mixed-", ".csv");
            try {
                out.printf("synth: generating %,d x %d mixed file ...%n", rows, columns);
                out.flush();
                MixedCsvGenerator.write(mixed, rows, columns, 2026);
                out.printf("synth: measuring it (%,d MB) ...%n", Files.size(mixed) / 1_000_000);
                out.flush();
                results.add(ProfileBenchmark.run(String.format(Locale.ROOT, "mixed %,d x %d", rows, columns), mixed, options,
                        repeats, true, warmUpSeconds));
            } finally {
                Files.deleteIfExists(mixed);
            }
        }
        table(out, results);
        if (largeGb > 0) {
            large(out, dir, options);
        }
        return SynthCommand.EXIT_OK;
    }

    private void table(PrintWriter out, List<ProfileBenchmark.Result> results) {
        out.println();
        out.printf("%-20s %7s %10s %5s %10s %10s %6s %9s %9s %6s %7s %10s %5s%n", "file", "MB", "rows", "cols", "parse MB/s",
                "prof. MB/s", "ratio", "parse cpu", "prof. cpu", "ratio", "threads", "1-thread s", "same");
        for (ProfileBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "%-20s %7.1f %,10d %5d %10.1f %10.1f %5.0f%% %8.2fs %8.2fs %5.0f%% %7d %10.2f %5s%n", r.name(),
                    r.bytes() / 1e6, r.rows(), r.columns(), r.parseMbPerSecond(), r.profileMbPerSecond(), 100 * r.ratio(),
                    r.parseCpuSeconds(), r.profileCpuSeconds(), 100 * r.cpuRatio(), r.threads(), r.singleThreadSeconds(),
                    r.identicalToSingleThread() ? "yes" : "NO");
        }
        out.println("ratio = profiling throughput / bare FastCSV parse throughput of the same file, same run (target >= 50%),");
        out.println("        first in wall time (best run), then in process CPU time (mean per run, all threads; robust to other load)");
        out.println("same  = the multi-threaded profile equals a single-threaded one (timestamps and thread count aside)");
        out.println();
        out.printf("%-20s %12s %12s %14s %12s %10s %10s %10s%n", "file", "wall/parse", "seq. reader", "seq. reader cpu",
                "serial cpu", "p=2 pred.", "p=8 pred.", "p=16 pred.");
        for (ProfileBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "%-20s %11.2fx %11.2fx %13.2fs %11.2fs %9.2fx %9.2fx %9.2fx%n", r.name(),
                    r.profileSeconds() / r.parseSeconds(), r.sequentialReaderSeconds() / r.parseSeconds(),
                    r.sequentialReaderCpuSeconds(), r.serialCpuSeconds(), r.predictedParses(2), r.predictedParses(8),
                    r.predictedParses(16));
        }
        out.println("wall/parse  = profile wall time (best run) in bare single-threaded FastCSV parses of the same file, same run");
        out.println("seq. reader = the same profile with the file parsed by one thread (the reader before chunked parsing), same run");
        out.println("serial cpu  = CPU time per profile of the reading thread's in-order work (taking rows, finishing batches)");
        out.println("p=N pred.   = Amdahl on N idle cores: (serial cpu + (profile cpu - serial cpu) / N) / parse cpu, in bare parses");
        out.flush();
    }

    private void large(PrintWriter out, Path dir, ProfileOptions options) throws Exception {
        Path big = Files.createTempFile(dir, "synth-bench-large-", ".csv");
        try {
            long bytes = (long) (largeGb * 1e9);
            out.printf("%nsynth: generating a %.1f GB file ...%n", largeGb);
            out.flush();
            long generatedRows = MixedCsvGenerator.writeBytes(big, bytes, columns, 7);
            ProcessMeters.resetHeapPeaks();
            long t0 = System.nanoTime();
            long c0 = ProcessMeters.cpuNanos();
            var profile = new DatasetProfiler(options).profile(big, CsvOptions.defaults());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (ProcessMeters.cpuNanos() - c0) / 1e9;
            long size = Files.size(big);
            out.printf(Locale.ROOT, "%nlarge file: %.2f GB, %,d rows x %d columns, max heap %,d MB, peak heap %,d MB, "
                            + "one pass in %.1f s wall (%.1f MB/s), %.1f s CPU, %,d rows profiled, duplicates %s%n",
                    size / 1e9, generatedRows, columns, Runtime.getRuntime().maxMemory() / 1_000_000,
                    ProcessMeters.heapPeakBytes() / 1_000_000, seconds, size / 1e6 / seconds, cpu, profile.rowCount(),
                    profile.table().duplicates().exact() ? "exact" : "estimated");
            out.printf(Locale.ROOT, "file / max heap = %.1f%n", (double) size / Runtime.getRuntime().maxMemory());
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
