package io.synthline.generator.service;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.RelationalProfile;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.synthesis.Synthesizers;
import io.synthline.generator.engine.pii.ProfilePii;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.relational.PrivateRelationalModel;
import io.synthline.generator.engine.relational.PrivateRelationalSynthesizer;
import io.synthline.generator.engine.relational.RelationalModel;
import io.synthline.generator.engine.relational.RelationalSpec;
import io.synthline.generator.engine.relational.RelationalSynthesizer;
import io.synthline.generator.engine.relational.RootConditions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generation on a dataset made of several tables (stored as {@link StoredRelational}): whole
 * entities are held out (a root row with its descendants), the relational engine fits on the rest
 * (the default tree per table, or a differentially private model on the parent with its children
 * flattened, at most {@code maxChildren} per parent: user-level privacy), samples at the request's
 * scale, and every table is stored on its own with an index and a manifest of per-table hashes.
 * Same data, request and seed give byte-identical tables. Plain Java: the job runner calls it on a
 * worker and records the result.
 */
final class RelationalGeneration {
    static final String DEFAULT_MODEL = "tree";

    private RelationalGeneration() {
    }

    /**
     * @param outputKey  index of the synthetic tables
     * @param holdoutKey index of the held-out real entities, null when none were held out
     * @param privacy    the DP model's accounting, null for the non-private models
     * @param tables     every table written, with the hash, rows and bytes its manifest lists
     * @param modelId    the stored model that made the tables, null when it is not stored (DP, sequences without a parent table)
     */
    record Result(String outputKey, String outputSha256, long outputBytes, long rowsWritten, String holdoutKey, String manifestKey,
            PrivacyReport privacy, List<Payloads.GeneratedTable> tables, String modelId) {
    }

    /**
     * A fitted model of several tables as the service keeps it: in the store beside its copy guard
     * and the entities its fit held out, with a row that finds it again by id or by what fitted it.
     *
     * @param holdoutKey index of the entities the fit held out, null when none were
     */
    record Stored(RelationalModel model, String modelId, String holdoutKey) {
    }

    /** Where the service keeps fitted models of several tables (the fitted-model store of single tables). */
    interface Models {
        /** The model a request names by {@code modelId}, fitted on tables with the same content; a 400 otherwise. */
        Stored named(String modelId, String datasetContent) throws IOException;

        /** The model fitted before with the same {@code fitKey} (null when there is none, or it cannot be read). */
        Stored cached(String fitKey) throws IOException;

        /**
         * Stores a fitted model with its copy guard and the held-out entities beside it, then its row.
         *
         * @return null when the engine does not store such a model ({@code model-not-storable})
         */
        Stored keep(String fitKey, String datasetContent, RelationalModel model, Entities.Split split) throws IOException;
    }

    /** A modelId that names no stored model of several tables in the tenant, in user terms. */
    static BadInputException unknownModel(String modelId) {
        return new BadInputException("unknown-model-id", "no stored model of several tables with id " + modelId + ": a run's modelId"
                + " names the model it fitted, stored unless it is differentially private (mst, aim) or a table holds sequences"
                + " without a parent table (then the run's manifest says why in modelNotStored)");
    }

