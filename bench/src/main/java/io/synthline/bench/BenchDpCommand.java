package io.synthline.bench;

import io.synthline.cli.Files2;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.evaluation.Quality;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synth bench dp}: quality (the evaluator's SDMetrics-exact QualityReport) and fit time of
 * the differentially private models against epsilon, with a public domain declaration, next to
 * references measured in the same run: a bootstrap resample of the real rows (the ceiling any
 * synthesizer can reach at this sample size) and the non-private {@code independent} model.
 * Optionally writes an SVG plot of quality against epsilon.
 */
@Command(name = "dp", mixinStandardHelpOptions = true, description = "Benchmark the differentially private models against epsilon.")
public class BenchDpCommand implements Callable<Integer> {
    /** Where the samples are scored (not timed): the evaluator's metrics on every core, for the life of the command. */
    private static final Parallel SCORING = Parallel.open(Parallel.defaultThreads(), "synthline-evaluate");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "CSV", description = "training CSV (default: Adult, as shipped in test-fixtures)")
    Path data;

    @Option(names = "--schema", defaultValue = "samples/adult-domain.json", description = "public domain declaration (default: ${DEFAULT-VALUE})")
    Path schema;

    @Option(names = "--models", split = ",", defaultValue = "mst,aim", description = "DP models to measure (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--epsilons", split = ",", defaultValue = "0.1,0.3,1,3,10", description = "epsilons (default: ${DEFAULT-VALUE})")
    List<Double> epsilons;

    @Option(names = "--delta", defaultValue = "1e-9", description = "delta (default: ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--model-option", paramLabel = "MODEL:NAME=VALUE", description = "an option of one model, e.g. aim:workload=3-way")
    List<String> modelOptions = new ArrayList<>();

    @Option(names = "--svg", paramLabel = "FILE.svg", description = "also plot quality against epsilon")
    Path svg;

    record Point(String model, double epsilon, double score, double shapes, double trends, double fitSeconds, double fitCpuSeconds) {
    }

    @Override
    public Integer call() throws Exception {
        data = Files2.existing(data != null ? data : Datasets.adult(), "data");
        DeclaredSchema declared = DeclaredSchema.read(Files2.existing(schema, "schema"));
        PrintWriter out = spec.commandLine().getOut();
        Table training = CsvTableReader.read(data, CsvOptions.defaults(), declared.tableSchema());
        int workers = Parallel.defaultThreads();
        Path dir = Files.createTempDirectory("synth-bench-dp-");
        List<Point> points = new ArrayList<>();
        Map<String, Point> references = new LinkedHashMap<>();
        try {
            out.printf("data: %s (%,d rows x %d columns), domain declared by %s, delta = %.0e, %d cores%n%n", data.getFileName(),
                    training.rowCount(), training.columnCount(), schema.getFileName(), delta, Runtime.getRuntime().availableProcessors());
            out.println("| model | epsilon | quality | Column Shapes | Column Pair Trends | fit (s wall) | fit (CPU s) |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            Point ceiling = score("real rows (bootstrap resample, the ceiling)", Double.NaN, training, bootstrap(training), 0, 0);
            references.put("ceiling", ceiling);
            print(out, ceiling);
            Point independent = measure("independent (not private)", Double.NaN, training, ModelSpec.of("independent"), workers, dir);
            references.put("independent", independent);
            print(out, independent);
            for (String model : models) {
                for (double epsilon : epsilons) {
                    PrivacySpec privacy = new PrivacySpec(epsilon, delta, null, true, declared.columns());
                    ModelSpec modelSpec = new ModelSpec(model, optionsOf(model), null, null, null, privacy);
                    Point p = measure(model, epsilon, training, modelSpec, workers, dir);
                    points.add(p);
                    print(out, p);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        if (svg != null) {
            Files.writeString(svg, plot(points, references));
            out.println();
            out.println("plot written to " + svg);
        }
        return SynthCommand.EXIT_OK;
    }

    private Map<String, String> optionsOf(String model) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : modelOptions) {
            int colon = o.indexOf(':');
            int eq = o.indexOf('=');
            if (colon < 1 || eq < colon) {
                throw new SynthCommand.UserError("--model-option needs MODEL:NAME=VALUE, got '" + o + "'");
            }
            if (o.substring(0, colon).equals(model)) {
                options.put(o.substring(colon + 1, eq), o.substring(eq + 1));
            }
        }
        return options;
    }

    private Point measure(String name, double epsilon, Table training, ModelSpec modelSpec, int workers, Path dir) throws IOException {
        long t0 = System.nanoTime();
        long c0 = ProcessMeters.cpuNanos();
        SynthesisModel model = SynthesisModel.fit(training, modelSpec, 7, workers, null);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (ProcessMeters.cpuNanos() - c0) / 1e9;
        Path file = dir.resolve("synthetic.csv");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Generation.prepare(model, GenerationSettings.of(training.rowCount(), 11).withThreads(workers)).writeCsv(os, true, Generation.SILENT);
        }
        Table synthetic = CsvTableReader.read(file, CsvOptions.defaults(), training.schema());
        return score(name, epsilon, training, synthetic, wall, cpu);
    }

    private static Point score(String name, double epsilon, Table real, Table synthetic, double wall, double cpu) {
        Quality q = QualityReport.generate(EvalData.of(real, synthetic), SCORING);
        return new Point(name, epsilon, q.score(), q.properties().get(Quality.COLUMN_SHAPES), q.properties().get(Quality.COLUMN_PAIR_TRENDS),
                wall, cpu);
    }

    /** The real rows resampled with replacement (fixed seed): what sampling noise alone costs. */
    private static Table bootstrap(Table training) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int n = training.rowCount();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(n);
        }
        List<io.synthline.commons.table.Column> columns = new ArrayList<>();
        for (io.synthline.commons.table.Column c : training.columns()) {
            columns.add(switch (c) {
                case io.synthline.commons.table.NumericColumn num -> {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = num.value(rows[i]);
                    }
                    yield new io.synthline.commons.table.NumericColumn(num.schema(), v);
                }
                case io.synthline.commons.table.CategoricalColumn cat -> {
                    int[] codes = new int[n];
                    for (int i = 0; i < n; i++) {
                        codes[i] = cat.code(rows[i]);
                    }
                    yield new io.synthline.commons.table.CategoricalColumn(cat.schema(), codes, cat.categories());
                }
            });
        }
        return new Table(columns);
    }

    private static void print(PrintWriter out, Point p) {
        out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %s | %s |%n", p.model(), Double.isNaN(p.epsilon()) ? "-" : fmt(p.epsilon()),
                p.score(), p.shapes(), p.trends(), p.fitSeconds() > 0 ? String.format(Locale.ROOT, "%.1f", p.fitSeconds()) : "-",
                p.fitCpuSeconds() > 0 ? String.format(Locale.ROOT, "%.1f", p.fitCpuSeconds()) : "-");
        out.flush();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Quality against epsilon (log scale), one line per model, the references as dashed lines. */
    static String plot(List<Point> points, Map<String, Point> references) {
        int w = 640;
        int h = 400;
        int left = 60;
        int right = 170;
        int top = 30;
        int bottom = 50;
        double minE = points.stream().mapToDouble(Point::epsilon).min().orElse(0.1);
        double maxE = points.stream().mapToDouble(Point::epsilon).max().orElse(10);
        double lo = Math.min(0.6, Math.floor(Math.min(points.stream().mapToDouble(Point::score).min().orElse(0.6),
                references.values().stream().mapToDouble(Point::score).min().orElse(0.6)) * 20) / 20);
        double hi = 1.0;
        java.util.function.DoubleUnaryOperator x = e -> left + (Math.log(e) - Math.log(minE)) / Math.max(1e-9, Math.log(maxE) - Math.log(minE))
                * (w - left - right);
        java.util.function.DoubleUnaryOperator y = s -> top + (hi - s) / (hi - lo) * (h - top - bottom);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", w, h));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", w, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">QualityReport on Adult vs epsilon (delta = 1e-9, public domain)</text>%n", left));
        for (double s = lo; s <= hi + 1e-9; s += 0.05) {
            double yy = y.applyAsDouble(s);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, w - right, yy, yy));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n", left - 6, yy + 4, s));
        }
        points.stream().mapToDouble(Point::epsilon).distinct().forEach(e -> {
            double xx = x.applyAsDouble(e);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n", xx, xx, top, h - bottom));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", xx, h - bottom + 16, fmt(e)));
        });
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">epsilon (log scale)</text>%n", (left + w - right) / 2, h - 12));
        String[] colors = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
        List<String> names = points.stream().map(Point::model).distinct().toList();
        int legend = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String color = colors[i % colors.length];
            StringBuilder path = new StringBuilder();
            for (Point p : points.stream().filter(p -> p.model().equals(name)).sorted(java.util.Comparator.comparingDouble(Point::epsilon)).toList()) {
                double xx = x.applyAsDouble(p.epsilon());
                double yy = y.applyAsDouble(p.score());
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", xx, yy));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", xx, yy, color));
            }
            sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, color));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", w - right + 10, top + 14 + 18 * legend++, color, name));
        }
        String[] dashes = {"#555", "#999"};
        int r = 0;
        for (Map.Entry<String, Point> e : references.entrySet()) {
            double yy = y.applyAsDouble(e.getValue().score());
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"5,4\"/>%n", left,
                    w - right, yy, yy, dashes[r % dashes.length]));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s %.3f</text>%n", w - right + 10, top + 14 + 18 * legend++,
                    dashes[r % dashes.length], e.getKey(), e.getValue().score()));
            r++;
        }
        // the published reference: Private-PGM MST on Adult at epsilon = 1, domain from the data
        double refX = x.applyAsDouble(1);
        double refY = y.applyAsDouble(0.911);
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"none\" stroke=\"black\"/>%n", refX - 3.5, refY - 3.5));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">&#9633; reference MST 0.911</text>%n", w - right + 10, top + 14 + 18 * legend));
        sb.append("</svg>\n");
        return sb.toString();
    }
}
