package io.synthline.cli;

import io.synthline.cli.client.ApiClient;
import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.json.Json;
import io.synthline.profiler.engine.DatasetProfile;
import io.synthline.profiler.engine.DatasetProfiler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profile", mixinStandardHelpOptions = true, description = "Profile a CSV file: types, nulls, distinct values.")
public class ProfileCommand implements Callable<Integer> {
    enum Format { json, text }

    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "json or text (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() throws Exception {
        Files2.existing(file, "input");
        var out = spec.commandLine().getOut();
        if (root.remoteOption() != null) {
            String json = ApiClient.forCli(root).uploadAndProfile(file);
            out.println(format == Format.json ? json : ApiClient.describeDataset(json));
            return SynthCommand.EXIT_OK;
        }
        DatasetProfile profile = new DatasetProfiler(CsvOptions.defaults()).profile(file, null);
        if (format == Format.json) {
            out.println(Json.writePretty(profile));
        } else {
            out.printf("%s: %,d rows, %d columns%n", file.getFileName(), profile.rowCount(), profile.columns().size());
            out.printf("%-28s %-12s %12s %12s%n", "column", "type", "nulls", "distinct~");
            for (ColumnSummary c : profile.columns()) {
                out.printf("%-28s %-12s %,12d %,12d%n", c.name(), c.type(), c.nullCount(), c.distinctEstimate());
            }
        }
        return SynthCommand.EXIT_OK;
    }
}