    /** Refuses what the relational path does not take, as a 400 at request time. */
    static void validate(GenerationRequest request) {
        String model = request.model() == null ? DEFAULT_MODEL : request.model();
        if (!DEFAULT_MODEL.equals(model) && !Synthesizers.isPrivate(model)) {
            throw new BadInputException("unsupported-model", "a dataset of several tables is generated with the tree model (default) or a"
                    + " differentially private model (mst, aim); '" + model + "' models one table");
        }
        if (request.scale() != null && !(request.scale() > 0 && request.scale() <= 100)) {
            throw new BadInputException("invalid-scale", "scale must be greater than 0 and at most 100, got " + request.scale());
        }
        if (request.maxChildren() != null && !Synthesizers.isPrivate(model)) {
            throw new BadInputException("invalid-max-children", "maxChildren bounds what a differentially private model learns per parent;"
                    + " model " + model + " does not take it");
        }
        List<String> unsupported = new ArrayList<>();
        if (request.conditions() != null && !request.conditions().isEmpty() && Synthesizers.isPrivate(model)) {
            unsupported.add("conditions with a differentially private model");
        }
        if (request.rebalance() != null) {
            unsupported.add("rebalance");
        }
        if (request.constraints() != null && !request.constraints().isEmpty()) {
            unsupported.add("constraints");
        }
        if (request.modelId() != null && Synthesizers.isPrivate(model)) {
            throw new BadInputException("model-not-stored", "a differentially private model of several tables (" + model + ") is fitted"
                    + " and sampled in one run and never stored, so no modelId names one; leave out modelId to fit it again, or model to"
                    + " sample a stored tree model");
        }
        if (request.modelId() != null && request.conditions() != null && !request.conditions().isEmpty()) {
            unsupported.add("conditions with a stored model (modelId): a stored model keeps no training rows to condition on;"
                    + " leave out modelId to fit with the conditions");
        }
        if (request.output() != null && request.output().format() != null && !"csv".equalsIgnoreCase(request.output().format())) {
            unsupported.add("output.format " + request.output().format());
        }
        if (!unsupported.isEmpty()) {
            throw new BadInputException("unsupported-for-tables", "not available for a dataset of several tables: "
                    + String.join(", ", unsupported));
        }
    }

    /**
     * The request's conditions checked against the root table's columns as the profiler stored them
     * ({@link RootConditions}), so that a condition on a column that is missing, generated or of
     * another table is a 400 at request time; values are checked when the job conditions the model.
     */
    static void checkConditions(DatasetStore store, String sourceKey, GenerationRequest request) throws IOException {
        RelationalProfile profile = profile(store, sourceKey);
        if (request.conditions() == null || request.conditions().isEmpty() || profile == null) {
            return;
        }
        String root = Entities.root(profile.metadata());
        DatasetProfile table = profile.tables().get(root);
        if (table == null || table.schema() == null) {
            return;
        }
        Map<String, String> pii = piiColumns(request, profile, profile.metadata()).getOrDefault(root, Map.of());
        RootConditions.check(profile.metadata(), table.schema(), pii.keySet(), request.conditions());
    }

    /** The rows a request at {@code scale} asks for, in all tables together (the real dataset's rows times the scale). */
    static long expectedRows(long realRows, Double scale) {
        return Math.max(1, Math.round(realRows * (scale == null ? 1.0 : scale)));
    }

