package io.synthline.cli;

import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.csv.FormulaGuard;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.synthesis.HoldoutSplit;
import io.synthline.generator.engine.pipeline.Requests;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.pii.ProfilePii;
import io.synthline.generator.engine.pipeline.GenerationPipeline;
import io.synthline.profiler.engine.DatasetProfiler;
import io.synthline.profiler.engine.ProfileOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code synth generate FILE.csv} on this machine: the engine's {@link GenerationPipeline} with
 * files for its data, models and output. Stored models are files ({@code --load-model},
 * {@code --save-model}, the copy guard beside them); every file is written beside its target and
 * moved into place, so a failed run leaves no half-written file. Close it to delete the temporary
 * CSV a Parquet or escaped output is made from.
 */
final class FileGeneration implements GenerationPipeline.Source, GenerationPipeline.Models, GenerationPipeline.Output, AutoCloseable {
    /**
     * What {@code synth generate} was told: its files, and how to read and write them.
     *
     * @param detectPii whether the profiler's PII detection runs before a fit (not with --no-pii-detection, nor for a DP model,
     *                  which learns only what its accounting covers: its PII columns are declared)
     */
    record Options(Path training, Path out, Path loadModel, Path saveModel, Path holdoutOut, Path manifest, boolean allowCopies,
            boolean detectPii, boolean escapeFormulas, TableSchema schema, int workers) {
    }

    private final Options files;
    private final PrintWriter err;
    private final List<Path> temporary = new ArrayList<>();
    /** The holdout note of the fit (empty when nothing was fitted). */
    private String holdoutNote = "";

    FileGeneration(Options files, PrintWriter err) {
        this.files = files;
        this.err = err;
    }

    String holdoutNote() {
        return holdoutNote;
    }

    // ---- the training data

    @Override
    public String sha256() throws IOException {
        if (files.training() == null) {
            throw new SynthCommand.UserError("give the training FILE.csv (or --load-model)");
        }
        return Sha256.hex(Files2.existing(files.training(), "input"));
    }

    @Override
    public Table read() throws IOException {
        return CsvTableReader.read(files.training(), CsvOptions.defaults(), files.schema());
    }

    /** The profiler's PII findings, as the service has them from the dataset's profile (see {@link Options#detectPii}). */
    @Override
    public List<PiiFinding> pii() throws IOException {
        if (!files.detectPii()) {
            return List.of();
        }
        List<PiiFinding> flagged = new DatasetProfiler(ProfileOptions.defaults()).profile(files.training(), CsvOptions.defaults()).pii();
        if (!flagged.isEmpty()) {
            err.println("synth: PII detected by the profiler, replaced by fake values and never learned: " + ProfilePii.columns(flagged)
                    + " (--no-pii-detection to keep them)");
        }
        return flagged;
    }

    @Override
    public Table trainingOf(SynthesisModel stored) throws IOException {
        if (files.training() == null) {
            throw new SynthCommand.UserError("a stored " + stored.manifest().synthesizer() + " model keeps no training rows, and"
                    + " --condition/--rebalance grow trees on them: give the training FILE.csv it was fitted on with --load-model");
        }
        if (!Sha256.hex(Files2.existing(files.training(), "input")).equals(stored.manifest().datasetSha256())) {
            throw new SynthCommand.UserError(files.training() + " is not the data the model was fitted on (its SHA-256 differs)");
        }
        return read();
    }

    // ---- the models

