package io.synthline.generator.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.events.Payloads;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.commons.relational.RelationalReader;
import io.synthline.commons.relational.StoredRelational;
import io.synthline.commons.store.FileSystemDatasetStore;
import io.synthline.generator.engine.generation.Generation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run on several tables reports per table is what it stored and what its manifest lists. */
class RelationalGenerationTest {
    static final Path SHOP = Path.of("../../samples/shop");

    @Test
    void everyWrittenTableIsReportedWithTheManifestsHashRowsAndBytes(@TempDir Path root) throws Exception {
        FileSystemDatasetStore store = new FileSystemDatasetStore(root);
        String source = StoredRelational.write(store, "acme/datasets/d1/",
                RelationalReader.read(SHOP, null, CsvOptions.defaults()).dataset(), "declared");
        GenerationRequest request = new GenerationRequest("d1", null, 7L, null).forTables(0.25, null);
        RelationalGeneration.Result r = RelationalGeneration.run(store, source, request, 7L, 1, "acme/generations/g1/",
                "acme/models/g1/holdout/", Generation.SILENT);

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
}
