package io.synthline.cli;

import picocli.CommandLine.Command;

/** Benchmarks that print a table, each against a reference measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against a reference measured in the same run.",
        subcommands = {BenchEvaluateCommand.class})
public class BenchCommand {
}
