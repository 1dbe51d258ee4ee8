package io.synthline.bench;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.cli.Files2;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.EvaluationInputs;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.Evaluator;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.FrameBuilder;
import io.synthline.evaluator.engine.data.Sampling;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.privacy.GowerSpace;
import io.synthline.evaluator.engine.privacy.NaiveDcr;
import io.synthline.evaluator.engine.privacy.NearestRecords;
import io.synthline.fixtures.Datasets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
        "Time the evaluator on a real/synthetic pair (default: Adult and its SDV GaussianCopula sample):",
        "raw CSV parse (reference), QualityReport warm, exact DCR against a naive all-pairs scan measured here,",
        "DCR at 100,000 x 100,000 rows, and the complete evaluation."})
public class BenchEvaluateCommand implements Callable<Integer> {
    /** SDMetrics on this machine (issue 7): QualityReport on Adult ~0.8 s; its DCR ~3.45 s per million row pairs. */
    static final double SDMETRICS_QUALITY_SECONDS = 0.8;
    static final double SDMETRICS_DCR_SECONDS_PER_MILLION_PAIRS = 3.45;

    @Spec
    CommandSpec spec;

    @Option(names = "--real", paramLabel = "REAL.csv", description = "default: <datasets>/adult.csv")
    Path real;

    @Option(names = "--synthetic", paramLabel = "SYN.csv", description = "default: <datasets>/reference/adult_sdv_gc.csv")
    Path synthetic;

    @Option(names = "--datasets", paramLabel = "DIR", description = "a datasets directory laid out as ../shared/datasets (default: $SYNTHLINE_DATASETS, else the Adult pair shipped in test-fixtures)")
    Path datasets;

    @Option(names = "--label", defaultValue = "income", paramLabel = "COL")
    String label;

    @Option(names = "--sensitive", split = ",", defaultValue = "sex,race", paramLabel = "COL")
    List<String> sensitive;

    @Option(names = "--large-rows", defaultValue = "100000", paramLabel = "N", description = "rows per side of the large DCR run; 0 skips it")
    int largeRows;

    @Option(names = "--quality-runs", defaultValue = "20", paramLabel = "N")
    int qualityRuns;

    @Option(names = "--naive-rows", defaultValue = "300", paramLabel = "N", description = "synthetic rows the naive DCR reference scans")
    int naiveRows;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads of the evaluator (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        int workers = threads != null ? Math.max(1, threads) : Parallel.defaultThreads();
        try (Parallel parallel = Parallel.open(workers, "synthline-evaluate")) {
            return call(workers, parallel);
        }
    }

