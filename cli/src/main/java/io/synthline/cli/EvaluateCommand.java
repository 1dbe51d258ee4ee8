package io.synthline.cli;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.EvaluationReport;
import io.synthline.evaluator.engine.Evaluator;
import io.synthline.evaluator.engine.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Score synthetic data against the real data.")
public class EvaluateCommand implements Callable<Integer> {
    enum Format { json, html }

    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--real", required = true, paramLabel = "REAL.csv")
    Path real;

    @Option(names = "--synthetic", required = true, paramLabel = "SYN.csv")
    Path synthetic;

    @Option(names = "--holdout", paramLabel = "HOLDOUT.csv", description = "real rows the synthesizer never saw (privacy and utility)")
    Path holdout;

    @Option(names = "--label", paramLabel = "COL", description = "label column for ML utility and fairness")
    String label;

    @Option(names = "--sensitive", split = ",", paramLabel = "COL", description = "sensitive columns for fairness")
    List<String> sensitive;

    @Option(names = "--format", defaultValue = "json", description = "json or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (root.remoteOption() != null) {
            throw new SynthCommand.UserError("evaluate runs locally; on the platform every generation is evaluated automatically");
        }
        Files2.existing(real, "real");
        Files2.existing(synthetic, "synthetic");
        if (holdout != null) {
            Files2.existing(holdout, "holdout");
        }
        Table realTable = CsvTableReader.read(real);
        if (label != null) {
            realTable.column(label);
        }
        Table synTable = CsvTableReader.read(synthetic, CsvOptions.defaults(), realTable.schema());
        if (synTable.rowCount() == 0) {
            throw new SynthCommand.UserError("the synthetic file has no rows");
        }
        EvaluationReport report = Evaluator.evaluate(realTable, synTable);
        String text = format == Format.json ? Json.writePretty(report) : HtmlReport.render(report);
        if (out != null) {
            Files.writeString(out, text);
        } else {
            spec.commandLine().getOut().println(text);
        }
        return SynthCommand.EXIT_OK;
    }
}
