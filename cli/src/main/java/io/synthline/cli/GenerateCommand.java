package io.synthline.cli;

import io.synthline.cli.client.ApiClient;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.FittedModel;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Fit a model on a CSV file and write synthetic rows.")
public class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "training data")
    Path file;

    @Option(names = "--rows", required = true, description = "number of synthetic rows")
    long rows;

    @Option(names = "--seed", required = true, description = "random seed; the same seed gives the same output")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv")
    Path out;

    @Option(names = "--model", description = "synthesizer (default: independent; differentially private: mst, aim)")
    String model;

    @Mixin
    PrivacyOptions privacy;

    @Override
    public Integer call() throws Exception {
        Files2.existing(file, "input");
        if (rows < 1) {
            throw new SynthCommand.UserError("--rows must be at least 1, got " + rows);
        }
        privacy.validate(model);
        if (root.remoteOption() != null) {
            ApiClient.forCli(root).generateRemotely(file, rows, seed, model, out, spec.commandLine().getErr());
            return SynthCommand.EXIT_OK;
        }
        long t0 = System.nanoTime();
        Table training = CsvTableReader.read(file, CsvOptions.defaults(), privacy.readSchema());
        FittedModel fitted = privacy.fit(model, training, seed);
        long t1 = System.nanoTime();
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".synth-", ".part");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                    CsvTableWriter writer = CsvTableWriter.open(os, fitted.schema().names())) {
                fitted.sample(rows, seed, writer::writeRow);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        long t2 = System.nanoTime();
        spec.commandLine().getErr().printf("synth: %s fitted on %,d rows in %d ms; %,d rows sampled in %d ms -> %s%n",
                fitted.synthesizer(), training.rowCount(), (t1 - t0) / 1_000_000, rows, (t2 - t1) / 1_000_000, out);
        privacy.report(fitted, out, spec.commandLine().getErr());
        return SynthCommand.EXIT_OK;
    }
}