    private Integer call(int workers, Parallel parallel) {
        String env = System.getenv(Datasets.SHARED_ENV);
        Path dir = datasets != null ? datasets : env != null && !env.isBlank() ? Path.of(env) : null;
        Path realFile = real != null ? real : dir != null ? dir.resolve("adult.csv") : Datasets.adult();
        Path synFile = synthetic != null ? synthetic : dir != null ? dir.resolve("reference/adult_sdv_gc.csv") : Datasets.adultSdvGaussianCopula();
        Files2.existing(realFile, "real");
        Files2.existing(synFile, "synthetic");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("synth bench evaluate: %s vs %s, %d cores, %d threads, JDK %s%n", realFile.getFileName(), synFile.getFileName(),
                Runtime.getRuntime().availableProcessors(), workers, Runtime.version());
        List<String[]> rows = new ArrayList<>();

        double rawParse = median(3, () -> rawParse(realFile));
        double rawParseCpu = lastCpu;
        rows.add(row("raw FastCSV parse of the real file (reference)", rawParse, "", ""));
        Table[] tables = new Table[2];
        double load = seconds(() -> {
            tables[0] = EvaluationInputs.readReal(realFile, null);
            tables[1] = EvaluationInputs.readCompanion(synFile, tables[0], "synthetic");
        });
        rows.add(row("read + type both files into tables", load, "", ""));
        EvalData data = EvalData.of(tables[0], tables[1]);

        for (int i = 0; i < 5; i++) {
            QualityReport.generate(data, parallel);
        }
        double quality = median(qualityRuns, () -> QualityReport.generate(data, parallel));
        rows.add(row(String.format(Locale.ROOT, "QualityReport, %,d x %,d rows, warm (median of %d)", data.real().rows(),
                data.synthetic().rows(), qualityRuns), quality, "SDMetrics ~" + SDMETRICS_QUALITY_SECONDS
                        + " s wall (issue); raw parse " + fmt(rawParseCpu) + " CPU",
                ratio(SDMETRICS_QUALITY_SECONDS, lastCpu) + " / " + ratio(rawParseCpu, lastCpu)));

        GowerSpace space = new GowerSpace(data.columns(), data.real());
        long pairs = (long) data.synthetic().rows() * data.real().rows();
        NearestRecords.search(space, data.synthetic().select(Sampling.sample(data.synthetic().rows(), 2000,
                new SplittableRandom(1))), data.real(), parallel);
        int naiveN = Math.min(naiveRows, data.synthetic().rows());
        double naive = seconds(() -> NaiveDcr.nearest(space, data.synthetic(), data.real(), naiveN));
        double naiveFullCpu = lastCpu / naiveN * data.synthetic().rows();
        rows.add(row(String.format(Locale.ROOT, "naive all-pairs DCR, one thread, %d rows x %,d (reference)", naiveN,
                data.real().rows()), naive, String.format(Locale.ROOT, "all %,d rows: %s CPU (extrapolated)",
                data.synthetic().rows(), fmt(naiveFullCpu)), ""));
        double dcr = median(3, () -> NearestRecords.search(space, data.synthetic(), data.real(), parallel));
        double sdmetricsDcr = SDMETRICS_DCR_SECONDS_PER_MILLION_PAIRS * pairs / 1e6;
        rows.add(row(String.format(Locale.ROOT, "exact DCR, %,d x %,d rows (median of 3)", data.synthetic().rows(), data.real().rows()),
                dcr, "naive scan " + fmt(naiveFullCpu) + " CPU; SDMetrics ~" + fmt(sdmetricsDcr) + " wall (3.45 s/1e6 pairs)",
                ratio(naiveFullCpu, lastCpu) + " / " + ratio(sdmetricsDcr, lastCpu)));

        if (largeRows > 0) {
            SplittableRandom random = new SplittableRandom(7);
            Frame bigReal = jittered(data.columns(), data.real(), largeRows, random);
            Frame bigSyn = jittered(data.columns(), data.synthetic(), largeRows, random);
            GowerSpace bigSpace = new GowerSpace(data.columns(), bigReal);
            seconds(() -> NaiveDcr.nearest(bigSpace, bigSyn, bigReal, Math.max(1, naiveN / 3)));
            double bigNaiveCpu = lastCpu / Math.max(1, naiveN / 3) * largeRows;
            double big = seconds(() -> NearestRecords.search(bigSpace, bigSyn, bigReal, parallel));
            rows.add(row(String.format(Locale.ROOT, "exact DCR, %,d x %,d rows (resampled, jittered)", largeRows, largeRows), big,
                    "naive scan " + fmt(bigNaiveCpu) + " CPU (extrapolated); SDMetrics ~" + fmt(SDMETRICS_DCR_SECONDS_PER_MILLION_PAIRS
                            * largeRows / 1e6 * largeRows) + " wall", ratio(bigNaiveCpu, lastCpu) + " / "
                            + ratio(SDMETRICS_DCR_SECONDS_PER_MILLION_PAIRS * largeRows / 1e6 * largeRows, lastCpu)));
        }

        int[] perm = Sampling.permutation(tables[0].rowCount(), new SplittableRandom(11));
        int cut = (int) Math.round(perm.length * 0.8);
        Table train = rowsOf(tables[0], Arrays.copyOfRange(perm, 0, cut));
        Table holdout = rowsOf(tables[0], Arrays.copyOfRange(perm, cut, perm.length));
        EvaluationDocument[] doc = new EvaluationDocument[1];
        double full = seconds(() -> doc[0] = Evaluator.evaluate(train, tables[1], holdout,
                EvaluationOptions.defaults().withLabel(label).withSensitive(sensitive).withThreads(workers)));
        rows.add(row(String.format(Locale.ROOT, "complete evaluation: %,d train + %,d holdout vs %,d synthetic", train.rowCount(),
                holdout.rowCount(), tables[1].rowCount()), full, "sections (s): " + sections(doc[0]), ""));

        out.println();
        out.printf("| %-70s | %10s | %10s | %-60s | %8s |%n", "measurement", "wall", "CPU", "reference", "ratio");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(72), "-".repeat(12), "-".repeat(12), "-".repeat(62), "-".repeat(10));
        for (String[] r : rows) {
            out.printf("| %-70s | %10s | %10s | %-60s | %8s |%n", (Object[]) r);
        }
        out.printf("%nCPU = process CPU seconds over the same interval (both cores count): on a busy machine wall time grows, CPU time"
                + " does not.%nratio = reference / our CPU seconds; with two busy cores our idle wall time is between CPU/2 and CPU,"
                + " so ratios against wall-clock references are conservative.%n");
        return SynthCommand.EXIT_OK;
    }

    private static String sections(EvaluationDocument doc) {
        List<String> parts = new ArrayList<>();
        doc.timingsMillis().forEach((k, v) -> parts.add(k + " " + fmt(v / 1000.0)));
        return String.join(", ", parts);
    }

    static long rawParse(Path file) {
        long cells = 0;
        try (CsvRowSource source = CsvRowSource.open(file, CsvOptions.defaults())) {
            int width = source.header().size();
            while (source.next()) {
                for (int i = 0; i < width; i++) {
                    if (source.value(i) != null) {
                        cells++;
                    }
                }
            }
        }
        return cells;
    }

    /** Rows drawn with replacement; continuous values moved by up to 1 % of the column's range, so copies are rare. */
    static Frame jittered(List<EvalColumn> columns, Frame source, int rows, SplittableRandom random) {
        int[] pick = new int[rows];
        for (int i = 0; i < rows; i++) {
            pick[i] = random.nextInt(source.rows());
        }
        Frame base = source.select(pick);
        FrameBuilder b = new FrameBuilder(columns.size(), rows);
        for (EvalColumn c : columns) {
            if (c.isContinuous()) {
                double[] v = base.values(c.index()).clone();
                double lo = Arrays.stream(v).filter(x -> !Double.isNaN(x)).min().orElse(0);
                double hi = Arrays.stream(v).filter(x -> !Double.isNaN(x)).max().orElse(0);
                for (int i = 0; i < rows; i++) {
                    v[i] += (random.nextDouble() - 0.5) * 0.02 * (hi - lo);
                }
                b.values(c.index(), v);
            } else {
                b.codes(c.index(), base.codes(c.index()));
            }
        }
        return b.build();
    }

    private static Table rowsOf(Table t, int[] rows) {
        List<io.synthline.commons.table.Column> cols = new ArrayList<>();
        for (io.synthline.commons.table.Column c : t.columns()) {
            if (c instanceof io.synthline.commons.table.NumericColumn n) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = n.values()[rows[i]];
                }
                cols.add(new io.synthline.commons.table.NumericColumn(c.schema(), v));
            } else {
                io.synthline.commons.table.CategoricalColumn k = (io.synthline.commons.table.CategoricalColumn) c;
                int[] v = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = k.codes()[rows[i]];
                }
                cols.add(new io.synthline.commons.table.CategoricalColumn(c.schema(), v, k.categories()));
            }
        }
        return new Table(cols);
    }

    /** A row timed just now: wall and CPU seconds of the last measurement. */
    private static String[] row(String what, double seconds, String reference, String ratio) {
        return new String[] {what, fmt(seconds), fmt(lastCpu), reference, ratio};
    }

    private static String ratio(double reference, double ours) {
        return String.format(Locale.ROOT, "%.1fx", reference / ours);
    }

    private static String fmt(double seconds) {
        return seconds < 0.1 ? String.format(Locale.ROOT, "%.4f s", seconds) : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** Wall seconds; the process CPU seconds of the last call are in {@link #lastCpu} (other load on the machine does not inflate them). */
    static double seconds(Runnable r) {
        long cpu = ProcessMeters.cpuNanos();
        long t = System.nanoTime();
        r.run();
        double wall = (System.nanoTime() - t) / 1e9;
        lastCpu = (ProcessMeters.cpuNanos() - cpu) / 1e9;
        return wall;
    }

    static double lastCpu;

    /** Median wall time; {@link #lastCpu} becomes the median CPU time. */
    static double median(int runs, Supplier<?> work) {
        double[] t = new double[runs];
        double[] c = new double[runs];
        for (int i = 0; i < runs; i++) {
            t[i] = seconds(work::get);
            c[i] = lastCpu;
        }
        Arrays.sort(t);
        Arrays.sort(c);
        lastCpu = runs % 2 == 1 ? c[runs / 2] : (c[runs / 2 - 1] + c[runs / 2]) / 2;
        return runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    }
}
