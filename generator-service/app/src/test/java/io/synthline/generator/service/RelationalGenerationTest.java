package io.synthline.generator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.generator.engine.generation.Generation;
import io.synthline.generator.engine.relational.RelationalArtifact;
import io.synthline.generator.engine.relational.RelationalModel;
import io.synthline.generator.engine.relational.RelationalSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on several tables: what it reports per table is what it stored and what its manifest lists;
 * the model it fitted, kept by the service's {@link RelationalGeneration.Models}, samples the same
 * tables again by id; what a request may ask of a stored model; what identifies a fit.
 */
class RelationalGenerationTest {
    static final Path SHOP = Path.of("../../samples/shop");

    @Test
    void everyWrittenTableIsReportedWithTheManifestsHashRowsAndBytes(@TempDir Path root) throws Exception {
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        String source = StoredRelational.write(store, "acme/datasets/d1/",
                RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset(), "declared");
        GenerationRequest request = new GenerationRequest("d1", null, 7L, null).forTables(0.25, null);
        RelationalGeneration.Result r = RelationalGeneration.run(store, source, request, 7L, 1, "acme/generations/g1/",
                "acme/models/g1/holdout/", new KeptInMemory(store), Generation.SILENT);

        JsonNode manifest;
        try (InputStream in = store.open(r.manifestKey())) {
            manifest = Json.mapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        manifest.path("tables").fieldNames().forEachRemaining(names::add);
        assertThat(r.tables()).extracting(Payloads.GeneratedTable::name).containsExactlyElementsOf(names)
                .containsExactlyInAnyOrder("customers", "orders", "order_lines", "returns", "visits");
        StoredRelational.Index index = StoredRelational.readIndex(store, r.outputKey());
        for (Payloads.GeneratedTable t : r.tables()) {
            JsonNode listed = manifest.path("tables").path(t.name());
            assertThat(t.sha256()).as(t.name()).isEqualTo(listed.path("sha256").asText());
            assertThat(t.rows()).as(t.name()).isEqualTo(listed.path("rows").asLong()).isPositive();
            assertThat(t.bytes()).as(t.name()).isEqualTo(listed.path("bytes").asLong());
            try (InputStream in = store.open(index.tables().get(t.name()).key())) {
                assertThat(Sha256.hex(in)).as(t.name()).isEqualTo(t.sha256());
            }
        }
        assertThat(r.tables()).filteredOn(t -> t.name().equals("customers")).singleElement()
                .satisfies(t -> assertThat(t.columns()).isEqualTo(header(SHOP.resolve("customers.csv"))));
        assertThat(r.tables().stream().mapToLong(Payloads.GeneratedTable::rows).sum()).isEqualTo(r.rowsWritten());
    }

    private static int header(Path csv) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(csv).getFirst().split(",").length;
    }
    private static final String MODEL = "a".repeat(64);

    private static GenerationRequest request(String model, String modelId, PrivacySpec privacy, List<ConditionSpec> conditions,
            Integer maxChildren) {
        return new GenerationRequest("d", null, 1L, model, null, conditions, null, null, null, null, null, modelId, privacy, null, "test")
                .forTables(1.0, maxChildren);
    }

