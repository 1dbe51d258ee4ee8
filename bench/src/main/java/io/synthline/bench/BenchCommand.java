package io.synthline.bench;

import io.synthline.cli.SynthCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code synth bench}: benchmarks that compare an engine with a reference measured in the same run; each prints a
 * table. A launcher of its own (the {@code synth} script starts it for {@code synth bench ...}), so that the user
 * CLI carries no benchmark code; exit codes and error messages are the CLI's.
 */
@Command(name = "synth bench", mixinStandardHelpOptions = true, version = "synth bench 0.1.0", description = "Benchmarks against references measured in the same run.",
        subcommands = {BenchProfileCommand.class, BenchReadCommand.class, BenchGenerateCommand.class, BenchEvaluateCommand.class, BenchDpCommand.class,
                BenchRelationalCommand.class, BenchApiCommand.class, CommandLine.HelpCommand.class})
public class BenchCommand {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a benchmark; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return SynthCommand.run(new BenchCommand(), args, out, err);
    }
}
