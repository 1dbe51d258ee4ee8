package io.synthline.cli;

import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.evaluation.RelationalEvaluation;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.RelationalProfile;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.KeyProposal;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.RelationalWriter;
import io.synthline.evaluator.engine.fidelity.QualityReport;
import io.synthline.evaluator.engine.relational.RelationalEvaluator;
import io.synthline.generator.engine.pii.ProfilePii;
import io.synthline.generator.engine.relational.PrivateRelationalModel;
import io.synthline.generator.engine.relational.PrivateRelationalSynthesizer;
import io.synthline.generator.engine.relational.RelationalArtifact;
import io.synthline.generator.engine.relational.RelationalModel;
import io.synthline.generator.engine.relational.RelationalSpec;
import io.synthline.generator.engine.relational.RelationalSynthesizer;
import io.synthline.profiler.engine.ProfileOptions;
import io.synthline.profiler.engine.relational.RelationalProfiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The multi-table forms of {@code synth profile}, {@code generate} and {@code evaluate}: the input
 * is a directory or a zip of CSV files, one per table, with a metadata document (given, or
 * {@code metadata.json} beside the tables, or keys proposed by the profiler).
 */
final class RelationalCli {
    private RelationalCli() {
    }

    /** A directory or a zip file is a relational dataset; anything else is one table. */
    static boolean isRelational(Path input) {
        return input != null && (Files.isDirectory(input) || input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"));
    }

    /** The dataset with metadata in force: declared, or proposed by the profiler (said on stderr). */
    record Input(RelationalDataset dataset, RelationalProfile profile) {
    }

    static Input read(Path input, Path metadata, PrintWriter err, boolean profileTables) {
        if (metadata != null) {
            Files2.existing(metadata, "metadata");
        }
        RelationalReader.Loaded loaded = RelationalReader.read(input, metadata, CsvOptions.defaults());
        RelationalProfiler profiler = new RelationalProfiler(ProfileOptions.defaults());
        RelationalProfile profile = null;
        RelationalDataset dataset = loaded.dataset();
        if (profileTables || !loaded.metadataFound()) {
            profile = profiler.profile(dataset, loaded.metadataFound());
            dataset = dataset.withMetadata(profile.metadata());
        }
        if (!loaded.metadataFound()) {
            KeyProposal p = profile.proposal();
            err.println("synth: no metadata given: keys proposed from the data (review them in the output's metadata.json and pass"
                    + " it with --metadata):");
            for (var pk : p.primaryKeys()) {
                if (p.metadata().table(pk.table()).primaryKey().equals(pk.columns())) {
                    err.printf("synth:   %s primary key %s (confidence %.2f: %s)%n", pk.table(), pk.columns(), pk.confidence(),
                            String.join("; ", pk.evidence()));
                }
            }
            for (var fk : p.foreignKeys()) {
                if (p.metadata().relationships().contains(fk.relationship())) {
                    err.printf("synth:   %s (confidence %.2f: %s)%n", fk.relationship().label(), fk.confidence(),
                            String.join("; ", fk.evidence()));
                }
            }
            for (var s : p.sequences()) {
                err.printf("synth:   %s looks sequential: entity %s ordered by %s (confidence %.2f; declare sequence_key and"
                        + " sequence_index to model it so)%n", s.table(), s.entityKey(), s.orderColumn(), s.confidence());
            }
        }
        return new Input(dataset, profile);
    }

    static int profile(Path input, Path metadata, boolean json, Path out, PrintWriter stdout, PrintWriter err) throws IOException {
        RelationalProfile profile = read(input, metadata, err, true).profile();
        String text = json ? Json.writePretty(profile) : text(profile);
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            err.println("synth: profile written to " + out);
        } else {
            stdout.println(text);
        }
        return SynthCommand.EXIT_OK;
    }

