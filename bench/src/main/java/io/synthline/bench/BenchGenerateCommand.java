package io.synthline.bench;

import io.synthline.cli.Files2;
import io.synthline.cli.GenerateSyntax;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.evaluation.Utility;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.utility.MlUtility;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synth bench generate}: fit time (warm: best of the repetitions after the first) and
 * sampling throughput streaming CSV to a file, for each model, next to the reference measured
 * in the same run: writing the same number of rows of real data with the commons CSV writer.
 * Also the speed of a rare condition relative to unconditional sampling, the evaluator's
 * SDMetrics-compatible QualityReport of a training-sized sample, and TSTR against TRTR. Every rate is given per wall-clock second and per second of
 * process CPU time: on a shared machine the second one, and the ratios, are what stay comparable.
 * With {@code --memory-rows}, each model is also fitted on a generated wide table in a child JVM
 * with a fixed heap ({@link MemoryFitProbe}), reporting fit time, peak heap and OK or OOM.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Benchmark fitting and sampling of the generator's models.")
public class BenchGenerateCommand implements Callable<Integer> {
    /** Where the samples are scored (not timed): the evaluator's metrics on every core, for the life of the command. */
    private static final Parallel SCORING = Parallel.open(Parallel.defaultThreads(), "synthline-evaluate");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "CSV", description = "training CSV (default: Adult, as shipped in test-fixtures)")
    Path data;

    @Option(names = "--rows", defaultValue = "1000000", description = "rows sampled per model; 0 skips the speed and quality tables (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--models", split = ",", defaultValue = "copula,tree,independent", description = "models to measure")
    List<String> models;

    @Option(names = "--fits", defaultValue = "4", description = "fits per model; the first is the cold one (default: ${DEFAULT-VALUE})")
    int fits;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--condition", paramLabel = "COL=VALUE", defaultValue = "native-country=Ecuador",
            description = "a rare condition to time against unconditional sampling (default: ${DEFAULT-VALUE}, 0.09% of Adult)")
    String condition;

    @Option(names = "--label", defaultValue = "income",
            description = "label column for TSTR/TRTR (train on synthetic or real, test on a real holdout); empty to skip (default: ${DEFAULT-VALUE})")
    String label;

    @Option(names = "--memory-rows", defaultValue = "0",
            description = "rows of the generated wide table each model is fitted on in a child JVM with --memory-heap; 0 skips (default: ${DEFAULT-VALUE})")
    int memoryRows;

    @Option(names = "--memory-columns", defaultValue = "50", description = "columns of that table: half decimals, half categories (default: ${DEFAULT-VALUE})")
    int memoryColumns;

    @Option(names = "--memory-heap", defaultValue = "2g", description = "the child JVM's -Xmx (default: ${DEFAULT-VALUE})")
    String memoryHeap;

    @Option(names = "--memory-holdout", defaultValue = "0",
            description = "share of the rows held out of the fit, as the platform does (default: ${DEFAULT-VALUE})")
    double memoryHoldout;

    @Override
    public Integer call() throws Exception {
        int workers = threads != null ? Math.max(1, threads) : Parallel.defaultThreads();
        PrintWriter out = spec.commandLine().getOut();
        if (rows > 0) {
            speed(out, workers);
        }
        if (memoryRows > 0) {
            memory(out, workers);
        }
        return SynthCommand.EXIT_OK;
    }

    /**
     * Each model fitted on {@link WideTable} in its own JVM limited to {@code --memory-heap}, so
     * that what one fit leaves behind cannot count against the next and the limit is the one
     * {@code -Xmx} enforces.
     */
    private void memory(PrintWriter out, int workers) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        out.printf("%nmemory: generated table of %,d rows x %d columns (%d decimal, %d categorical with %d values), one child JVM per model "
                + "with -Xmx%s, %d threads, holdout share %s%n", memoryRows, memoryColumns, (memoryColumns + 1) / 2, memoryColumns / 2,
                WideTable.CATEGORIES, memoryHeap, workers, memoryHoldout);
        out.printf("| model | table in heap (MB) | fit (s wall) | fit (CPU s) | heap after GC, max (MB) | heap, sum of pool peaks (MB) "
                + "| artifact (MB) | result (fit, store, sample %,d rows) |%n|---|---:|---:|---:|---:|---:|---:|---|%n", MemoryFitProbe.SAMPLE_ROWS);
        out.flush();
        for (String name : models) {
            Process child = new ProcessBuilder(javaCommand, "-Xmx" + memoryHeap, "-cp", classpath, MemoryFitProbe.class.getName(), name,
                    Integer.toString(memoryRows), Integer.toString(memoryColumns), Integer.toString(workers), Double.toString(memoryHoldout))
                    .redirectErrorStream(true).start();
            String result = null;
            List<String> other = new ArrayList<>();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(MemoryFitProbe.RESULT + " ")) {
                        result = line;
                    } else {
                        other.add(line);
                    }
                }
            }
            int exit = child.waitFor();
            if (result == null) {
                out.printf("| %s | | | | | | | child JVM exited with %d: %s |%n", name, exit, other.isEmpty() ? "" : other.getLast());
            } else {
                String[] f = result.split(" ");
                out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", name, f[3], seconds(f[4]), seconds(f[5]), f[8], f[6],
                        f[7].equals("-1") ? "-" : f[7], f[2]);
            }
            out.flush();
        }
    }

    private static String seconds(String millis) {
        long ms = Long.parseLong(millis);
        return ms < 0 ? "-" : String.format("%.1f", ms / 1000.0);
    }

    private void speed(PrintWriter out, int workers) throws IOException {
        data = Files2.existing(data != null ? data : Datasets.adult(), "data");
        Table training = CsvTableReader.read(data);
        Path dir = Files.createTempDirectory("synth-bench-");
        try {
            Rate reference = reference(training, dir.resolve("reference.csv"));
            out.printf("data: %s (%,d rows x %d columns), %,d rows per sample, %d threads, %d cores%n", data.getFileName(),
                    training.rowCount(), training.columnCount(), rows, workers, Runtime.getRuntime().availableProcessors());
            out.printf("reference: raw CSV writing of real rows (commons CsvTableWriter): %,.0f rows/s wall, %,.0f rows per CPU-second%n%n",
                    reference.wall(), reference.cpu());
            out.printf("| model | fit cold (ms wall / CPU) | fit warm (ms wall / CPU) | sample (rows/s wall) | sample (rows per CPU-s) | vs raw CSV (CPU) "
                    + "| rare condition (rows per CPU-s) | rare vs unconditional | QualityReport | Column Shapes | Column Pair Trends |%n");
            out.printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
            List<String> utilityLines = new ArrayList<>();
            for (String name : models) {
                List<long[]> fitMillis = new ArrayList<>();
                SynthesisModel model = null;
                for (int i = 0; i < Math.max(2, fits); i++) {
                    long t0 = System.nanoTime();
                    long c0 = ProcessMeters.cpuNanos();
                    model = SynthesisModel.fit(training, ModelSpec.of(name), 1, workers, "bench");
                    fitMillis.add(new long[] {(System.nanoTime() - t0) / 1_000_000, (ProcessMeters.cpuNanos() - c0) / 1_000_000});
                }
                long[] cold = fitMillis.getFirst();
                long[] warm = fitMillis.subList(1, fitMillis.size()).stream().min(java.util.Comparator.comparingLong(f -> f[1])).orElseThrow();
                GenerationSettings settings = GenerationSettings.of(rows, 7).withThreads(workers);
                // warm-up: the JIT's compile time would otherwise be charged to the first timed run
                sample(model, GenerationSettings.of(Math.min(rows, 200_000), 3).withThreads(workers), dir.resolve(name + "-warmup.csv"));
                Rate rate = sample(model, settings, dir.resolve(name + ".csv"));
                Rate rare;
                try {
                    rare = sample(model, settings.withConditions(List.of(GenerateSyntax.condition(condition))), dir.resolve(name + "-rare.csv"));
                } catch (io.synthline.commons.api.BadInputException e) {
                    rare = new Rate(Double.NaN, Double.NaN);
                }
                Path small = dir.resolve(name + "-quality.csv");
                sample(model, GenerationSettings.of(training.rowCount(), 11).withThreads(workers), small);
                Table synthetic = CsvTableReader.read(small, io.synthline.commons.csv.CsvOptions.defaults(), training.schema());
                Quality quality = QualityReport.generate(EvalData.of(training, synthetic), SCORING);
                out.printf("| %s | %d / %d | %d / %d | %,.0f | %,.0f | %.2fx | %,.0f | %.0f%% | %.4f | %.4f | %.4f |%n", name, cold[0], cold[1],
                        warm[0], warm[1], rate.wall(), rate.cpu(), rate.cpu() / reference.cpu(), rare.cpu(), 100 * rare.cpu() / rate.cpu(),
                        quality.score(), quality.properties().get(Quality.COLUMN_SHAPES), quality.properties().get(Quality.COLUMN_PAIR_TRENDS));
                out.flush();
                if (label != null && !label.isBlank()) {
                    utilityLines.addAll(utility(training, name, workers, dir));
                }
            }
            if (!utilityLines.isEmpty()) {
                out.printf("%nML utility: fitted on 80%% of the rows, classifiers tested on the 20%% held out (label %s)%n", label);
                out.printf("| model | classifier | TRTR accuracy | TSTR accuracy | gap (points) | TRTR AUC | TSTR AUC |%n|---|---|---:|---:|---:|---:|---:|%n");
                utilityLines.forEach(out::println);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * TSTR against TRTR: the model is fitted on a seeded 80 % of the rows, the evaluator's
     * classifiers are trained on its sample or on those real rows and tested on the other 20 %.
     */
    private List<String> utility(Table training, String name, int workers, Path dir) throws IOException {
        int[] order = java.util.stream.IntStream.range(0, training.rowCount()).boxed()
                .sorted(java.util.Comparator.comparingLong(r -> io.synthline.generator.engine.random.Seeds.derive(42, r)))
                .mapToInt(Integer::intValue).toArray();
        int holdoutRows = training.rowCount() / 5;
        Table holdout = rows(training, java.util.Arrays.copyOfRange(order, 0, holdoutRows), dir.resolve("holdout.csv"));
        Table train = rows(training, java.util.Arrays.copyOfRange(order, holdoutRows, order.length), dir.resolve("train.csv"));
        SynthesisModel model = SynthesisModel.fit(train, ModelSpec.of(name), 1, workers, "bench");
        Path file = dir.resolve(name + "-utility.csv");
        sample(model, GenerationSettings.of(train.rowCount(), 13).withThreads(workers), file);
        Table synthetic = CsvTableReader.read(file, io.synthline.commons.csv.CsvOptions.defaults(), training.schema());
        EvalData data = EvalData.of(train, synthetic, holdout, java.util.Map.of());
        List<String> lines = new ArrayList<>();
        for (Utility.Model m : MlUtility.run(data, data.column(label), 5, SCORING).utility().models()) {
            lines.add(String.format("| %s | %s | %.4f | %.4f | %.2f | %s | %s |", name, m.model(), m.trtr().accuracy(), m.tstr().accuracy(),
                    100 * m.gap().accuracy(), auc(m.trtr().rocAuc()), auc(m.tstr().rocAuc())));
        }
        return lines;
    }

    private static String auc(Double auc) {
        return auc == null ? "-" : String.format("%.4f", auc);
    }

    /** The given rows of a table, through CSV so that they are read exactly like the file. */
    private static Table rows(Table table, int[] rows, Path file) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                CsvTableWriter writer = CsvTableWriter.open(os, table.schema().names())) {
            String[] text = new String[table.columnCount()];
            for (int r : rows) {
                for (int c = 0; c < text.length; c++) {
                    text[c] = table.column(c).text(r);
                }
                writer.writeRow(text);
            }
        }
        return CsvTableReader.read(file, io.synthline.commons.csv.CsvOptions.defaults(), table.schema());
    }

    /** Rows per wall-clock second and per second of process CPU time. */
    record Rate(double wall, double cpu) {
    }

    /** A whole run (preparation included) streaming CSV to a file. */
    private static Rate sample(SynthesisModel model, GenerationSettings settings, Path file) throws IOException {
        long t0 = System.nanoTime();
        long c0 = ProcessMeters.cpuNanos();
        Generation generation = Generation.prepare(model, settings);
        Generation.Result result;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            result = generation.writeCsv(os, true, Generation.SILENT);
        }
        return new Rate(result.rowsWritten() / ((System.nanoTime() - t0) / 1e9), result.rowsWritten() / ((ProcessMeters.cpuNanos() - c0) / 1e9));
    }

    /** The same number of rows of real data (cycled) written with the commons CSV writer; the better of two runs. */
    private Rate reference(Table training, Path file) throws IOException {
        int m = training.columnCount();
        String[][] texts = new String[training.rowCount()][m];
        for (int r = 0; r < training.rowCount(); r++) {
            for (int c = 0; c < m; c++) {
                texts[r][c] = training.column(c).text(r);
            }
        }
        Rate best = new Rate(0, 0);
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            long c0 = ProcessMeters.cpuNanos();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    CsvTableWriter writer = CsvTableWriter.open(os, training.schema().names())) {
                for (long r = 0; r < rows; r++) {
                    writer.writeRow(texts[(int) (r % texts.length)]);
                }
            }
            Rate rate = new Rate(rows / ((System.nanoTime() - t0) / 1e9), rows / ((ProcessMeters.cpuNanos() - c0) / 1e9));
            best = rate.cpu() > best.cpu() ? rate : best;
        }
        return best;
    }
}
