package io.synthline.generator.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.synthesis.HoldoutSplit;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's steps with in-memory adapters: what is fitted, kept, read back, hashed and recorded. */
class GenerationPipelineTest {
    private static final Path ADULT = Datasets.adult();

    @TempDir
    Path dir;

    /** Adapters that keep models in memory and the output in {@link #dir}, recording which steps ran. */
    private final class Memory implements GenerationPipeline.Source, GenerationPipeline.Models, GenerationPipeline.Output {
        final List<String> steps = new ArrayList<>();
        final String format;
        GenerationPipeline.Stored stored;
        byte[] manifest;

        Memory(String format) {
            this.format = format;
        }

        @Override
        public String sha256() throws IOException {
            steps.add("sha256");
            return Sha256.hex(ADULT);
        }

        @Override
        public Table read() {
            steps.add("read");
            return CsvTableReader.read(ADULT);
        }

        @Override
        public List<PiiFinding> pii() {
            steps.add("pii");
            return List.of();
        }

        @Override
        public Table trainingOf(SynthesisModel model) {
            steps.add("trainingOf");
            return CsvTableReader.read(ADULT);
        }

        @Override
        public GenerationPipeline.Stored find(GenerationRequest request) {
            steps.add("find");
            return stored;
        }

        @Override
        public GenerationPipeline.Stored keep(SynthesisModel model, HoldoutSplit split) {
            steps.add("keep " + (split.hasHoldout() ? split.holdout().rowCount() : 0));
            stored = new GenerationPipeline.Stored(model, "model-1", split.hasHoldout() ? "holdout-1" : null);
            return stored;
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public Path csv(GenerationPipeline.StreamWriter writer) throws IOException {
            Path csv = dir.resolve("out.csv");
            try (var out = Files.newOutputStream(csv)) {
                writer.write(out);
            }
            return csv;
        }

        @Override
        public GenerationPipeline.Published parquet(GenerationPipeline.FileWriter writer) throws IOException {
            Path parquet = dir.resolve("out.parquet");
            writer.write(parquet);
            return new GenerationPipeline.Published(Files.size(parquet), Sha256.hex(parquet));
        }

        @Override
        public void manifest(byte[] json) {
            manifest = json;
        }
    }

    private static GenerationPipeline.Job job(GenerationRequest request) {
        return new GenerationPipeline.Job(request, 42, 0, null, 2);
    }

    private static GenerationRequest request(String model, List<ConditionSpec> conditions, Double holdout) {
        return new GenerationRequest(null, 2_000L, 42L, model, null, conditions, null, null, null, null, null, null, null, holdout);
    }

    @Test
    void aFitIsKeptWithItsHoldoutAndAStoredModelGivesTheSameBytes() throws Exception {
        Memory memory = new Memory(Requests.CSV);
        GenerationPipeline.Run first = GenerationPipeline.run(job(request("independent", null, 0.2)), memory, memory, memory,
                Generation.SILENT);
        byte[] csv = Files.readAllBytes(dir.resolve("out.csv"));
        assertThat(memory.steps).containsExactly("find", "sha256", "read", "pii", "keep 6512");
        assertThat(first.fitted()).isTrue();
        assertThat(first.model().holdout()).isEqualTo("holdout-1");
        assertThat(first.manifest().modelId()).isEqualTo("model-1");
        assertThat(first.manifest().outputSha256()).isEqualTo(Sha256.hex(csv)).isEqualTo(first.result().sha256());
        assertThat(new String(memory.manifest, StandardCharsets.UTF_8)).contains("\"holdout\" : 0.2");

        memory.steps.clear();
        GenerationPipeline.Run again = GenerationPipeline.run(job(request("independent", null, 0.2)), memory, memory, memory,
                Generation.SILENT);
        assertThat(memory.steps).as("a stored model is sampled without reading the data").containsExactly("find");
        assertThat(again.fitted()).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("out.csv"))).isEqualTo(csv);
    }

    @Test
    void aStoredTreeGetsItsTrainingRowsBackOnlyToCondition() throws Exception {
        Memory memory = new Memory(Requests.CSV);
        SynthesisModel fitted = SynthesisModel.fit(CsvTableReader.read(ADULT), ModelSpec.of("tree"), 42, 2,
                Sha256.hex(ADULT));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fitted.write(bytes);
        ByteArrayOutputStream guard = new ByteArrayOutputStream();
        fitted.writeGuard(guard);
        SynthesisModel stored = SynthesisModel.read(new ByteArrayInputStream(bytes.toByteArray()), 2)
                .withGuard(CopyGuard.read(new ByteArrayInputStream(guard.toByteArray())));
        memory.stored = new GenerationPipeline.Stored(stored, "tree-1", null);

        GenerationPipeline.run(job(request("tree", null, null)), memory, memory, memory, Generation.SILENT);
        assertThat(memory.steps).containsExactly("find");

        memory.steps.clear();
        GenerationPipeline.Run run = GenerationPipeline.run(job(request("tree", List.of(ConditionSpec.equalTo("sex", "Female")), null)),
                memory, memory, memory, Generation.SILENT);
        assertThat(memory.steps).containsExactly("find", "trainingOf");
        Table out = CsvTableReader.read(dir.resolve("out.csv"));
        assertThat(out.rowCount()).isEqualTo(2_000);
        for (int r = 0; r < out.rowCount(); r++) {
            assertThat(out.column("sex").text(r)).isEqualTo("Female");
        }
        assertThat(run.manifest().conditions()).hasSize(1);
    }

    @Test
    void aParquetRunsManifestDescribesTheParquetFileAndItsRunHashTheRows() throws Exception {
        Memory memory = new Memory(Requests.PARQUET);
        GenerationPipeline.Run run = GenerationPipeline.run(job(request("independent", null, null)), memory, memory, memory,
                Generation.SILENT);
        Path parquet = dir.resolve("out.parquet");
        assertThat(run.manifest().format()).isEqualTo("parquet");
        assertThat(run.manifest().outputSha256()).isEqualTo(Sha256.hex(parquet));
        assertThat(run.manifest().bytes()).isEqualTo(Files.size(parquet));
        assertThat(run.result().sha256()).isEqualTo(Sha256.hex(dir.resolve("out.csv")));
    }
}
