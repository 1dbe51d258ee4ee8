package io.synthline.cli;

import io.synthline.cli.client.ApiClient;
import io.synthline.commons.csv.CsvDialect;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.table.TableSchema;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import io.synthline.profiler.engine.report.ProfileHtml;
import io.synthline.profiler.engine.report.ProfileText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile a CSV or Parquet file: types, statistics, correlations, personal data, sensitive attributes, alerts.")
public class ProfileCommand implements Callable<Integer> {
    enum Format { json, text, html }

    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|DIR|ZIP",
            description = "CSV or Parquet file (Parquet is recognised by its content), or a directory or zip of related CSV tables")
    Path file;

    @Option(names = "--metadata", paramLabel = "METADATA.json",
            description = "related tables: keys and types (default: metadata.json beside the tables, else keys are proposed)")
    Path metadata;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here instead of standard output")
    Path out;

    @Option(names = "--schema", paramLabel = "SCHEMA.json",
            description = "explicit column types, e.g. {\"columns\":[{\"name\":\"zip\",\"type\":\"CATEGORICAL\"}]}; they win over inference")
    Path schema;

    @Mixin
    CsvDialectOptions dialect;

    @Option(names = "--threads", description = "worker threads (default: all cores; results do not depend on it)")
    Integer threads;

    @Option(names = "--correlation-rows", paramLabel = "N",
            description = "use all rows for correlations up to N, a uniform sample of N above (default: ${DEFAULT-VALUE})",
            defaultValue = "100000")
    int correlationRows;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the row sample and sketches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-reuse", description = "with --remote: upload again even if the tenant has a dataset of these bytes read this way")
    boolean noReuse;

    @Override
    public Integer call() throws Exception {
        if (RelationalCli.isRelational(file)) {
            if (root.remote() || format == Format.html || schema != null) {
                throw new SynthCommand.UserError("related tables are profiled locally as text or json; --schema is for one table"
                        + " (types of several tables come from --metadata)");
            }
            return RelationalCli.profile(file, metadata, format == Format.json, out, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        Files2.existing(file, "input");
        DatasetProfile profile;
        if (root.remote()) {
            ApiClient client = ApiClient.forCli(root);
            String id = client.datasetFor(file, dialect.toDialect(), readSchema(), !noReuse, spec.commandLine().getErr()).path("id").asText();
            profile = client.profile(id);
        } else {
            ProfileOptions options = ProfileOptions.defaults().withCorrelationRowLimit(correlationRows).withSeed(seed)
                    .withExplicitSchema(readSchema());
            if (threads != null) {
                options = options.withThreads(threads);
            }
            profile = new DatasetProfiler(options).profile(file, dialect.toCsvOptions());
        }
        String rendered = switch (format) {
            case json -> Json.writePretty(profile);
            case text -> ProfileText.render(profile);
            case html -> ProfileHtml.render(profile);
        };
        if (out != null) {
            Files.writeString(out, rendered, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("synth: profile written to " + out);
        } else {
            spec.commandLine().getOut().println(rendered);
        }
        return SynthCommand.EXIT_OK;
    }

    private TableSchema readSchema() throws IOException {
        if (schema == null) {
            return null;
        }
        Files2.existing(schema, "schema");
        try {
            return Json.mapper().readValue(Files.readString(schema), TableSchema.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SynthCommand.UserError("the schema file is not a valid schema: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new SynthCommand.UserError("the schema file is not a valid schema: " + e.getMessage());
        }
    }

    /** How to read a CSV file; the same flags wherever the CLI reads CSV. */
    public static class CsvDialectOptions {
        @Option(names = "--delimiter", paramLabel = "C", description = "field delimiter: a character or comma, tab, semicolon, pipe")
        String delimiter;

        @Option(names = "--quote", paramLabel = "C", description = "quote character (default: \")")
        String quote;

        @Option(names = "--encoding", paramLabel = "CHARSET", description = "character encoding unless a byte order mark says otherwise (default: UTF-8)")
        String encoding;

        @Option(names = "--null-tokens", paramLabel = "LIST", split = ",",
                description = "cell texts that mean missing, comma separated (default: pandas' list: NA, NULL, N/A, NaN, ...)")
        List<String> nullTokens;

        @Option(names = "--keep-empty", description = "read empty cells as empty strings, not as missing")
        boolean keepEmpty;

        @Option(names = "--no-header", description = "the first row is data; columns are named column_1, column_2, ...")
        boolean noHeader;

        @Option(names = "--rename-duplicate-headers", description = "rename a repeated column name x to x.1, x.2 (pandas' way) instead of failing")
        boolean renameDuplicates;

        public CsvOptions toCsvOptions() {
            return toDialect().toCsvOptions();
        }

        /** The flags in words, as the platform's upload takes them. */
        public CsvDialect toDialect() {
            return new CsvDialect(delimiter, quote, encoding, nullTokens, keepEmpty ? Boolean.TRUE : null, noHeader ? Boolean.FALSE : null,
                    renameDuplicates ? Boolean.TRUE : null);
        }
    }
}