    /**
     * Fits, samples and stores; or samples the stored model the request names ({@code modelId}), or
     * the one fitted before on tables with the same content with the same spec, holdout and seed
     * (a cached fit; not with conditions: a stored model cannot be conditioned), which give the same
     * tables as the fit. {@code base} is the generation's folder, {@code holdoutBase} where the
     * held-out real entities of a model that is not stored go (deleted with the dataset). A fitted
     * model is stored once it has sampled: a cancelled run stores nothing.
     */
    static Result run(DatasetStore store, String sourceKey, GenerationRequest request, long seed, int threads, String base,
            String holdoutBase, Models models, Generation.Listener listener) throws IOException {
        long t0 = System.nanoTime();
        String datasetContent = contentSha256(StoredRelational.readIndex(store, sourceKey));
        RelationalProfile profile = profile(store, sourceKey);
        double scale = request.scale() == null ? 1.0 : request.scale();
        String model = request.model() == null ? DEFAULT_MODEL : request.model();
        String locale = request.pii() == null ? null : request.pii().locale();
        List<ConditionSpec> conditions = request.conditions() == null ? List.of() : request.conditions();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("seed", seed);
        manifest.put("scale", scale);
        RelationalDataset synthetic;
        PrivacyReport privacy = null;
        Entities.Split split = null;
        Stored stored = null;
        String notStored = null;
        RelationalModel used = null;
        long t1;
        if (request.modelId() != null) {
            stored = models.named(request.modelId(), datasetContent);
            used = stored.model();
            RelationalSpec learned = used.spec();
            Set<String> flagged = new TreeSet<>();
            piiColumns(request, profile, used.metadata()).forEach((t, columns) -> columns.keySet().forEach(c -> {
                if (!learned.piiColumns().getOrDefault(t, Map.of()).containsKey(c)) {
                    flagged.add(t + "." + c);
                }
            }));
            if (!flagged.isEmpty()) {
                throw new BadInputException("model-pii-mismatch", "model " + request.modelId() + " learned from columns flagged as PII "
                        + flagged + "; fit a new model");
            }
            manifest.put("model", learned.model());
            manifest.put("modelOptions", learned.options());
            t1 = System.nanoTime();
            synthetic = used.sample(scale, seed, conditions, listener);
        } else {
            RelationalDataset real = StoredRelational.read(store, sourceKey);
            double share = request.holdout() == null ? 0 : request.holdout();
            split = share > 0 ? Entities.split(real, share, seed) : new Entities.Split(real, null, Entities.root(real.metadata()));
            manifest.put("model", model);
            manifest.put("modelOptions", request.modelOptions() == null ? Map.of() : request.modelOptions());
            t1 = System.nanoTime();
            if (Synthesizers.isPrivate(model)) {
                int k = request.maxChildren() == null ? PrivateRelationalSynthesizer.DEFAULT_MAX_CHILDREN : request.maxChildren();
                PrivacySpec spec = request.privacy();
                PrivateRelationalModel fitted = PrivateRelationalSynthesizer.fit(split.training(),
                        new PrivateRelationalSynthesizer.Settings(model, request.modelOptions(), spec, k, locale), seed);
                if (listener.cancelled()) {
                    throw new Generation.CancelledException();
                }
                synthetic = fitted.sample(scale, seed);
                privacy = fitted.privacy();
                manifest.put("privacy", Map.of("level", "user: a " + split.root() + " row with its child rows is one neighbour",
                        "maxChildrenPerParent", k, "report", privacy));
            } else {
                RelationalSpec spec = new RelationalSpec(model, request.modelOptions(), piiColumns(request, profile, real.metadata()),
                        locale);
                String fitKey = fitKey(datasetContent, spec, share, seed);
                stored = conditions.isEmpty() ? models.cached(fitKey) : null;
                if (stored != null) {
                    used = stored.model();
                    synthetic = used.sample(scale, seed, conditions, listener);
                } else {
                    RelationalModel fitted = RelationalSynthesizer.fit(split.training(), spec, seed, threads);
                    used = fitted;
                    synthetic = fitted.sample(scale, seed, conditions, listener);
                    try {
                        stored = models.keep(fitKey, datasetContent, fitted, split);
                    } catch (BadInputException e) {
                        notStored = e.getMessage();
                    }
                }
            }
        }
        if (!conditions.isEmpty()) {
            manifest.put("conditions", Map.of("table", Entities.root(synthetic.metadata()), "conditions", conditions));
        }
        if (stored != null) {
            manifest.put("modelId", stored.modelId());
        } else if (notStored != null) {
            manifest.put("modelNotStored", notStored);
        }
        if (used != null) {
            manifest.put("piiReplaced", used.piiColumns());
            manifest.put("notes", used.notes());
        }
        long t2 = System.nanoTime();
        String outputKey = StoredRelational.write(store, base, synthetic, "generated");
        StoredRelational.Index index = StoredRelational.readIndex(store, outputKey);
        Map<String, Object> tables = new LinkedHashMap<>();
        List<Payloads.GeneratedTable> written = new ArrayList<>();
        Entities.Split fit = split;
        index.tables().forEach((t, o) -> {
            Map<String, Object> table = new LinkedHashMap<>();
            if (fit != null) {
                table.put("realRows", fit.training().table(t).rowCount());
            }
            table.put("rows", o.rows());
            table.put("sha256", o.sha256());
            table.put("bytes", o.sizeBytes());
            tables.put(t, table);
            written.add(new Payloads.GeneratedTable(t, o.rows(), synthetic.table(t).columnCount(), o.sha256(), o.sizeBytes()));
        });
        manifest.put("tables", tables);
        manifest.put("metadataSha256", index.metadataSha256());
        String holdoutKey = stored != null ? stored.holdoutKey() : null;
        if (stored == null && split.hasHoldout()) {
            holdoutKey = StoredRelational.write(store, holdoutBase, split.holdout(), "holdout");
        }
        if (holdoutKey != null) {
            String root = Entities.root(synthetic.metadata());
            Map<String, Object> holdout = new LinkedHashMap<>();
            if (split != null) {
                holdout.put("share", request.holdout());
            } else {
                holdout.put("heldOutByTheFitOf", stored.modelId());
            }
            holdout.put("rootTable", root);
            holdout.put("entities", StoredRelational.readIndex(store, holdoutKey).tables().get(root).rows());
            manifest.put("holdout", holdout);
        }
        manifest.put("readMillis", (t1 - t0) / 1_000_000);
        manifest.put(stored != null && split == null ? "sampleMillis" : "fitAndSampleMillis", (t2 - t1) / 1_000_000);
        byte[] manifestBytes = Json.writePretty(manifest).getBytes(StandardCharsets.UTF_8);
        String manifestKey;
        try (DatasetStore.Staged staged = store.stage(out -> out.write(manifestBytes))) {
            manifestKey = staged.commit(base + "manifest.json").key();
        }
        String sha;
        try (InputStream in = store.open(outputKey)) {
            sha = Sha256.hex(in);
        }
        return new Result(outputKey, sha, index.sizeBytes(), index.rows(), holdoutKey, manifestKey, privacy, written,
                stored == null ? null : stored.modelId());
    }

