package io.synthline.cli;

import io.synthline.cli.client.ApiClient;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.OutputSpec;
import io.synthline.commons.api.PiiSpec;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.json.Json;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.synthesis.HoldoutSplit;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.engine.pipeline.GenerationPipeline;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code synth generate}: the same request the API takes, as options (or a JSON spec file with
 * the API's request shape, which options override). Further option groups (e.g. differential
 * privacy) add fields here and map them in {@link #request()}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a model on a CSV file (or load a stored one) and write synthetic rows.")
public class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv|DIR|ZIP",
            description = "training data: one CSV file, or a directory or zip of CSV files (one per table) for related tables"
                    + " (not needed with --load-model)")
    Path file;

    @Option(names = "--rows", description = "number of synthetic rows (one table; default: rows of --spec)")
    Long rows;

    @Option(names = "--metadata", paramLabel = "METADATA.json",
            description = "related tables: keys and types (SDV multi-table format; default: metadata.json beside the tables, else keys"
                    + " proposed from the data)")
    Path metadata;

    @Option(names = "--max-children", paramLabel = "K",
            description = "related tables with a DP model: child rows learned per parent and child table, the bound of what one person"
                    + " contributes (default: 5)")
    Integer maxChildren;

    @Option(names = "--scale", defaultValue = "1", description = "related tables: tables without parent get SCALE times their rows,"
            + " the others follow (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--seed", required = true, description = "random seed; the same data, options and seed give the same bytes")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "output file; a name ending in .parquet writes Parquet")
    Path out;

    @Option(names = "--model", description = "tree, copula or independent (default: tree); differentially private: mst, aim")
    String model;

    @Option(names = "--model-option", paramLabel = "NAME=VALUE", description = "model hyper-parameter, e.g. minLeaf=10 (tree), marginals=empirical (copula)")
    Map<String, String> modelOptions = new LinkedHashMap<>();

    @Option(names = "--condition", paramLabel = "COL=VALUE", description = "every row satisfies it: COL=VALUE, COL=A|B, COL=MIN..MAX")
    List<String> conditions = new ArrayList<>();

    @Option(names = "--rebalance", paramLabel = "SPEC", description = "COL=VALUE:SHARE,... (target shares) or COL=VALUE:xFACTOR")
    String rebalance;

    @Option(names = "--constraint", paramLabel = "SPEC",
            description = "fixed:A,B | ineq:LOW<=HIGH | range:COL=MIN..MAX | format:COL=REGEX | unique:COL")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--pii", paramLabel = "COL=KIND", description = "replace a column by fake values (kinds: full_name, email, phone, ...; empty = guess)")
    Map<String, String> pii = new LinkedHashMap<>();

    @Option(names = "--no-pii-detection", negatable = false,
            description = "do not run the profiler's PII detection (by default every column it flags is replaced and never learned, as in the service)")
    boolean noPiiDetection;

    @Option(names = "--locale", description = "locale of fake PII values (default en-US)")
    String locale;

    @Option(names = "--spec", paramLabel = "REQUEST.json", description = "a generation request as the API takes it; options override it")
    Path specFile;

    @Option(names = "--provenance-columns", description = "add _synth_run and _synth_row columns")
    boolean provenanceColumns;

    @Option(names = "--allow-copies", description = "keep rows identical to a training row (they are redrawn by default)")
    boolean allowCopies;

    @Option(names = "--first-row", defaultValue = "0", description = "index of the first row: regenerate rows or shards of a larger run")
    long firstRow;

    @Option(names = "--threads", description = "worker threads (default: all cores); never changes the output")
    Integer threads;

    @Option(names = "--save-model", paramLabel = "MODEL.synth", description = "store the fitted model (sample it again with --load-model); the copy guard that"
            + " recognises real rows goes to MODEL.synth.guard, to be kept with the training data")
    Path saveModel;

    @Option(names = "--load-model", paramLabel = "MODEL.synth", description = "sample a stored model instead of fitting (with MODEL.synth.guard beside it, or --allow-copies)")
    Path loadModel;

    @Option(names = "--holdout", paramLabel = "SHARE",
            description = "share of the rows (0 to 0.5) kept away from fitting and written to --holdout-out, the control set of"
                    + " 'synth evaluate --holdout' (default: none)")
    Double holdout;

    @Option(names = "--holdout-out", paramLabel = "FILE.csv", description = "where the held-out rows go (default: OUT.holdout.csv)")
    Path holdoutOut;

    @Option(names = "--csv-formulas", defaultValue = "escape", paramLabel = "escape|keep",
            description = "escape: cells a spreadsheet would run as formulas (=, +, -, @, tab) get a leading ' (default); keep: "
                    + "exact values, for machines (synth evaluate reads both, told the same option)")
    CsvFormulas csvFormulas;

    /** Whether CSV files written for people escape formula cells (docs/security.md). */
    public enum CsvFormulas {
        escape, keep;

        public boolean escapes() {
            return this == escape;
        }
    }

    @Option(names = "--manifest", paramLabel = "FILE.json", description = "where to write the provenance manifest (default: OUT.manifest.json)")
    Path manifest;

    @Option(names = "--purpose", paramLabel = "TEXT",
            description = "why you generate (with --remote: the platform keeps it with the run and the audit trail shows it)")
    String purpose;

    @Option(names = "--no-reuse", description = "with --remote: upload the file again even if the tenant has a dataset of these bytes")
    boolean noReuse;

    @Option(names = "--wait-minutes", defaultValue = "60", paramLabel = "N",
            description = "with --remote: how long to wait for the release (default: ${DEFAULT-VALUE}); the run goes on after that")
    long waitMinutes;

    @Mixin
    PrivacyOptions privacy;

    /** The request these options describe: the spec file's, with every given option on top. */
    GenerationRequest request() throws IOException {
        GenerationRequest base = specFile == null ? new GenerationRequest(null, null, null, null)
                : Json.read(Files.readString(Files2.existing(specFile, "spec")), GenerationRequest.class);
        Map<String, String> options = new LinkedHashMap<>(base.modelOptions() == null ? Map.of() : base.modelOptions());
        options.putAll(modelOptions);
        List<ConditionSpec> c = new ArrayList<>(base.conditions() == null ? List.of() : base.conditions());
        conditions.forEach(t -> c.add(GenerateSyntax.condition(t)));
        List<ConstraintSpec> k = new ArrayList<>(base.constraints() == null ? List.of() : base.constraints());
        constraints.forEach(t -> k.add(GenerateSyntax.constraint(t)));
        RebalanceSpec r = rebalance != null ? GenerateSyntax.rebalance(rebalance) : base.rebalance();
        Map<String, String> p = new LinkedHashMap<>(base.pii() == null || base.pii().columns() == null ? Map.of() : base.pii().columns());
        p.putAll(pii);
        String loc = locale != null ? locale : base.pii() == null ? null : base.pii().locale();
        boolean prov = provenanceColumns || (base.output() != null && Boolean.TRUE.equals(base.output().provenanceColumns()));
        Boolean exclude = allowCopies ? Boolean.FALSE : base.excludeTrainingCopies();
        String m = model != null ? model : base.model();
        return new GenerationRequest(base.datasetId(), rows != null ? rows : base.rows(), seed, m, options, c, r, k,
                p.isEmpty() && loc == null ? null : new PiiSpec(p, loc), new OutputSpec("csv", prov), exclude, base.modelId(),
                loadModel != null ? null : privacy.spec(m, base.privacy()), holdout != null ? holdout : base.holdout(),
                purpose != null ? purpose : base.purpose());
    }

    @Override
    public Integer call() throws Exception {
        if (RelationalCli.isRelational(file) || file == null && loadModel != null && RelationalCli.isRelationalModel(loadModel)) {
            return relational();
        }
        if (metadata != null) {
            throw new SynthCommand.UserError("--metadata describes related tables: give a directory or zip of CSV files");
        }
        if (firstRow < 0) {
            throw new SynthCommand.UserError("--first-row must not be negative");
        }
        GenerationRequest request = request();
        if (request.rows() == null) {
            throw new SynthCommand.UserError("--rows is required with one table: how many synthetic rows to write (or \"rows\" in --spec)");
        }
        if (request.rows() < 1) {
            throw new SynthCommand.UserError("--rows must be at least 1, got " + request.rows());
        }
        Requests.copyExclusion(request); // refused for DP models before any data is read
        if (loadModel != null && (holdout != null || holdoutOut != null)) {
            throw new SynthCommand.UserError("--holdout cannot change a stored model: its split was made when it was fitted");
        }
        try {
            HoldoutSplit.validate(request.holdout());
        } catch (BadInputException e) {
            throw new SynthCommand.UserError("--holdout: " + e.getMessage());
        }
        if (root.remote()) {
            if (file == null || loadModel != null || saveModel != null) {
                throw new SynthCommand.UserError("--remote needs FILE.csv and cannot use stored model files");
            }
            Files2.existing(file, "input");
            generateRemotely(ApiClient.forCli(root), request);
            return SynthCommand.EXIT_OK;
        }
        int workers = threads != null ? Math.max(1, threads) : Parallel.defaultThreads();
        PrintWriter err = spec.commandLine().getErr();
        FileGeneration.Options options = new FileGeneration.Options(file, out, loadModel, saveModel, holdoutOut, manifest, allowCopies,
                !noPiiDetection && !Synthesizers.isPrivate(request.model()), csvFormulas.escapes(), privacy.readSchema(), workers);
        GenerationPipeline.Run run;
        FileGeneration files = new FileGeneration(options, err);
        try (files) {
            run = GenerationPipeline.run(new GenerationPipeline.Job(request, seed, firstRow, null, workers), files, files, files,
                    Generation.SILENT);
        } catch (BadInputException e) {
            if (GenerationPipeline.NO_ROWS_PRODUCED.equals(e.slug())) {
                throw new SynthCommand.UserError(e.getMessage() + " (--allow-copies)");
            }
            throw e;
        }
        SynthesisModel model = run.model().model();
        String fitNote = run.fitted()
                ? String.format("%s fitted on %,d rows in %d ms (read %d ms)", model.manifest().synthesizer(),
                        model.manifest().trainingRows(), run.fitNanos() / 1_000_000, run.readNanos() / 1_000_000) + files.holdoutNote()
                : "loaded " + model.manifest().synthesizer() + " model " + model.id().substring(0, 12);
        Generation.Result result = run.result();
        double seconds = Math.max(1e-9, run.sampleNanos() / 1e9);
        err.printf("synth: %s; %,d rows sampled in %d ms (%,.0f rows/s)%s -> %s%n", fitNote, result.rowsWritten(),
                run.sampleNanos() / 1_000_000, result.rowsWritten() / seconds,
                result.copiesRedrawn() > 0 || result.rowsDropped() > 0
                        ? String.format("; %,d draws equal to a training row redrawn, %,d rows dropped", result.copiesRedrawn(), result.rowsDropped())
                        : "", out);
        model.manifest().notes().forEach(n -> err.println("synth: note: " + n));
        privacy.report(model.privacy(), run.fitted(), out, err);
        return SynthCommand.EXIT_OK;
    }

    /** Related tables: options that only make sense for one table are refused rather than ignored. */
    private int relational() throws IOException {
        if (rows != null || rebalance != null || !constraints.isEmpty() || specFile != null || firstRow != 0 || provenanceColumns
                || allowCopies || manifest != null) {
            throw new SynthCommand.UserError("with several tables, --rows, --rebalance, --constraint, --spec, --first-row,"
                    + " --provenance-columns, --allow-copies and --manifest are not available; use --scale");
        }
        boolean dp = model != null && Synthesizers.isPrivate(model);
        if (loadModel != null && (file != null || metadata != null || model != null || !modelOptions.isEmpty() || holdout != null
                || holdoutOut != null || !pii.isEmpty() || noPiiDetection || locale != null || saveModel != null)) {
            throw new SynthCommand.UserError("--load-model samples a stored model of several tables as it was fitted: the tables, metadata,"
                    + " model, options, holdout and PII settings are the model's; give only --seed, --scale, --condition and --out");
        }
        if ((loadModel != null || saveModel != null) && (root.remote() || dp)) {
            throw new SynthCommand.UserError(root.remote() ? "--remote cannot use stored model files"
                    : "a differentially private model of several tables is not stored; fit and sample it in one run");
        }
        int workers = threads != null ? Math.max(1, threads) : Parallel.defaultThreads();
        List<ConditionSpec> onRoot = conditions.stream().map(GenerateSyntax::condition).toList();
        if (!onRoot.isEmpty() && dp) {
            throw new SynthCommand.UserError("--condition: a differentially private model of several tables is not sampled under"
                    + " conditions; use the tree model (default)");
        }
        RelationalCli.GenerateOptions options = new RelationalCli.GenerateOptions(file, metadata, scale, seed, out, model, modelOptions, pii,
                noPiiDetection, locale, holdout, holdoutOut, workers, csvFormulas.escapes(), onRoot, saveModel, loadModel);
        if (root.remote()) {
            if (noPiiDetection) {
                throw new SynthCommand.UserError("--no-pii-detection: the platform replaces every column its profiler flags; declare a"
                        + " column's sdtype in the metadata to keep it");
            }
            if (maxChildren != null && !dp) {
                throw new SynthCommand.UserError("--max-children bounds what one person contributes to a differentially private model (mst, aim)");
            }
            return RelationalCli.generateRemotely(ApiClient.forCli(root), options, privacy.spec(model, null), maxChildren, purpose,
                    waitMinutes, spec.commandLine().getErr());
        }
        if (model != null && Synthesizers.isPrivate(model)) {
            if (!pii.isEmpty()) {
                throw new SynthCommand.UserError("with a differentially private model, declare PII columns by their sdtype in the metadata");
            }
            return RelationalCli.generatePrivate(options, privacy.spec(model, null), maxChildren, privacy, spec.commandLine().getErr());
        }
        if (maxChildren != null) {
            throw new SynthCommand.UserError("--max-children bounds what one person contributes to a differentially private model (mst, aim)");
        }
        privacy.spec(model, null); // refuses DP options on a model without a guarantee
        return RelationalCli.generate(options, spec.commandLine().getErr());
    }

    /**
     * On the platform: the tenant's dataset of this file (reused or uploaded), the request, the wait
     * for the release with a progress line (or the reason it was not released), the download.
     */
    private void generateRemotely(ApiClient client, GenerationRequest request) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        String datasetId = client.datasetFor(file, null, null, !noReuse, err).path("id").asText();
        com.fasterxml.jackson.databind.JsonNode run = client.requestGenerationWhenVisible(request.forDataset(datasetId),
                java.time.Duration.ofSeconds(60));
        String id = run.path("id").asText();
        err.printf("synth: run %s requested: model %s, %,d rows, seed %d%s%n", id, run.path("model").asText(), run.path("rows").asLong(),
                run.path("seed").asLong(), request.purpose() != null ? ", purpose \"" + request.purpose() + "\"" : "");
        new io.synthline.cli.client.RunWatch(client, err, System.console() != null)
                .awaitRelease(id, java.time.Duration.ofMinutes(Math.max(1, waitMinutes)));
        PlatformCommands.Download.download(client, id, out);
        err.printf("synth: run %s -> %s; its evaluation: synth report %s%n", id, out, id);
    }

    /** Writes to a temporary file beside the target and moves it into place: no half-written output. */
    static void writeAtomically(Path target, GenerationPipeline.StreamWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".synth-", ".part");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(os);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
