package io.synthline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that compare an engine with a reference measured in the same run; each prints a table. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against references measured in the same run.",
        subcommands = {BenchProfileCommand.class, BenchGenerateCommand.class, BenchEvaluateCommand.class, BenchDpCommand.class,
                BenchRelationalCommand.class, CommandLine.HelpCommand.class})
public class BenchCommand {
}