    private static String text(RelationalProfile p) {
        StringBuilder b = new StringBuilder();
        b.append("tables (metadata ").append(p.metadataSource()).append("):\n");
        p.tables().forEach((name, t) -> b.append(String.format(Locale.ROOT, "  %-24s %,10d rows  %3d columns  primary key %s%n", name,
                t.rowCount(), t.columnCount(), p.metadata().table(name).primaryKey())));
        b.append("relationships:\n");
        p.metadata().relationships().forEach(r -> b.append("  ").append(r.label()).append('\n'));
        for (var s : p.sequences()) {
            b.append(String.format(Locale.ROOT, "sequences of %s: %,d entities (%s) ordered by %s; length mean %.2f median %.1f max %.0f;"
                    + " step median %s%n", s.table(), s.sequences(), String.join("+", s.entityKey()), s.orderColumn(), s.lengths().mean(),
                    s.lengths().median(), s.lengths().max(), s.interArrival().median()));
        }
        p.tables().forEach((name, t) -> t.pii().forEach(f -> b.append("PII: ").append(name).append('.').append(f.column()).append(" (")
                .append(f.kind()).append(")\n")));
        return b.toString();
    }

    /** Options of {@code synth generate} for a relational input. */
    record GenerateOptions(Path input, Path metadata, double scale, long seed, Path out, String model, Map<String, String> modelOptions,
            Map<String, String> pii, boolean noPiiDetection, String locale, Double holdout, Path holdoutOut, int threads,
            boolean escapeFormulas, List<ConditionSpec> conditions, Path saveModel, Path loadModel) {
    }

    /** Whether a {@code --load-model} file is a model of several tables. */
    static boolean isRelationalModel(Path model) throws IOException {
        try (var in = Files.newInputStream(Files2.existing(model, "model"))) {
            return RelationalArtifact.isRelational(in);
        }
    }