    @Test
    void aStoredTreeModelIsSampledByIdAndWhatIsNeverStoredIsRefusedInUserTerms() {
        assertThatCode(() -> RelationalGeneration.validate(request(null, MODEL, null, null, null))).doesNotThrowAnyException();
        assertThatCode(() -> RelationalGeneration.validate(request("tree", MODEL, null, null, null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RelationalGeneration.validate(request("mst", MODEL, new PrivacySpec(1.0, 1e-9, null, null, null), null, 2)))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.slug()).isEqualTo("model-not-stored");
                    assertThat(e.getMessage()).contains("differentially private", "never stored", "leave out modelId");
                });
        assertThatThrownBy(() -> RelationalGeneration.validate(request(null, MODEL, null, List.of(ConditionSpec.equalTo("segment", "gold")),
                null))).isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.getMessage())
                        .contains("conditions with a stored model", "leave out modelId"));
        assertThat(RelationalGeneration.unknownModel(MODEL).getMessage()).contains("no stored model of several tables", "sequences");
    }

    @Test
    void aFitIsIdentifiedByTheTablesContentNotWhereTheyAreStored() {
        var tables = Map.of("customers", new StoredRelational.TableObject("acme/datasets/1/tables/customers.csv", "c1", 10, 2));
        var moved = Map.of("customers", new StoredRelational.TableObject("acme/datasets/2/tables/customers.csv", "c1", 10, 2));
        var other = Map.of("customers", new StoredRelational.TableObject("acme/datasets/1/tables/customers.csv", "c2", 10, 2));
        String content = RelationalGeneration.contentSha256(new StoredRelational.Index("k1", "m", "declared", tables));
        assertThat(RelationalGeneration.contentSha256(new StoredRelational.Index("k2", "m", "declared", moved))).isEqualTo(content);
        assertThat(RelationalGeneration.contentSha256(new StoredRelational.Index("k1", "m", "declared", other))).isNotEqualTo(content);
        assertThat(RelationalGeneration.contentSha256(new StoredRelational.Index("k1", "m2", "declared", tables))).isNotEqualTo(content);

        RelationalSpec spec = new RelationalSpec("tree", Map.of(), Map.of("customers", Map.of("email", "email")), null);
        String key = RelationalGeneration.fitKey(content, spec, 0.2, 7);
        assertThat(RelationalGeneration.fitKey(content, spec, 0.2, 7)).isEqualTo(key);
        assertThat(RelationalGeneration.fitKey(content, spec, 0.2, 8)).isNotEqualTo(key);
        assertThat(RelationalGeneration.fitKey(content, spec, 0.0, 7)).isNotEqualTo(key);
        assertThat(RelationalGeneration.fitKey(content, new RelationalSpec("tree", Map.of(), Map.of(), null), 0.2, 7)).isNotEqualTo(key);
    }

    /**
     * The run's model is kept (artifact and guard bytes, as the service stores them) and named by the
     * run; a request naming it samples it without fitting and writes byte-identical tables for the
     * same seed and scale, with the entities the fit held out.
     */
    @Test
    void aKeptModelSampledAgainByIdWritesTheSameTables(@TempDir Path root) throws Exception {
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        String source = StoredRelational.write(store, "acme/datasets/d2/",
                RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset(), "declared");
        KeptInMemory models = new KeptInMemory(store);
        GenerationRequest fit = new GenerationRequest("d2", null, 5L, null).withDefaultHoldout(0.2).forTables(0.5, null);
        RelationalGeneration.Result fitted = RelationalGeneration.run(store, source, fit, 5L, 1, "acme/generations/g2/",
                "acme/models/g2/holdout/", models, Generation.SILENT);
        assertThat(fitted.modelId()).isNotNull();
        assertThat(models.fits).isEqualTo(1);
        GenerationRequest byId = new GenerationRequest("d2", null, 5L, null, null, null, null, null, null, null, null, fitted.modelId(),
                null, null, "again").forTables(0.5, null);
        RelationalGeneration.Result again = RelationalGeneration.run(store, source, byId, 5L, 1, "acme/generations/g3/",
                "acme/models/g3/holdout/", models, Generation.SILENT);
        assertThat(again.modelId()).isEqualTo(fitted.modelId());
        assertThat(again.tables()).isEqualTo(fitted.tables());
        assertThat(again.holdoutKey()).isEqualTo(fitted.holdoutKey()).isNotNull();
        // the same request again reuses the kept fit, and writes the same tables
        RelationalGeneration.Result cached = RelationalGeneration.run(store, source, fit, 5L, 1, "acme/generations/g4/",
                "acme/models/g4/holdout/", models, Generation.SILENT);
        assertThat(models.fits).isEqualTo(1);
        assertThat(cached.tables()).isEqualTo(fitted.tables());
    }

    /** The service's fitted-model store reduced to memory: the artifact and guard as bytes, the held-out entities in the store. */
    private static final class KeptInMemory implements RelationalGeneration.Models {
        private final Map<String, byte[][]> byId = new HashMap<>();
        private final Map<String, String> idByFit = new HashMap<>();
        private final Map<String, String> holdoutById = new HashMap<>();
        private final FileSystemDatasetStore store;
        int fits;

        KeptInMemory(FileSystemDatasetStore store) {
            this.store = store;
        }

        @Override
        public RelationalGeneration.Stored named(String modelId, String datasetContent) throws IOException {
            if (!byId.containsKey(modelId)) {
                throw RelationalGeneration.unknownModel(modelId);
            }
            return load(modelId);
        }

        @Override
        public RelationalGeneration.Stored cached(String fitKey) throws IOException {
            return idByFit.containsKey(fitKey) ? load(idByFit.get(fitKey)) : null;
        }

        @Override
        public RelationalGeneration.Stored keep(String fitKey, String datasetContent, RelationalModel model, Entities.Split split)
                throws IOException {
            fits++;
            String id = RelationalArtifact.id(model);
            ByteArrayOutputStream artifact = new ByteArrayOutputStream();
            RelationalArtifact.write(model, artifact);
            ByteArrayOutputStream guard = new ByteArrayOutputStream();
            RelationalArtifact.writeGuard(model, guard);
            byId.put(id, new byte[][] {artifact.toByteArray(), guard.toByteArray()});
            idByFit.put(fitKey, id);
            if (split.hasHoldout()) {
                holdoutById.put(id, StoredRelational.write(store, "acme/models/" + id + "/holdout/", split.holdout(), "holdout"));
            }
            return new RelationalGeneration.Stored(model, id, holdoutById.get(id));
        }

        private RelationalGeneration.Stored load(String id) throws IOException {
            byte[][] bytes = byId.get(id);
            RelationalModel model = RelationalArtifact.read(new ByteArrayInputStream(bytes[0]), 1)
                    .withGuard(RelationalArtifact.readGuard(new ByteArrayInputStream(bytes[1])));
            return new RelationalGeneration.Stored(model, id, holdoutById.get(id));
        }
    }
}
