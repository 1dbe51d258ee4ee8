package io.synthline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiClient;
import io.synthline.cli.client.RunWatch;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.api.EvaluationView;
import io.synthline.commons.api.GenerationView;
import io.synthline.commons.api.GovernanceDecision;
import io.synthline.commons.api.GovernedGenerationView;
import io.synthline.commons.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The commands that only make sense on the platform (the logged-in one, or {@code --remote URL}):
 * list datasets and runs, download a released run, save its evaluation report, and an owner's
 * approve / refuse / override.
 */
final class PlatformCommands {
    enum ListFormat { text, json }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private PlatformCommands() {
    }

    static String when(Instant instant) {
        return instant == null ? "-" : WHEN.format(instant);
    }

    /** The profiler's dataset list read as the typed views (the JSON output prints the list as received). */
    static List<DatasetView> datasets(JsonNode list) {
        return List.of(Json.mapper().convertValue(list, DatasetView[].class));
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    @Command(name = "datasets", mixinStandardHelpOptions = true, description = "List your tenant's datasets on the platform.")
    static class Datasets implements Callable<Integer> {
        @ParentCommand
        SynthCommand root;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        ListFormat format;

        @Override
        public Integer call() {
            ApiClient client = ApiClient.forCli(root);
            JsonNode list = client.get(client.endpoints().profiler(), "/api/v1/datasets");
            PrintWriter out = spec.commandLine().getOut();
            if (format == ListFormat.json) {
                out.println(Json.writePretty(list));
                return SynthCommand.EXIT_OK;
            }
            printDatasets(list, out);
            return SynthCommand.EXIT_OK;
        }

        static void printDatasets(JsonNode list, PrintWriter out) {
            out.printf("%-36s  %-28s %10s %5s  %-16s  %-18s %s%n", "DATASET", "NAME", "ROWS", "COLS", "UPLOADED", "OWNER", "STATUS");
            for (DatasetView d : datasets(list)) {
                out.printf(Locale.ROOT, "%-36s  %-28s %,10d %5d  %-16s  %-18s %s%n", d.id(), cut(String.valueOf(d.name()), 28),
                        d.rowCount() == null ? 0 : d.rowCount(), d.columnCount() == null ? 0 : d.columnCount(), when(d.createdAt()),
                        cut(String.valueOf(d.owner()), 18), d.status());
            }
            if (list.isEmpty()) {
                out.println("(no datasets yet: synth profile --remote FILE uploads one)");
            }
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true,
            description = "List your tenant's generation runs on the platform with their status and release decision.")
    static class Runs implements Callable<Integer> {
        @ParentCommand
        SynthCommand root;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        ListFormat format;

        @Override
        public Integer call() {
            ApiClient client = ApiClient.forCli(root);
            JsonNode runs = client.get(client.endpoints().generator(), "/api/v1/generations");
            PrintWriter out = spec.commandLine().getOut();
            if (format == ListFormat.json) {
                out.println(Json.writePretty(runs));
                return SynthCommand.EXIT_OK;
            }
            printRuns(runs, client.get(client.endpoints().profiler(), "/api/v1/datasets"), out);
            return SynthCommand.EXIT_OK;
        }

        static void printRuns(JsonNode runs, JsonNode datasets, PrintWriter out) {
            Map<String, String> names = new HashMap<>();
            datasets(datasets).forEach(d -> names.put(d.id(), String.valueOf(d.name())));
            out.printf("%-36s  %-24s %-12s %10s  %-16s %-12s %s%n", "RUN", "DATASET", "MODEL", "ROWS", "STATUS", "RELEASE", "REQUESTED");
            for (GenerationView g : Json.mapper().convertValue(runs, GenerationView[].class)) {
                String status = g.status();
                if (status.equals("RUNNING") && g.rowsDone() != null) {
                    status += String.format(Locale.ROOT, " %d%%", 100 * g.rowsDone() / Math.max(1, g.rows()));
                }
                String dataset = names.getOrDefault(g.datasetId(), g.datasetId());
                out.printf(Locale.ROOT, "%-36s  %-24s %-12s %,10d  %-16s %-12s %s%n", g.id(), cut(dataset, 24),
                        cut(String.valueOf(g.model()), 12), g.rows(), status, g.releaseStatus() != null ? g.releaseStatus() : "-",
                        when(g.createdAt()));
            }
            if (runs.isEmpty()) {
                out.println("(no runs yet: synth generate --remote FILE --rows N --seed S --out OUT.csv)");
            }
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download the synthetic data of a released run (CSV, or Parquet when OUT ends in .parquet).")
    static class Download implements Callable<Integer> {
        @ParentCommand
        SynthCommand root;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN", description = "the run's id (synth runs lists them)")
        String run;

        @Option(names = "--out", paramLabel = "OUT.csv|DIR", description = "where to write it (default: RUN.csv; for a run on several tables"
                + " a directory, default RUN)")
        Path out;

        @Option(names = "--wait", description = "wait until the run is released (showing its progress) instead of failing while it is not")
        boolean await;

        @Option(names = "--csv-formulas", defaultValue = "escape", paramLabel = "escape|keep",
                description = "several tables: escape cells a spreadsheet would run as formulas (default), or keep the exact bytes")
        GenerateCommand.CsvFormulas csvFormulas;

        @Override
        public Integer call() throws java.io.IOException {
            ApiClient client = ApiClient.forCli(root);
            if (await) {
                new RunWatch(client, spec.commandLine().getErr(), System.console() != null).awaitRelease(run, Duration.ofHours(2));
            }
            if (madeSeveralTables(client, run)) {
                Path dir = out != null ? out : Path.of(run);
                RelationalCli.download(client, run, dir, csvFormulas.escapes());
                spec.commandLine().getErr().printf("synth: run %s -> %s (every table checked against its SHA-256 in the run's manifest)%n",
                        run, dir);
                return SynthCommand.EXIT_OK;
            }
            Path target = out != null ? out : Path.of(run + ".csv");
            download(client, run, target);
            spec.commandLine().getErr().printf("synth: run %s -> %s%n", run, target);
            return SynthCommand.EXIT_OK;
        }

        /** Whether the run's manifest lists several tables; a run without one yet (409) takes the one-table path, which says why. */
        private static boolean madeSeveralTables(ApiClient client, String run) {
            try {
                return client.get(client.endpoints().generator(), "/api/v1/generations/" + run + "/manifest").path("tables").isObject();
            } catch (io.synthline.cli.client.ApiException e) {
                if (e.status() == 409) {
                    return false;
                }
                throw e;
            }
        }

        /** CSV or Parquet by the target's name; a run that is not released says why (409 from the platform). */
        static void download(ApiClient client, String run, Path target) {
            boolean parquet = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
            client.downloadTo(client.endpoints().generator(), "/api/v1/generations/" + run + (parquet ? "/data.parquet" : "/data"),
                    parquet ? "application/vnd.apache.parquet" : "text/csv", target.toAbsolutePath());
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Save the platform's evaluation of a run: the HTML report (default) or the JSON document.")
    static class Report implements Callable<Integer> {
        enum Format { html, json }

        @ParentCommand
        SynthCommand root;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN", description = "the run's id (synth runs lists them)")
        String run;

        @Option(names = "--format", defaultValue = "html", description = "html or json (default: ${DEFAULT-VALUE})")
        Format format;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write it (default: RUN-report.html or .json)")
        Path out;

        @Override
        public Integer call() {
            Path target = out != null ? out : Path.of(run + "-report." + format.name());
            String evaluation = save(ApiClient.forCli(root), run, format == Format.html, target);
            spec.commandLine().getErr().printf("synth: evaluation %s of run %s -> %s%n", evaluation, run, target);
            return SynthCommand.EXIT_OK;
        }

        /** Saves the newest completed evaluation of {@code run}; returns its id. */
        static String save(ApiClient client, String run, boolean html, Path target) {
            List<EvaluationView> list = client.evaluations(run);
            EvaluationView chosen = null;
            for (EvaluationView e : list) {
                if ("COMPLETED".equals(e.status()) && (chosen == null || e.createdAt().isAfter(chosen.createdAt()))) {
                    chosen = e;
                }
            }
            if (chosen == null) {
                throw new SynthCommand.UserError("run " + run + " has no completed evaluation yet"
                        + (list.isEmpty() ? " (the platform evaluates every run once it completes)" : ""));
            }
            String id = chosen.id();
            client.downloadTo(client.endpoints().evaluator(), "/api/v1/evaluations/" + id + (html ? "/report" : ""),
                    html ? "text/html" : "application/json", target.toAbsolutePath());
            return id;
        }
    }

    /** What approve and refuse share: the run, the written justification, the call. */
    abstract static class Decision implements Callable<Integer> {
        @ParentCommand
        SynthCommand root;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN", description = "the run's id")
        String run;

        @Option(names = {"-j", "--justification"}, required = true, paramLabel = "TEXT",
                description = "why (at least 10 characters; kept in the audit trail)")
        String justification;

        GovernedGenerationView post(ApiClient client, String path) {
            try {
                return client.sendJson("POST", client.endpoints().governance(), path, new GovernanceDecision(justification),
                        GovernedGenerationView.class);
            } catch (io.synthline.cli.client.ApiException e) {
                if (e.status() == 403) {
                    throw new SynthCommand.UserError("only a data owner of the dataset or a tenant admin decides on run " + run
                            + " (" + e.getMessage() + ")");
                }
                throw e;
            }
        }

    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"As a data owner (or tenant admin): approve a run waiting for your approval, or, with --override,",
                    "release a run the release gate quarantined. Both are audited with your justification."})
    static class Approve extends Decision {
        @Option(names = "--override", description = "release a quarantined run despite the failed release checks")
        boolean override;

        @Override
        public Integer call() {
            ApiClient client = ApiClient.forCli(root);
            GovernedGenerationView g = client.governedGeneration(run);
            PrintWriter out = spec.commandLine().getOut();
            if ("QUARANTINED".equals(g.releaseStatus())) {
                if (!override) {
                    throw new SynthCommand.UserError("run " + run + " is quarantined ("
                            + (g.releaseReason() != null ? g.releaseReason() : "release checks failed") + "); releasing it anyway needs --override");
                }
                GovernedGenerationView done = post(client, "/api/v1/releases/" + run + "/override");
                out.printf("run %s released by override: %s%n", run, done.releaseStatus());
            } else if (override) {
                throw new SynthCommand.UserError("run " + run + " is not quarantined (release: " + g.releaseStatus() + ")");
            } else {
                GovernedGenerationView done = post(client, "/api/v1/approvals/" + run + "/approve");
                out.printf("run %s approved: %s%n", run, done.status());
            }
            return SynthCommand.EXIT_OK;
        }
    }

    @Command(name = "refuse", mixinStandardHelpOptions = true,
            description = "As a data owner (or tenant admin): refuse a run waiting for your approval (audited with your justification).")
    static class Refuse extends Decision {
        @Override
        public Integer call() {
            ApiClient client = ApiClient.forCli(root);
            GovernedGenerationView done = post(client, "/api/v1/approvals/" + run + "/refuse");
            spec.commandLine().getOut().printf("run %s refused: %s%n", run, done.status());
            return SynthCommand.EXIT_OK;
        }
    }
}
