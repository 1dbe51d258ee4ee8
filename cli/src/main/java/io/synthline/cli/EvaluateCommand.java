package io.synthline.cli;

import io.synthline.cli.client.ApiClient;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.json.Json;
import io.synthline.evaluator.engine.EvaluationInputs;
import io.synthline.evaluator.engine.EvaluationOptions;
import io.synthline.evaluator.engine.Evaluator;
import io.synthline.evaluator.engine.data.SdType;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.relational.RelationalEvaluator;
import io.synthline.evaluator.engine.report.Html;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
        "Score synthetic data against the real data: SDMetrics-compatible quality, MOSTLY-style accuracy, detection,",
        "ML utility (TSTR vs TRTR), privacy (exact DCR metrics and attacks) and fairness; JSON or a self-contained HTML report."})
public class EvaluateCommand implements Callable<Integer> {
    enum Format { json, html }

    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--real", paramLabel = "REAL.csv|DIR|ZIP",
            description = "the data the synthesizer was trained on: a CSV file, or a directory or zip of related tables (required unless --remote)")
    Path real;

    @Option(names = "--synthetic", paramLabel = "SYN.csv|DIR|ZIP", description = "the synthetic data (required unless --remote)")
    Path synthetic;

    @Option(names = "--metadata", paramLabel = "METADATA.json",
            description = "related tables: keys and types (default: metadata.json beside the real tables, else proposed keys)")
    Path metadata;

    @Option(names = "--run", paramLabel = "RUN", description = "with --remote: the platform's run whose evaluation to fetch")
    String run;

    @Option(names = "--holdout", paramLabel = "HOLDOUT.csv",
            description = "real rows the synthesizer never saw: the control of overfitting and privacy attacks, the test set of ML utility")
    Path holdout;

    @Option(names = "--manifest", paramLabel = "MANIFEST.json",
            description = "the synthetic file's provenance manifest, which names the columns that replaced personal data"
                    + " (default: SYN.csv.manifest.json when it exists, as synth generate writes it)")
    Path manifest;

    @Option(names = "--label", paramLabel = "COL", description = "label column for ML utility and fairness")
    String label;

    @Option(names = "--sensitive", split = ",", paramLabel = "COL", description = "sensitive columns: fairness groups and attribute-inference secrets")
    List<String> sensitive;

    @Option(names = "--quasi-identifiers", split = ",", paramLabel = "COL",
            description = "what an attacker knows (default: every other column)")
    List<String> quasiIdentifiers;

    @Option(names = "--favourable", paramLabel = "VALUE", description = "favourable label value for fairness (default: the less frequent one)")
    String favourable;

    @Option(names = "--sdtype", split = ",", paramLabel = "COL=TYPE",
            description = "override a column's SDMetrics sdtype: numerical, datetime, categorical or boolean")
    Map<String, String> sdtypes;

    @Option(names = "--no-thresholds", description = "score every column pair (SDMetrics thresholds 0) instead of real |r| > 0.5 / association > 0.3")
    boolean noThresholds;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "compute only these sections: quality, accuracy, detection, utility, privacy, fairness (related tables:"
                    + " quality, integrity, sequences, privacy)")
    List<String> only;

    @Option(names = "--seed", defaultValue = "" + EvaluationOptions.DEFAULT_SEED, description = "seed of every randomised step (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-rows", defaultValue = "" + Integer.MAX_VALUE, paramLabel = "N",
            description = "evaluate larger files on a uniform random sample of N rows each (seeded by --seed), bounding memory;"
                    + " default: every row")
    int maxRows;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores); never changes the results")
    Integer threads;

    @Option(names = "--format", defaultValue = "json", description = "json or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--csv-formulas", defaultValue = "escape", paramLabel = "escape|keep",
            description = "how SYN.csv and HOLDOUT.csv were written by synth generate: escape (its default: a leading ' added to "
                    + "formula cells is taken off again) or keep (exact values, read as they are)")
    GenerateCommand.CsvFormulas csvFormulas;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (root.remote()) {
            // the platform evaluates every run once it completes: fetch that evaluation
            if (run == null) {
                throw new SynthCommand.UserError("with --remote, name the run: synth evaluate --remote --run RUN (synth runs lists them)");
            }
            Path target = out != null ? out : Path.of(run + "-evaluation." + format.name());
            String id = PlatformCommands.Report.save(ApiClient.forCli(root), run, format == Format.html, target);
            spec.commandLine().getErr().printf("synth: the platform's evaluation %s of run %s -> %s%n", id, run, target);
            return SynthCommand.EXIT_OK;
        }
        if (real == null || synthetic == null) {
            throw new SynthCommand.UserError("give --real REAL.csv and --synthetic SYN.csv (or --remote --run RUN for the platform's evaluation)");
        }
        if (RelationalCli.isRelational(real)) {
            if (label != null || sensitive != null || quasiIdentifiers != null || favourable != null || sdtypes != null) {
                throw new SynthCommand.UserError("with related tables, --label, --sensitive, --quasi-identifiers, --favourable and --sdtype"
                        + " are not available (sdtypes come from the metadata)");
            }
            return RelationalCli.evaluate(real, synthetic, holdout, metadata, csvFormulas.escapes(), noThresholds, seed,
                    relationalSections(), workers(), format == Format.json, out,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (metadata != null) {
            throw new SynthCommand.UserError("--metadata describes related tables: give directories or zips of CSV files");
        }
        Files2.existing(real, "real");
        Files2.existing(synthetic, "synthetic");
        if (holdout != null) {
            Files2.existing(holdout, "holdout");
        }
        if (maxRows < 1) {
            throw new SynthCommand.UserError("--max-rows must be at least 1, got " + maxRows);
        }
        // the files synth generate wrote are read with the cells it escaped restored
        Path exactSynthetic = exact(synthetic, "synthetic");
        Path exactHoldout = exact(holdout, "holdout");
        EvaluationInputs.Read tables;
        try {
            tables = EvaluationInputs.read(real, null, exactSynthetic, exactHoldout, maxRows, seed);
        } finally {
            if (exactSynthetic != synthetic) {
                Files.deleteIfExists(exactSynthetic);
            }
            if (exactHoldout != holdout) {
                Files.deleteIfExists(exactHoldout);
            }
        }
        if (tables.heldOutRowsRemoved() > 0) {
            // REAL is the whole dataset (as after synth generate --holdout): the held-out rows would be on both sides of every attack
            spec.commandLine().getErr().printf("synth: the %,d held-out rows are rows of %s: evaluating against its other %,d rows%n",
                    tables.heldOutRowsRemoved(), real.getFileName(), tables.real().rowCount());
        }
        EvaluationDocument doc = Evaluator.evaluate(tables, options().withReplaced(replacedColumns()));
        String text = format == Format.json ? Json.writePretty(doc) : Html.render(doc);
        if (out != null) {
            Files.writeString(out, text);
        } else {
            spec.commandLine().getOut().println(text);
        }
        return SynthCommand.EXIT_OK;
    }

    /**
     * A copy of a CSV file synth generate wrote with the cells it escaped restored (see docs/security.md),
     * or the file itself when it is Parquet, formulas were kept or nothing in it can be escaped; the
     * caller deletes a copy.
     */
    private Path exact(Path file, String role) throws java.io.IOException {
        if (file == null || !csvFormulas.escapes() || io.synthline.parquet.ParquetFiles.isParquet(file)
                || !io.synthline.commons.csv.FormulaGuard.mayHaveEscapes(file)) {
            return file;
        }
        Path copy = Files.createTempFile("synth-" + role + "-", ".csv");
        try (java.io.InputStream in = Files.newInputStream(file);
                java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
            io.synthline.commons.csv.FormulaGuard.unescape(in, os);
        }
        return copy;
    }

    /** From the manifest next to the synthetic file (or the one given): the columns that replaced personal data. */
    private List<ReplacedColumn> replacedColumns() throws java.io.IOException {
        Path file = manifest != null ? Files2.existing(manifest, "manifest") : synthetic.resolveSibling(synthetic.getFileName() + ".manifest.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ReplacedColumn> replaced;
        try (var in = Files.newInputStream(file)) {
            replaced = EvaluationInputs.replacedColumns(in, file.getFileName().toString());
        }
        if (!replaced.isEmpty()) {
            spec.commandLine().getErr().println("synth: " + file.getFileName() + ": columns " + replaced.stream()
                    .map(r -> r.column() + " (" + r.kind() + (r.learnedAs() == null ? "" : ", learned as " + r.learnedAs()) + ")").toList()
                    + " replaced personal data: reported under pii; the ones not learned are left out of the other sections");
        }
        return replaced;
    }

    /** The sections of a relational evaluation {@code --only} names; all of them without it. */
    private EnumSet<RelationalEvaluator.Section> relationalSections() {
        return only == null ? EnumSet.allOf(RelationalEvaluator.Section.class) : named(RelationalEvaluator.Section.class, " for related tables");
    }

    private EnumSet<EvaluationOptions.Section> sections() {
        return only == null ? EnumSet.noneOf(EvaluationOptions.Section.class) : named(EvaluationOptions.Section.class, "");
    }

    /** The sections {@code --only} names, of a kind whose constants are the section names in upper case. */
    private <S extends Enum<S>> EnumSet<S> named(Class<S> kind, String context) {
        EnumSet<S> set = EnumSet.noneOf(kind);
        for (String name : only) {
            try {
                set.add(Enum.valueOf(kind, name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SynthCommand.UserError("unknown section '" + name + "'" + context + "; sections are " + java.util.Arrays
                        .stream(kind.getEnumConstants()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        return set;
    }

    private int workers() {
        if (threads != null && threads < 1) {
            throw new SynthCommand.UserError("--threads must be at least 1, got " + threads);
        }
        return threads != null ? threads : Parallel.defaultThreads();
    }

    EvaluationOptions options() {
        Map<String, SdType> types = new LinkedHashMap<>();
        if (sdtypes != null) {
            sdtypes.forEach((column, type) -> {
                try {
                    types.put(column, SdType.parse(type));
                } catch (IllegalArgumentException e) {
                    throw new SynthCommand.UserError("unknown sdtype '" + type + "' for column '" + column
                            + "'; use numerical, datetime, categorical or boolean");
                }
            });
        }
        return EvaluationOptions.defaults().withLabel(label).withSensitive(sensitive).withQuasiIdentifiers(quasiIdentifiers)
                .withFavourable(favourable).withSdtypes(types).withSections(sections()).withSeed(seed)
                .withThresholds(noThresholds ? QualityReport.Thresholds.NONE : QualityReport.Thresholds.DEFAULT)
                .withThreads(workers());
    }
}