    /**
     * What the tables hold, whatever their storage keys: the metadata's and every table's SHA-256, so
     * that the same tables uploaded twice are the same content (and share a model).
     */
    static String contentSha256(StoredRelational.Index index) {
        StringBuilder b = new StringBuilder("metadata ").append(index.metadataSha256()).append('\n');
        index.tables().forEach((t, o) -> b.append(t).append(' ').append(o.sha256()).append('\n'));
        return Sha256.hex(b.toString());
    }

    /** What decides a fitted model of several tables: the tables' content, the spec, the holdout share, the seed and the engine. */
    static String fitKey(String datasetContent, RelationalSpec spec, double holdout, long seed) {
        return Sha256.hex("relational\n" + datasetContent + "\n" + Json.write(spec) + "\n" + holdout + "\n" + seed + "\n"
                + SynthesisModel.ENGINE_VERSION);
    }

    /** The profile the profiler stored beside the tables (PII findings per table), null when there is none. */
    static RelationalProfile profile(DatasetStore store, String sourceKey) throws IOException {
        String key = StoredRelational.prefix(sourceKey) + "profile.json";
        if (!store.exists(key)) {
            return null;
        }
        try (InputStream in = store.open(key)) {
            return Json.mapper().readValue(in, RelationalProfile.class);
        }
    }

    /**
     * Columns replaced by fake values: those the request names ({@code TABLE.column}), and every
     * column the profiler flags in any table (whatever the request says, as for one table), except
     * keys and columns whose sdtype the metadata declares.
     */
    static Map<String, Map<String, String>> piiColumns(GenerationRequest request, RelationalProfile profile, RelationalMetadata metadata) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (request.pii() != null && request.pii().columns() != null) {
            request.pii().columns().forEach((qualified, kind) -> {
                int dot = qualified.indexOf('.');
                if (dot <= 0 || metadata.find(qualified.substring(0, dot)).isEmpty()) {
                    throw new BadInputException("invalid-pii", "pii columns of a dataset of several tables are named TABLE.column, got '"
                            + qualified + "'; tables are " + metadata.names());
                }
                out.computeIfAbsent(qualified.substring(0, dot), t -> new LinkedHashMap<>()).put(qualified.substring(dot + 1),
                        kind == null ? "" : kind);
            });
        }
        if (profile != null) {
            for (Map.Entry<String, DatasetProfile> e : profile.tables().entrySet()) {
                String table = e.getKey();
                if (metadata.find(table).isEmpty()) {
                    continue;
                }
                var meta = metadata.table(table);
                var keys = metadata.keyColumns(table);
                List<PiiFinding> findings = e.getValue().pii().stream()
                        .filter(f -> meta.column(f.column()).map(c -> c.sdtype() == null).orElse(true) && !keys.contains(f.column()))
                        .toList();
                ProfilePii.columns(findings).forEach((column, kind) -> out.computeIfAbsent(table, t -> new LinkedHashMap<>())
                        .putIfAbsent(column, kind));
            }
        }
        return out;
    }
}