    /** A stored model of several tables with its copy guard ({@code MODEL.guard}) beside it. */
    private static RelationalModel load(Path file, int threads) throws IOException {
        RelationalModel model;
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(Files2.existing(file, "model")))) {
            model = RelationalArtifact.read(in, threads);
        }
        Path guard = FileGeneration.guardPath(file);
        if (Files.exists(guard)) {
            try (var in = new java.io.BufferedInputStream(Files.newInputStream(guard))) {
                model = model.withGuard(RelationalArtifact.readGuard(in));
            }
        }
        return model;
    }

    /** {@code --save-model}: the model, and beside it the copy guard (kept with the training data: it recognises real PII values). */
    private static String save(RelationalModel model, Path file) throws IOException {
        GenerateCommand.writeAtomically(file, out -> RelationalArtifact.write(model, out));
        GenerateCommand.writeAtomically(FileGeneration.guardPath(file), out -> RelationalArtifact.writeGuard(model, out));
        return RelationalArtifact.id(model);
    }

    static int generate(GenerateOptions o, PrintWriter err) throws IOException {
        if (!(o.scale() > 0) || Double.isInfinite(o.scale())) {
            throw new SynthCommand.UserError("--scale must be a number greater than 0, got " + o.scale());
        }
        long t0 = System.nanoTime();
        Input in = null;
        Entities.Split split = null;
        RelationalModel model;
        String modelId = null;
        long t1;
        if (o.loadModel() != null) {
            model = load(o.loadModel(), o.threads());
            modelId = RelationalArtifact.id(model);
            t1 = System.nanoTime();
        } else {
            in = read(o.input(), o.metadata(), err, !o.noPiiDetection());
            RelationalDataset dataset = in.dataset();
            RelationalSpec spec = new RelationalSpec(o.model(), o.modelOptions(), piiColumns(o, in, err), o.locale());
            split = o.holdout() == null ? new Entities.Split(dataset, null, Entities.root(dataset.metadata()))
                    : Entities.split(dataset, o.holdout(), o.seed());
            t1 = System.nanoTime();
            model = RelationalSynthesizer.fit(split.training(), spec, o.seed(), o.threads());
            if (o.saveModel() != null) {
                modelId = save(model, o.saveModel());
            }
        }
        RelationalSpec spec = model.spec();
        long t2 = System.nanoTime();
        RelationalDataset synthetic = model.sample(o.scale(), o.seed(), o.conditions());
        long t3 = System.nanoTime();
        writeDirectory(o.out(), synthetic, o.escapeFormulas());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("seed", o.seed());
        manifest.put("scale", o.scale());
        manifest.put("model", spec.model());
        manifest.put("modelOptions", spec.options());
        if (modelId != null) {
            manifest.put("modelId", modelId);
        }
        if (in != null) {
            manifest.put("metadata", in.profile() != null && in.profile().proposal() != null ? "proposed" : "declared");
        }
        if (!o.conditions().isEmpty()) {
            manifest.put("conditions", Map.of("table", Entities.root(model.metadata()), "conditions", o.conditions()));
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        for (String t : synthetic.tables().keySet()) {
            Map<String, Object> table = new LinkedHashMap<>();
            if (split != null) {
                table.put("realRows", split.training().table(t).rowCount());
            }
            table.put("rows", synthetic.table(t).rowCount());
            table.put("sha256", Sha256.hex(o.out().resolve(t + ".csv")));
            tables.put(t, table);
        }
        manifest.put("tables", tables);
        manifest.put("piiReplaced", model.piiColumns());
        manifest.put("notes", model.notes());
        manifest.put("fitMillis", (t2 - t1) / 1_000_000);
        manifest.put("sampleMillis", (t3 - t2) / 1_000_000);
        if (split != null && split.hasHoldout()) {
            Path target = o.holdoutOut() != null ? o.holdoutOut() : o.out().resolveSibling(o.out().getFileName() + ".holdout");
            writeDirectory(target, split.holdout(), o.escapeFormulas());
            manifest.put("holdout", Map.of("share", o.holdout(), "rootTable", split.root(), "entities",
                    split.holdout().table(split.root()).rowCount(), "directory", target.toString()));
            err.printf("synth: %,d %s entities held out with their rows -> %s%n", split.holdout().table(split.root()).rowCount(),
                    split.root(), target);
        }
        Files.writeString(o.out().resolve("manifest.json"), Json.writePretty(manifest), StandardCharsets.UTF_8);
        model.notes().forEach(n -> err.println("synth: note: " + n));
        long rows = synthetic.tables().values().stream().mapToLong(t -> t.rowCount()).sum();
        String fit = o.loadModel() != null ? String.format("loaded %s model %s of %d tables in %d ms", spec.model(), modelId.substring(0, 12),
                synthetic.tables().size(), (t1 - t0) / 1_000_000) : String.format("%s fitted on %d tables in %d ms (read %d ms)", spec.model(),
                synthetic.tables().size(), (t2 - t1) / 1_000_000, (t1 - t0) / 1_000_000);
        if (o.saveModel() != null) {
            err.printf("synth: model %s -> %s (its copy guard, to keep with the data: %s)%n", modelId.substring(0, 12), o.saveModel(),
                    FileGeneration.guardPath(o.saveModel()));
        }
        err.printf("synth: %s, %,d rows sampled at scale %s in %d ms -> %s%n", fit, rows, o.scale(), (t3 - t2) / 1_000_000, o.out());
        return SynthCommand.EXIT_OK;
    }

    /**
     * The differentially private path: one parent table and its children, flattened so that a person
     * (a parent row with its child rows, at most {@code maxChildren} per child table) is one row of
     * the DP model. PII columns come from the metadata only, replaced from their kind alone.
     */
    static int generatePrivate(GenerateOptions o, io.synthline.commons.api.PrivacySpec privacy, Integer maxChildren, PrivacyOptions report,
            PrintWriter err) throws IOException {
        if (!(o.scale() > 0) || Double.isInfinite(o.scale())) {
            throw new SynthCommand.UserError("--scale must be a number greater than 0, got " + o.scale());
        }
        Input in = read(o.input(), o.metadata(), err, false);
        if (in.profile() != null) {
            throw new SynthCommand.UserError("a differentially private model needs the metadata declared (--metadata): keys proposed"
                    + " from the data would be learned outside the privacy accounting");
        }
        RelationalDataset dataset = in.dataset();
        Entities.Split split = o.holdout() == null ? new Entities.Split(dataset, null, Entities.root(dataset.metadata()))
                : Entities.split(dataset, o.holdout(), o.seed());
        int k = maxChildren == null ? PrivateRelationalSynthesizer.DEFAULT_MAX_CHILDREN : maxChildren;
        long t0 = System.nanoTime();
        PrivateRelationalModel model = PrivateRelationalSynthesizer.fit(split.training(),
                new PrivateRelationalSynthesizer.Settings(o.model(), o.modelOptions(), privacy, k, o.locale()), o.seed());
        long t1 = System.nanoTime();
        RelationalDataset synthetic = model.sample(o.scale(), o.seed());
        long t2 = System.nanoTime();
        writeDirectory(o.out(), synthetic, o.escapeFormulas());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("seed", o.seed());
        manifest.put("scale", o.scale());
        manifest.put("model", o.model());
        manifest.put("privacy", Map.of("level", "user: a " + split.root() + " row with its child rows is one neighbour",
                "maxChildrenPerParent", k, "report", model.privacy()));
        Map<String, Object> tables = new LinkedHashMap<>();
        for (String t : synthetic.tables().keySet()) {
            tables.put(t, Map.of("rows", synthetic.table(t).rowCount(), "sha256", Sha256.hex(o.out().resolve(t + ".csv"))));
        }
        manifest.put("tables", tables);
        manifest.put("fitMillis", (t1 - t0) / 1_000_000);
        manifest.put("sampleMillis", (t2 - t1) / 1_000_000);
        if (split.hasHoldout()) {
            Path target = o.holdoutOut() != null ? o.holdoutOut() : o.out().resolveSibling(o.out().getFileName() + ".holdout");
            writeDirectory(target, split.holdout(), o.escapeFormulas());
            manifest.put("holdout", Map.of("share", o.holdout(), "rootTable", split.root(), "directory", target.toString()));
        }
        Files.writeString(o.out().resolve("manifest.json"), Json.writePretty(manifest), StandardCharsets.UTF_8);
        err.printf("synth: %s fitted on %s with its children flattened (at most %d child rows per parent and table) in %d ms, sampled in"
                + " %d ms -> %s%n", o.model(), split.root(), k, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, o.out());
        report.report(model.privacy(), true, o.out(), err);
        return SynthCommand.EXIT_OK;
    }

    /** Requested PII columns ({@code table.column=kind}) and, unless switched off, the columns the profiler flags that the metadata does not declare. */
    private static Map<String, Map<String, String>> piiColumns(GenerateOptions o, Input in, PrintWriter err) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        o.pii().forEach((qualified, kind) -> {
            int dot = qualified.indexOf('.');
            if (dot <= 0) {
                throw new SynthCommand.UserError("--pii takes TABLE.COLUMN=KIND for several tables, got '" + qualified + "'");
            }
            out.computeIfAbsent(qualified.substring(0, dot), t -> new LinkedHashMap<>()).put(qualified.substring(dot + 1), kind);
        });
        if (!o.noPiiDetection() && in.profile() != null) {
            List<String> detected = new ArrayList<>();
            for (Map.Entry<String, DatasetProfile> e : in.profile().tables().entrySet()) {
                String table = e.getKey();
                var meta = in.dataset().metadata().table(table);
                var keys = in.dataset().metadata().keyColumns(table);
                List<PiiFinding> findings = e.getValue().pii().stream()
                        .filter(f -> meta.column(f.column()).map(c -> c.sdtype() == null).orElse(true) && !keys.contains(f.column())).toList();
                ProfilePii.columns(findings).forEach((column, kind) -> {
                    out.computeIfAbsent(table, t -> new LinkedHashMap<>()).putIfAbsent(column, kind);
                    detected.add(table + "." + column);
                });
            }
            if (!detected.isEmpty()) {
                err.println("synth: PII detected by the profiler, replaced by fake values and never learned: " + detected
                        + " (--no-pii-detection to keep them, or declare their sdtype in the metadata)");
            }
        }
        return out;
    }

    /** Writes the tables and metadata into a fresh directory beside the target, then puts it in place. */
    static void writeDirectory(Path target, RelationalDataset dataset, boolean escapeFormulas) throws IOException {
        placeDirectory(target, dir -> RelationalWriter.write(dataset, dir, escapeFormulas));
    }

    @FunctionalInterface
    interface DirectoryFiller {
        void fill(Path dir) throws IOException;
    }

    /**
     * Fills a fresh directory beside {@code target}, then puts it in place: no half-written output,
     * and an existing target holding anything but a previous output is refused.
     */
    static void placeDirectory(Path target, DirectoryFiller filler) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".synth-");
        try {
            filler.fill(tmp);
            if (Files.exists(target)) {
                if (!Files.isDirectory(target)) {
                    throw new SynthCommand.UserError("--out must be a directory for several tables; " + target + " is a file");
                }
                try (Stream<Path> old = Files.list(target)) {
                    List<Path> stale = old.toList();
                    for (Path p : stale) {
                        String n = p.getFileName().toString();
                        if (!(n.endsWith(".csv") || n.equals("metadata.json") || n.equals("manifest.json"))) {
                            throw new SynthCommand.UserError("--out " + target + " holds other files (" + n + "); choose an empty or new directory");
                        }
                    }
                    for (Path p : stale) {
                        Files.delete(p);
                    }
                }
                Files.delete(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> walk = Files.walk(tmp)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * {@code synth generate DIR_OR_ZIP --remote}: the tables (with {@code --metadata}, else the
     * {@code metadata.json} beside them, else none: the platform proposes the keys) go up as one zip,
     * the run is requested at the scale, watched until governance releases it, and its tables, metadata
     * and manifest are written into {@code --out}.
     */
    static int generateRemotely(io.synthline.cli.client.ApiClient client, GenerateOptions o, io.synthline.commons.api.PrivacySpec privacy,
            Integer maxChildren, String purpose, long waitMinutes, PrintWriter err) throws IOException {
        if (o.holdoutOut() != null) {
            throw new SynthCommand.UserError("--holdout-out: with --remote the held-out entities stay on the platform (its evaluation"
                    + " measures privacy on them)");
        }
        if (o.metadata() != null) {
            Files2.existing(o.metadata(), "metadata");
        }
        Path zip = Files.createTempFile("synthline-upload-", ".zip");
        String datasetId;
        try {
            int tables = zipTables(o.input(), o.metadata(), zip);
            String name = o.input().getFileName().toString();
            err.printf("synth: uploading %d tables of %s (%,d bytes zipped)%n", tables, name, Files.size(zip));
            com.fasterxml.jackson.databind.JsonNode dataset = client.uploadTables(zip, name);
            datasetId = dataset.path("id").asText();
            err.printf("synth: dataset %s: %,d rows in %d tables%n", datasetId, dataset.path("rowCount").asLong(), tables);
        } finally {
            Files.deleteIfExists(zip);
        }
        Map<String, String> pii = new LinkedHashMap<>(o.pii());
        io.synthline.commons.api.GenerationRequest request = new io.synthline.commons.api.GenerationRequest(datasetId, null, o.seed(),
                o.model(), o.modelOptions().isEmpty() ? null : o.modelOptions(), o.conditions().isEmpty() ? null : o.conditions(),
                null, null,
                pii.isEmpty() && o.locale() == null ? null : new io.synthline.commons.api.PiiSpec(pii, o.locale()), null, null, null,
                privacy, o.holdout(), purpose).forTables(o.scale(), maxChildren);
        com.fasterxml.jackson.databind.JsonNode run = client.requestGenerationWhenVisible(request, java.time.Duration.ofSeconds(60));
        String id = run.path("id").asText();
        err.printf("synth: run %s requested: model %s, scale %s, seed %d%n", id, run.path("model").asText(), o.scale(), o.seed());
        new io.synthline.cli.client.RunWatch(client, err, System.console() != null)
                .awaitRelease(id, java.time.Duration.ofMinutes(Math.max(1, waitMinutes)));
        download(client, id, o.out(), o.escapeFormulas());
        err.printf("synth: run %s -> %s; its evaluation: synth report %s%n", id, o.out(), id);
        return SynthCommand.EXIT_OK;
    }

    /**
     * The tables of a released run on several tables into {@code target} (a directory, put in place
     * whole): {@code data.zip} with the exact bytes, each table checked against the SHA-256 the run's
     * manifest gives it (a table missing or altered writes nothing), then formula cells escaped
     * unless asked not to, with {@code metadata.json} and the run's {@code manifest.json}.
     */
    static void download(io.synthline.cli.client.ApiClient client, String run, Path target, boolean escapeFormulas) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path zip = Files.createTempFile(parent, ".synth-", ".zip");
        Path manifest = Files.createTempFile(parent, ".synth-", ".json");
        try {
            client.downloadTo(client.endpoints().generator(), "/api/v1/generations/" + run + "/manifest", "application/json", manifest);
            client.downloadTo(client.endpoints().generator(), "/api/v1/generations/" + run + "/data.zip?escapeFormulas=false",
                    io.synthline.commons.relational.StoredRelational.ZIP_CONTENT_TYPE, zip);
            com.fasterxml.jackson.databind.JsonNode tables = Json.mapper().readTree(manifest.toFile()).path("tables");
            List<String> names = new ArrayList<>();
            tables.fieldNames().forEachRemaining(names::add);
            placeDirectory(target, dir -> {
                unzipInto(zip, dir);
                for (String table : names) {
                    Path file = dir.resolve(table + ".csv");
                    if (!Files.exists(file) || !Sha256.hex(file).equals(tables.path(table).path("sha256").asText())) {
                        throw new IOException("table " + table + " of run " + run + (Files.exists(file)
                                ? " does not have the SHA-256 the run's manifest gives it" : " is missing from its data.zip")
                                + "; nothing was written");
                    }
                    if (escapeFormulas) {
                        Path escaped = dir.resolve(".escaping-" + table);
                        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file));
                                var out = new java.io.BufferedOutputStream(Files.newOutputStream(escaped))) {
                            io.synthline.commons.csv.FormulaGuard.escape(in, out);
                        }
                        Files.move(escaped, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.copy(manifest, dir.resolve("manifest.json"));
            });
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(manifest);
        }
    }

    /** Zips the CSV files of a directory (or repacks a zip's) with the metadata in force; returns the number of tables. */
    static int zipTables(Path input, Path metadata, Path zip) throws IOException {
        Path dir = input;
        Path expanded = null;
        if (!Files.isDirectory(input)) {
            expanded = Files.createTempDirectory("synthline-tables-");
            unzipInto(Files2.existing(input, "input"), expanded);
            dir = expanded;
        }
        try (var out = new java.util.zip.ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(zip), 1 << 16));
                Stream<Path> files = Files.list(dir)) {
            int tables = 0;
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                boolean table = n.toLowerCase(Locale.ROOT).endsWith(".csv") && !n.startsWith(".");
                boolean beside = metadata == null && n.equals(io.synthline.commons.relational.RelationalReader.METADATA_FILE);
                if (Files.isRegularFile(f) && (table || beside)) {
                    out.putNextEntry(new java.util.zip.ZipEntry(n));
                    Files.copy(f, out);
                    out.closeEntry();
                    tables += table ? 1 : 0;
                }
            }
            if (metadata != null) {
                out.putNextEntry(new java.util.zip.ZipEntry(io.synthline.commons.relational.RelationalReader.METADATA_FILE));
                Files.copy(metadata, out);
                out.closeEntry();
            }
            if (tables == 0) {
                throw new SynthCommand.UserError(input + " holds no CSV file (one file per table, named TABLE.csv)");
            }
            return tables;
        } finally {
            if (expanded != null) {
                try (Stream<Path> walk = Files.walk(expanded)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Extracts the CSV files and metadata.json of a zip (flat: folders inside it are ignored) into {@code dir}. */
    static void unzipInto(Path zip, Path dir) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(zip)))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String entry = e.getName().replace('\\', '/');
                String n = entry.substring(entry.lastIndexOf('/') + 1);
                if (e.isDirectory() || entry.startsWith("__MACOSX/") || n.startsWith(".")
                        || !(n.toLowerCase(Locale.ROOT).endsWith(".csv") || n.equals(io.synthline.commons.relational.RelationalReader.METADATA_FILE))) {
                    continue;
                }
                Path target = dir.resolve(n);
                if (Files.exists(target)) {
                    throw new SynthCommand.UserError("the zip holds two files named " + n);
                }
                Files.copy(in, target);
            }
        }
    }

    static int evaluate(Path real, Path synthetic, Path holdout, Path metadata, boolean formulasEscaped, boolean noThresholds, long seed,
            java.util.Set<RelationalEvaluator.Section> sections, int threads, boolean json, Path out, PrintWriter stdout, PrintWriter err)
            throws IOException {
        if (!isRelational(synthetic)) {
            throw new SynthCommand.UserError("--synthetic must be a directory or zip of tables like --real");
        }
        RelationalDataset realData = read(real, metadata, err, false).dataset();
        RelationalDataset syn = RelationalReader.readLike(synthetic, realData, CsvOptions.defaults(), formulasEscaped);
        RelationalDataset held = holdout == null ? null : RelationalReader.readLike(holdout, realData, CsvOptions.defaults(),
                formulasEscaped);
        if (held != null) {
            // REAL may be the whole dataset the holdout was split from: the attacks need the training entities only
            RelationalDataset training = Entities.withoutEntities(realData, held);
            if (training != realData) {
                String root = Entities.root(realData.metadata());
                err.printf("synth: the %,d held-out %s entities are in %s: evaluating against its other %,d%n", held.table(root).rowCount(),
                        root, real.getFileName(), training.table(root).rowCount());
                realData = training;
            }
        }
        RelationalEvaluation doc = RelationalEvaluator.evaluate(realData, syn, held,
                noThresholds ? QualityReport.Thresholds.NONE : QualityReport.Thresholds.DEFAULT, seed, sections, threads);
        String text = json ? Json.writePretty(doc) : io.synthline.evaluator.engine.report.RelationalHtml.render(doc);
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } else {
            stdout.println(text);
        }
        List<String> summary = new ArrayList<>();
        if (doc.quality() != null) {
            summary.add(String.format(Locale.ROOT, "quality %.4f", doc.quality().score() == null ? Double.NaN : doc.quality().score()));
        }
        if (doc.integrity() != null) {
            summary.add(String.format(Locale.ROOT, "referential integrity %.4f", doc.integrity().score()));
        }
        if (doc.privacy() != null) {
            var mi = doc.privacy().membershipInference();
            summary.add(String.format(Locale.ROOT, "entity-level membership inference AUC %.3f [%.3f, %.3f], closer to training %.3f"
                    + " (baseline %.3f)", mi.auc(), mi.ci().low(), mi.ci().high(), doc.privacy().dcrShare().value(),
                    doc.privacy().dcrShare().baseline()));
        }
        err.println("synth: " + (summary.isEmpty() ? "sequences compared" : String.join("; ", summary)));
        return SynthCommand.EXIT_OK;
    }

}
