package io.synthline.generator.engine.pipeline;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.generation.GenerationManifest;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.HoldoutSplit;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import io.synthline.generator.engine.output.ParquetOutput;
import io.synthline.generator.engine.shard.ShardRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One generation run, the same for the {@code synth} CLI and the generator service: PII findings
 * and request -> model spec -> a stored model or a new fit (with its holdout) -> the training rows
 * back for a stored model that conditions on them -> sampling to CSV -> the Parquet rendition ->
 * the manifest. The order of the steps, what is checked, hashed and recorded is decided here; an
 * adapter only says where things live: the training data ({@link Source}), the fitted models
 * ({@link Models}) and the output ({@link Output}). Plain Java: no framework, no threads of its own
 * (sampling uses {@code job.workers()}).
 *
 * <p>A run that fails keeps nothing of its output: {@link Output#csv} must keep only what was
 * completely written, and a run that produced no row throws {@code no-rows-produced} from inside
 * the writer. Models and holdouts a fit keeps before sampling stay (a later run reuses them).
 */
public final class GenerationPipeline {
    /** The slug of the error thrown when every requested row was dropped (see {@link Generation.Result#nothingProduced()}). */
    public static final String NO_ROWS_PRODUCED = "no-rows-produced";

    private GenerationPipeline() {
    }

    /**
     * What to run.
     *
     * @param request  the request (API body, CLI options or spec file); its rows are the run's row count
     * @param seed     the run's seed (same data, request and seed: same bytes)
     * @param firstRow index of the first row (0, or a later row to regenerate rows or shards of a larger run)
     * @param scope    who the run is for, part of the run id (the platform's tenant; null in the CLI)
     * @param workers  sampling and fitting threads; never changes the output
     */
    public record Job(GenerationRequest request, long seed, long firstRow, String scope, int workers) {
    }

    /** The training data of a run. Read only when needed: a stored model that does not condition never reads it. */
    public interface Source {
        /** SHA-256 of the dataset's bytes, recorded in the model (a stored model is matched to its data by it). */
        String sha256() throws IOException;

        /** The typed rows a model is fitted on. */
        Table read() throws IOException;

        /** The columns flagged as personal data: replaced by fake values and never learned (asked just before a fit). */
        List<PiiFinding> pii() throws IOException;

        /**
         * The rows a stored model that conditions on its training data (a tree) grows its trees on:
         * the data it was fitted on, checked against its manifest's dataset hash where that is not known to match.
         */
        Table trainingOf(SynthesisModel stored) throws IOException;
    }

    /** Where fitted models are kept. */
    public interface Models {
        /** The stored model this request samples (named by it, or fitted before for the same data, spec and seed); null: fit one. */
        Stored find(GenerationRequest request) throws IOException;

        /** Keeps a model this run fitted, with the rows its fit held out, before it is sampled; returns it as stored. */
        Stored keep(SynthesisModel model, HoldoutSplit split) throws IOException;

        /** Called with the model about to be sampled (fitted or stored, with its training rows if it conditions on them). */
        default void beforeSampling(SynthesisModel model) throws IOException {
        }
    }

    /**
     * A model as its store knows it.
     *
     * @param id      the model's id as its owner knows it (the platform's tenant-scoped id; {@link SynthesisModel#id()} in the CLI)
     * @param holdout where the rows its fit held out are kept, null when it held out none
     */
    public record Stored(SynthesisModel model, String id, String holdout) {
    }

    /** Where a run's output goes. */
    public interface Output {
        /** {@code csv} or {@code parquet} ({@link Requests#CSV}, {@link Requests#PARQUET}): the file the run publishes. */
        String format();

        /**
         * Keeps the exact CSV {@code writer} writes (the bytes the manifest's run hash covers); when the
         * writer throws, nothing is kept. Returns a local file to read the CSV back from.
         */
        Path csv(StreamWriter writer) throws IOException;

        /**
         * Samples the run somewhere else into the same bytes (the service: a large run as a Kubernetes
         * Job of shards, joined into its output), or returns null to sample it here through {@link #csv}.
         * A run elsewhere that produced no row is deleted and reported with {@link #nothingProduced}.
         */
        default Sampled sampleElsewhere(SynthesisModel model, Generation generation, GenerationSettings settings)
                throws IOException, InterruptedException {
            return null;
        }

        /** Publishes the Parquet rendition {@code writer} converts into the file it is given; returns its size and hash. */
        Published parquet(FileWriter writer) throws IOException;

        /**
         * Publishes a CSV file for people other than the exact CSV (the CLI's, with formula cells
         * escaped) and returns its size and hash; null when the exact CSV is the published file.
         */
        default Published rendition(Path csv) throws IOException {
            return null;
        }

        /** Keeps the manifest (pretty-printed JSON, UTF-8). */
        void manifest(byte[] json) throws IOException;
    }

    /**
     * A run sampled elsewhere ({@link Output#sampleElsewhere}).
     *
     * @param csv    a local file to read the joined CSV back from
     * @param shards each shard's rows, size and hash in file order, for the manifest
     */
    public record Sampled(Path csv, Generation.Result result, List<ShardRecord> shards) {
    }

    /** The size and SHA-256 of a published file, as its manifest records them. */
    public record Published(long bytes, String sha256) {
    }

    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface FileWriter {
        void write(Path file) throws IOException;
    }

    /**
     * A finished run.
     *
     * @param fitted          true when this run fitted the model (so a DP model's privacy cost belongs to it)
     * @param readNanos       time to hash and read the training data and find its PII (0 for a stored model)
     * @param fitNanos        time to fit (0 for a stored model)
     * @param sampleNanos     time to sample and publish the output
     */
    public record Run(Stored model, boolean fitted, GenerationSettings settings, Generation.Result result, GenerationManifest manifest,
            long readNanos, long fitNanos, long sampleNanos) {
    }

    /** The error of a run in which every requested row was dropped (see {@link Generation.Result#nothingProduced()}). */
    public static BadInputException nothingProduced(Generation.Result result) {
        return new BadInputException(NO_ROWS_PRODUCED, result.nothingProducedMessage());
    }

    /** Runs {@code job}: see the class comment for the steps. */
    public static Run run(Job job, Source source, Models models, Output output, Generation.Listener listener)
            throws IOException, InterruptedException {
        GenerationRequest request = job.request();
        Stored stored = models.find(request);
        boolean fitted = stored == null;
        long readNanos = 0;
        long fitNanos = 0;
        if (fitted) {
            long t0 = System.nanoTime();
            String sha = source.sha256();
            Table data = source.read();
            ModelSpec spec = Requests.modelSpec(request, source.pii());
            long t1 = System.nanoTime();
            SynthesisModel model = SynthesisModel.fit(data, spec, job.seed(), job.workers(), sha);
            long t2 = System.nanoTime();
            stored = models.keep(model, HoldoutSplit.of(data, spec.holdout(), job.seed()));
            readNanos = t1 - t0;
            fitNanos = t2 - t1;
        }
        GenerationSettings settings = Requests.settings(request, job.seed(), job.workers()).withRange(job.firstRow(), request.rows());
        SynthesisModel model = stored.model();
        if (model.conditioningNeedsTraining() && (!settings.conditions().isEmpty() || settings.rebalance() != null)) {
            model = model.withTraining(source.trainingOf(model));
        }
        models.beforeSampling(model);
        Generation generation = Generation.prepare(model, settings, job.scope());
        long t3 = System.nanoTime();
        Generation.Result[] result = new Generation.Result[1];
        Sampled elsewhere = output.sampleElsewhere(model, generation, settings);
        Path csv;
        if (elsewhere != null) {
            csv = elsewhere.csv();
            result[0] = elsewhere.result();
        } else {
            csv = output.csv(out -> {
                Generation.Result r = generation.writeCsv(out, true, listener);
                if (r.nothingProduced()) {
                    throw nothingProduced(r);
                }
                result[0] = r;
            });
        }
        String format = output.format();
        GenerationManifest manifest = GenerationManifest.of(model, settings, result[0], format).withModelId(stored.id())
                .withShards(elsewhere == null ? null : elsewhere.shards());
        SynthesisModel sampled = model;
        Published file = Requests.PARQUET.equals(format)
                ? output.parquet(target -> ParquetOutput.convert(csv, ParquetOutput.schema(generation.header(),
                        sampled.manifest().schema()), target))
                : output.rendition(csv);
        if (file != null) {
            manifest = manifest.forFile(file.bytes(), file.sha256());
        }
        long t4 = System.nanoTime();
        output.manifest(Json.writePretty(manifest).getBytes(StandardCharsets.UTF_8));
        return new Run(new Stored(model, stored.id(), stored.holdout()), fitted, settings, result[0], manifest, readNanos, fitNanos,
                t4 - t3);
    }
}
