package io.synthline.generator.engine.synthesis;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.csv.CsvTableWriter;
import io.synthline.commons.hash.HashingOutputStream;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.artifact.ArtifactHeader;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelManifest;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.constraint.GeneratedColumn;
import io.synthline.generator.engine.constraint.Layout;
import io.synthline.generator.engine.constraint.LayoutStorage;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.dp.PrivateModel;
import io.synthline.generator.engine.dp.PrivateSynthesizer;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.privacy.PrivacyReport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fitted model as users deal with it: the learned model, how its columns map to the output
 * (constraints, generated and PII columns) and a manifest, and, apart from them, the
 * {@link CopyGuard} that keeps real rows out of the output. Stored as a versioned artifact that
 * can be sampled again without the training data or a refit; the artifact holds no per-row
 * information (no training cell, no row or value hash), the guard is a sidecar kept with the raw
 * data ({@link #writeGuard}, {@link #withGuard}).
 *
 * <p>Artifact layout: magic {@code SYNTHMDL}, format version, manifest (UTF-8 JSON), parameter
 * byte count (8 bytes), parameter bytes whose SHA-256 is the model hash. The parameters are never
 * held as bytes: serialisation is deterministic, so the fit hashes them as they are produced and
 * {@link #write} produces them again straight into the target (from format 2; format 1 kept the
 * bytes in memory, which a model of a million rows does not fit beside). Format 3 moved the row
 * hashes out of the artifact into the guard sidecar.
 */
public final class SynthesisModel {
    /** Part of every cached fit's key: a new engine (other leaves, other splits, another format) fits again. */
    public static final String ENGINE_VERSION = "2.1.0";
    public static final int FORMAT_VERSION = 4;
    private static final byte[] MAGIC = "SYNTHMDL".getBytes(StandardCharsets.US_ASCII);

    private final ModelManifest manifest;
    private final Layout layout;
    private final FittedModel base;
    private final CopyGuard guard;
    private final long parameterBytes;

    private SynthesisModel(ModelManifest manifest, Layout layout, FittedModel base, CopyGuard guard,
            long parameterBytes) {
        this.manifest = manifest;
        this.layout = layout;
        this.base = base;
        this.guard = guard;
        this.parameterBytes = parameterBytes;
    }

    /**
     * Fits a model. Same table, spec and seed give byte-identical artifacts whatever the thread count.
     * With a holdout share in the spec, the model learns only from {@link HoldoutSplit#of the split's}
     * training rows; the held-out ones are what {@code HoldoutSplit.of(data, spec.holdout(), seed)} gives.
     *
     * @param datasetSha256 the training file's hash, recorded in the manifest (null: hash of the table's CSV)
     */
    public static SynthesisModel fit(Table data, ModelSpec spec, long seed, int threads, String datasetSha256) {
        if (data.rowCount() == 0) {
            throw new BadInputException("empty-training-data", "the dataset has no rows to learn from");
        }
        HoldoutSplit split = HoldoutSplit.of(data, spec.holdout(), seed);
        Table training = split.training();
        Synthesizer synthesizer = Synthesizers.create(spec, threads);
        boolean dp = synthesizer instanceof PrivateSynthesizer;
        Layout.Fitted fitted = Layout.fit(training, spec.constraints(), spec.piiColumns(), spec.piiLocale(), seed, dp);
        if (dp && (spec.privacy().domain() != null || !fitted.layout().publicDomain().isEmpty())) {
            synthesizer = Synthesizers.create(spec.withPrivacy(declaredFor(spec.privacy(), training, fitted.modelTable(),
                    fitted.layout().publicDomain())), threads);
        }
        FittedModel base = synthesizer.fit(fitted.modelTable(), seed);
        Layout layout = fitted.layout();
        CopyGuard guard;
        long trainingRows;
        PrivacyReport privacy = null;
        if (base instanceof PrivateModel p) {
            // Nothing observed may reach the artifact: domains come from the private model, no
            // row hashes are kept (copies are not redrawn), and the row count is the model's noisy estimate.
            layout = layout.withLearnedDomain(p.domain());
            guard = CopyGuard.none();
            trainingRows = Math.max(0, Math.round(p.estimatedRecords()));
            privacy = p.privacy();
        } else {
            // every real row, held-out ones too: none may appear in the output (in the output's codes)
            Table heldOut = split.hasHoldout() ? split.holdout() : null;
            guard = CopyGuard.of(training, heldOut, layout.learnedColumns(), layout.output(), realPiiValues(layout, training, heldOut));
            trainingRows = training.rowCount();
        }
        HashingOutputStream parameters = new HashingOutputStream(OutputStream.nullOutputStream());
        try {
            writeParameters(layout, base, parameters);
        } catch (IOException e) {
            throw new IllegalStateException("writing to no stream failed", e);
        }
        String dataset = datasetSha256 != null ? datasetSha256 : tableHash(data);
        ModelManifest manifest = new ModelManifest(FORMAT_VERSION, ENGINE_VERSION, parameters.sha256(), synthesizer.name(), spec,
                seed, dataset, training.schema(), trainingRows, layout.notes(), privacy);
        return new SynthesisModel(manifest, layout, base, guard, parameters.count());
    }

    /** Per replaced identifying PII column (output index): its real values, training and held-out, which fakes must not equal. */
    private static Map<Integer, List<String>> realPiiValues(Layout layout, Table training, Table heldOut) {
        Map<Integer, List<String>> values = new TreeMap<>();
        for (GeneratedColumn g : layout.generated()) {
            if (g instanceof GeneratedColumn.Pii p && p.pii().kind().identifying()) {
                List<String> real = new ArrayList<>();
                for (Table t : heldOut == null ? List.of(training) : List.of(training, heldOut)) {
                    var column = t.column(p.column());
                    for (int r = 0; r < column.size(); r++) {
                        String v = column.text(r);
                        if (v != null) {
                            real.add(v);
                        }
                    }
                }
                values.put(p.column(), real);
            }
        }
        return values;
    }

    /** For differentially private models, the guarantee and what the fit spent; else null. */
    public PrivacyReport privacy() {
        return manifest.privacy();
    }

    public boolean isPrivate() {
        return manifest.privacy() != null;
    }

    /**
     * The privacy block with its domain declaration narrowed to the columns the model learns
     * (generated columns are not learned), plus the public domains of columns the layout adds (a
     * birth date's year); a declared column the data does not have is a 400.
     */
    private static PrivacySpec declaredFor(PrivacySpec privacy, Table training, Table modelTable, List<DeclaredColumn> layoutDomain) {
        List<DeclaredColumn> kept = new ArrayList<>(layoutDomain);
        for (DeclaredColumn c : privacy.domain() == null ? List.<DeclaredColumn>of() : privacy.domain()) {
            if (training.schema().indexOf(c.name()).isEmpty()) {
                throw new BadInputException("unknown-column", "the privacy block declares column '" + c.name()
                        + "' which the data does not have; columns are " + training.schema().names());
            }
            if (modelTable.schema().indexOf(c.name()).isPresent()) {
                kept.add(c);
            }
        }
        return new PrivacySpec(privacy.epsilon(), privacy.delta(), privacy.domainBudgetShare(), privacy.requireDeclaredDomain(), kept);
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The model hash: SHA-256 of the stored parameters. */
    public String id() {
        return manifest.modelSha256();
    }

    public Layout layout() {
        return layout;
    }

    public FittedModel base() {
        return base;
    }

    /** What recognises copies of real rows; {@link CopyGuard#present() absent} for a model read without its sidecar. */
    public CopyGuard guard() {
        return guard;
    }

    /** This model with the guard read from its sidecar. */
    public SynthesisModel withGuard(CopyGuard sidecar) {
        if (!sidecar.fits(output())) {
            throw new BadInputException("copy-guard-mismatch", "the copy guard belongs to another model");
        }
        return new SynthesisModel(manifest, layout, base, sidecar, parameterBytes);
    }

    /** Whether conditioning or rebalancing this (stored) model needs its training data back: {@link #withTraining}. */
    public boolean conditioningNeedsTraining() {
        return base.conditioningNeedsTraining();
    }

    /**
     * This model with its training rows at hand again, for conditioning and rebalancing: {@code data}
     * must be the table it was fitted on (its manifest's dataset); the split and layout of the fit
     * are made again from it and the seed, so the rows are exactly those the model learned from.
     */
    public SynthesisModel withTraining(Table data) {
        if (!base.conditioningNeedsTraining()) {
            return this;
        }
        ModelSpec spec = manifest.spec();
        Table training = HoldoutSplit.of(data, spec.holdout(), manifest.seed()).training();
        if (training.rowCount() != manifest.trainingRows()) {
            throw new BadInputException("model-dataset-mismatch", "the model was fitted on " + manifest.trainingRows()
                    + " training rows, the data given has " + training.rowCount() + "; give the data it was fitted on");
        }
        Layout.Fitted fitted = Layout.fit(training, spec.constraints(), spec.piiColumns(), spec.piiLocale(), manifest.seed(), false);
        return new SynthesisModel(manifest, layout, base.withTraining(fitted.modelTable()), guard, parameterBytes);
    }

    /** Writes the sidecar that must be kept with the raw data. */
    public void writeGuard(OutputStream target) throws IOException {
        guard.write(target);
    }

    public ModelDomain output() {
        return layout.output();
    }

    private static void writeParameters(Layout layout, FittedModel base, OutputStream target) throws IOException {
        ModelOutput out = new ModelOutput(target);
        LayoutStorage.write(layout, out);
        out.writeString(base.synthesizer());
        base.write(out);
        out.flush();
    }

    /** Writes the artifact, serialising the parameters again straight into {@code target} (and checking their hash on the way). */
    public void write(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        ArtifactHeader.write(out, MAGIC, FORMAT_VERSION, manifest);
        out.writeLong(parameterBytes);
        HashingOutputStream parameters = new HashingOutputStream(out);
        writeParameters(layout, base, parameters);
        if (parameters.count() != parameterBytes || !parameters.sha256().equals(manifest.modelSha256())) {
            throw new IllegalStateException("the model's parameters serialised differently from when it was fitted");
        }
        out.flush();
    }

    /**
     * Reads an artifact, checking the magic, the format version and the model hash. The
     * parameters are parsed as they stream in and hashed on the way; a parse failure is reported
     * as a hash mismatch when the bytes were altered (the usual reason for one).
     */
    public static SynthesisModel read(InputStream source, int threads) throws IOException {
        DataInputStream in = new DataInputStream(source);
        ModelManifest manifest = ArtifactHeader.read(in, MAGIC, FORMAT_VERSION, ModelManifest.class, "Synthline model");
        long length = in.readLong();
        if (length < 0) {
            throw new IOException("corrupt model: negative length");
        }
        DigestInputStream hashed = new DigestInputStream(in, Sha256.digest());
        ModelInput body = new ModelInput(hashed, length);
        Layout layout;
        FittedModel base;
        try {
            layout = LayoutStorage.read(body);
            String synthesizerName = body.readString();
            Synthesizer synthesizer = Synthesizers.isPrivate(synthesizerName) ? Synthesizers.create(manifest.spec(), threads)
                    : Synthesizers.create(synthesizerName, manifest.spec().options(), threads);
            base = synthesizer.read(body);
            if (body.remaining() != 0) {
                throw new IOException("corrupt model: " + body.remaining() + " parameter bytes left unread");
            }
        } catch (IOException | RuntimeException e) {
            drain(hashed, body.remaining());
            checkHash(hashed, manifest);
            throw e;
        }
        checkHash(hashed, manifest);
        return new SynthesisModel(manifest, layout, base, manifest.privacy() != null ? CopyGuard.none() : CopyGuard.absent(), length);
    }

    /** Reads (and so hashes: skipping would bypass the digest) up to {@code bytes} more bytes. */
    private static void drain(InputStream in, long bytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = bytes; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    private static void checkHash(DigestInputStream hashed, ModelManifest manifest) {
        if (!Sha256.hex(hashed.getMessageDigest()).equals(manifest.modelSha256())) {
            throw new BadInputException("corrupt-model", "the model's parameters do not match its hash " + manifest.modelSha256());
        }
    }

    private static String tableHash(Table table) {
        HashingOutputStream sink = new HashingOutputStream(OutputStream.nullOutputStream());
        CsvTableWriter.write(table, sink);
        return sink.sha256();
    }
}
