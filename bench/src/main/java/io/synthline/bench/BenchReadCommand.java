package io.synthline.bench;

import io.synthline.cli.Files2;
import io.synthline.cli.SynthCommand;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.MixedCsvGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Reading a CSV file into a table (types inferred while the columns are loaded), as the generator and the evaluator do,",
                "with the file parsed by one thread and by several, against a bare FastCSV parse of the same file in the same run."})
public class BenchReadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "CSV", description = "read this file (default: a generated mixed file)")
    Path file;

    @Option(names = "--rows", defaultValue = "1000000", description = "rows of the generated mixed file (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--columns", defaultValue = "11", description = "columns of the generated mixed file (default: ${DEFAULT-VALUE})")
    int columns;

    @Option(names = "--repeat", defaultValue = "3", description = "alternating runs of each, best wall time kept (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--threads", description = "threads of the parallel read (default: all cores)")
    Integer threads;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "where the generated file goes (default: the temp directory); deleted afterwards")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int parallel = threads != null ? threads : Parallel.defaultThreads();
        Path input = file;
        Path generated = null;
        if (input == null) {
            generated = Files.createTempFile(workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir")),
                    "synth-bench-read-", ".csv");
            out.printf("synth: generating %,d x %d mixed file ...%n", rows, columns);
            out.flush();
            MixedCsvGenerator.write(generated, rows, columns, 2026);
            input = generated;
        } else {
            Files2.existing(input, "benchmark");
        }
        try {
            double[] wall = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] cpu = new double[3];
            long[] sink = new long[1];
            Table one = null;
            Table many = null;
            for (int i = 0; i <= repeats; i++) {
                boolean timed = i > 0; // the first round warms up
                long c0 = ProcessMeters.cpuNanos();
                double parse = ProfileBenchmark.bareParse(input, sink);
                long c1 = ProcessMeters.cpuNanos();
                long t1 = System.nanoTime();
                one = CsvTableReader.read(input, CsvOptions.defaults(), null, 1);
                long t2 = System.nanoTime();
                long c2 = ProcessMeters.cpuNanos();
                many = CsvTableReader.read(input, CsvOptions.defaults(), null, parallel);
                long t3 = System.nanoTime();
                long c3 = ProcessMeters.cpuNanos();
                if (timed) {
                    wall[0] = Math.min(wall[0], parse);
                    wall[1] = Math.min(wall[1], (t2 - t1) / 1e9);
                    wall[2] = Math.min(wall[2], (t3 - t2) / 1e9);
                    cpu[0] += (c1 - c0) / 1e9 / repeats;
                    cpu[1] += (c2 - c1) / 1e9 / repeats;
                    cpu[2] += (c3 - c2) / 1e9 / repeats;
                }
            }
            boolean same = one.schema().equals(many.schema()) && one.rowCount() == many.rowCount() && sameCells(one, many);
            out.printf(Locale.ROOT, "%n%s: %.1f MB, %,d rows x %d columns%n", input.getFileName(), Files.size(input) / 1e6,
                    one.rowCount(), one.columnCount());
            out.printf("%-34s %9s %9s %12s%n", "", "wall s", "cpu s", "wall/parse");
            String[] names = {"bare FastCSV parse (reference)", "table read, 1 thread", "table read, " + parallel + " threads"};
            for (int k = 0; k < 3; k++) {
                out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %11.2fx%n", names[k], wall[k], cpu[k], wall[k] / wall[0]);
            }
            out.printf("same table with 1 and %d threads: %s%n", parallel, same ? "yes" : "NO");
            out.flush();
            return same ? SynthCommand.EXIT_OK : 1;
        } finally {
            if (generated != null) {
                Files.deleteIfExists(generated);
            }
        }
    }

    private static boolean sameCells(Table a, Table b) {
        for (int c = 0; c < a.columnCount(); c++) {
            for (int r = 0; r < a.rowCount(); r++) {
                if (!java.util.Objects.equals(a.column(c).text(r), b.column(c).text(r))) {
                    return false;
                }
            }
        }
        return true;
    }
}