    /** The model of {@code --load-model} with its copy guard beside it; null: fit one. */
    @Override
    public GenerationPipeline.Stored find(GenerationRequest request) throws IOException {
        if (files.loadModel() == null) {
            return null;
        }
        SynthesisModel model;
        try (InputStream in = Files.newInputStream(Files2.existing(files.loadModel(), "model"))) {
            model = SynthesisModel.read(in, files.workers());
        }
        Path guard = guardPath(files.loadModel());
        if (Files.exists(guard)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(guard))) {
                model = model.withGuard(CopyGuard.read(in));
            }
        } else if (!files.allowCopies() && !model.isPrivate()) {
            throw new SynthCommand.UserError("the model's copy guard " + guard + " is missing: it recognises copies of real rows,"
                    + " which are redrawn; put it beside the model, or give --allow-copies");
        }
        return new GenerationPipeline.Stored(model, model.id(), null);
    }

    /** Writes the held-out rows (to {@code --holdout-out}, default OUT.holdout.csv) for {@code synth evaluate --holdout}. */
    @Override
    public GenerationPipeline.Stored keep(SynthesisModel model, HoldoutSplit split) throws IOException {
        Path target = null;
        if (split.hasHoldout()) {
            target = files.holdoutOut() != null ? files.holdoutOut() : sibling(".holdout.csv");
            Table held = split.holdout();
            GenerateCommand.writeAtomically(target, os -> CsvTableWriter.write(held, os, files.escapeFormulas()));
            holdoutNote = String.format("; %,d rows held out -> %s", held.rowCount(), target);
        } else if (model.manifest().spec().holdout() != null) {
            holdoutNote = String.format("; nothing held out (fewer than %d rows would be)", HoldoutSplit.MIN_ROWS);
        }
        return new GenerationPipeline.Stored(model, model.id(), target == null ? null : target.toString());
    }

    /** {@code --save-model}: the model, and its copy guard beside it (kept with the training data: it recognises real rows). */
    @Override
    public void beforeSampling(SynthesisModel model) throws IOException {
        if (files.saveModel() == null) {
            return;
        }
        GenerateCommand.writeAtomically(files.saveModel(), model::write);
        if (!model.isPrivate()) {
            GenerateCommand.writeAtomically(guardPath(files.saveModel()), model::writeGuard);
        }
    }

    // ---- the output

    /** Parquet when OUT ends in .parquet, else CSV. */
    @Override
    public String format() {
        return files.out().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet") ? Requests.PARQUET : Requests.CSV;
    }

    /** OUT itself, or (for Parquet, or a CSV with formula cells escaped) a temporary file beside it. */
    @Override
    public Path csv(GenerationPipeline.StreamWriter writer) throws IOException {
        if (Requests.CSV.equals(format()) && !files.escapeFormulas()) {
            GenerateCommand.writeAtomically(files.out(), writer);
            return files.out();
        }
        Path csv = temporary(".csv");
        GenerateCommand.writeAtomically(csv, writer);
        return csv;
    }

    /** Converted beside OUT, then moved into place. */
    @Override
    public GenerationPipeline.Published parquet(GenerationPipeline.FileWriter writer) throws IOException {
        Path tmp = temporary(".parquet");
        writer.write(tmp);
        GenerationPipeline.Published published = new GenerationPipeline.Published(Files.size(tmp), Sha256.hex(tmp));
        Files.move(tmp, files.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return published;
    }

    /** With {@code --csv-formulas escape} (the default): OUT is the exact CSV with formula cells escaped. */
    @Override
    public GenerationPipeline.Published rendition(Path csv) throws IOException {
        if (!files.escapeFormulas()) {
            return null;
        }
        GenerateCommand.writeAtomically(files.out(), os -> {
            try (InputStream in = Files.newInputStream(csv)) {
                FormulaGuard.escape(in, os);
            }
        });
        return new GenerationPipeline.Published(Files.size(files.out()), Sha256.hex(files.out()));
    }

    /** {@code --manifest}, default OUT.manifest.json. */
    @Override
    public void manifest(byte[] json) throws IOException {
        GenerateCommand.writeAtomically(files.manifest() != null ? files.manifest() : sibling(".manifest.json"), os -> os.write(json));
    }

    @Override
    public void close() throws IOException {
        for (Path p : temporary) {
            Files.deleteIfExists(p);
        }
    }

    private Path temporary(String suffix) throws IOException {
        Path p = Files.createTempFile(files.out().toAbsolutePath().getParent(), ".synth-", suffix);
        temporary.add(p);
        return p;
    }

    private Path sibling(String suffix) {
        return files.out().resolveSibling(files.out().getFileName() + suffix);
    }

    /** The copy guard's sidecar beside a stored model: it answers "was this row real?", so it stays with the training data. */
    static Path guardPath(Path model) {
        return model.resolveSibling(model.getFileName() + ".guard");
    }
}
