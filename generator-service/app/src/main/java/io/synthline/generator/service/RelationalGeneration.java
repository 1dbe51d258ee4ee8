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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     */
    record Result(String outputKey, String outputSha256, long outputBytes, long rowsWritten, String holdoutKey, String manifestKey,
            PrivacyReport privacy, List<Payloads.GeneratedTable> tables) {
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
        if (request.modelId() != null) {
            unsupported.add("modelId (stored relational models)");
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
     * Fits, samples and stores. {@code base} is the generation's folder, {@code holdoutBase} where
     * the held-out real entities go (kept with the models, deleted with the dataset).
     */
    static Result run(DatasetStore store, String sourceKey, GenerationRequest request, long seed, int threads, String base,
            String holdoutBase, Generation.Listener listener) throws IOException {
        long t0 = System.nanoTime();
        RelationalDataset real = StoredRelational.read(store, sourceKey);
        RelationalProfile profile = profile(store, sourceKey);
        double scale = request.scale() == null ? 1.0 : request.scale();
        double share = request.holdout() == null ? 0 : request.holdout();
        Entities.Split split = share > 0 ? Entities.split(real, share, seed)
                : new Entities.Split(real, null, Entities.root(real.metadata()));
        String model = request.model() == null ? DEFAULT_MODEL : request.model();
        String locale = request.pii() == null ? null : request.pii().locale();
        long t1 = System.nanoTime();
        RelationalDataset synthetic;
        PrivacyReport privacy = null;
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("seed", seed);
        manifest.put("scale", scale);
        manifest.put("model", model);
        manifest.put("modelOptions", request.modelOptions() == null ? Map.of() : request.modelOptions());
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
            RelationalModel fitted = RelationalSynthesizer.fit(split.training(), new RelationalSpec(model, request.modelOptions(),
                    piiColumns(request, profile, real.metadata()), locale), seed, threads);
            List<ConditionSpec> conditions = request.conditions() == null ? List.of() : request.conditions();
            synthetic = fitted.sample(scale, seed, conditions, listener);
            if (!conditions.isEmpty()) {
                manifest.put("conditions", Map.of("table", split.root(), "conditions", conditions));
            }
            manifest.put("piiReplaced", fitted.piiColumns());
            manifest.put("notes", fitted.notes());
        }
        long t2 = System.nanoTime();
        String outputKey = StoredRelational.write(store, base, synthetic, "generated");
        StoredRelational.Index index = StoredRelational.readIndex(store, outputKey);
        Map<String, Object> tables = new LinkedHashMap<>();
        List<Payloads.GeneratedTable> written = new ArrayList<>();
        index.tables().forEach((t, o) -> {
            tables.put(t, Map.of("realRows", split.training().table(t).rowCount(), "rows", o.rows(), "sha256", o.sha256(),
                    "bytes", o.sizeBytes()));
            written.add(new Payloads.GeneratedTable(t, o.rows(), synthetic.table(t).columnCount(), o.sha256(), o.sizeBytes()));
        });
        manifest.put("tables", tables);
        manifest.put("metadataSha256", index.metadataSha256());
        String holdoutKey = null;
        if (split.hasHoldout()) {
            holdoutKey = StoredRelational.write(store, holdoutBase, split.holdout(), "holdout");
            manifest.put("holdout", Map.of("share", share, "rootTable", split.root(), "entities",
                    split.holdout().table(split.root()).rowCount()));
        }
        manifest.put("readMillis", (t1 - t0) / 1_000_000);
        manifest.put("fitAndSampleMillis", (t2 - t1) / 1_000_000);
        byte[] manifestBytes = Json.writePretty(manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String manifestKey;
        try (DatasetStore.Staged staged = store.stage(out -> out.write(manifestBytes))) {
            manifestKey = staged.commit(base + "manifest.json").key();
        }
        String sha;
        try (InputStream in = store.open(outputKey)) {
            sha = Sha256.hex(in);
        }
        return new Result(outputKey, sha, index.sizeBytes(), index.rows(), holdoutKey, manifestKey, privacy, written);
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
